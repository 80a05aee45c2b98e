import { createExecutionContext, waitOnExecutionContext } from 'cloudflare:test'
import { env } from 'cloudflare:workers'
import { describe, expect, it } from 'vitest'
import { createApp } from '../../worker/app'
import { TEST_PASSWORD } from '../setup/accounts'
import { api, ORIGIN, signIn } from './helpers'

const INSIDE = [
  'http://127.0.0.1:8080/hook',
  'http://[::1]/hook',
  'http://0.0.0.0/',
  'http://2130706433/',
  'http://169.254.169.254/latest/meta-data/',
  'http://10.1.2.3/',
  'http://172.16.5.5/',
  'http://192.168.0.10/',
  'http://100.64.1.1/',
  'http://[fd00::5]/',
  'http://[fe80::1]/',
  'http://localhost:6379/',
  'http://nas.local/',
  'http://vault.corp.internal/',
]

const hookCount = async () =>
  (await env.DB.prepare('SELECT COUNT(*) AS n FROM webhooks').first<{ n: number }>())?.n

describe('webhook targets', () => {
  it('refuses a URL inside a network at creation, naming the field', async () => {
    const before = await hookCount()
    for (const url of INSIDE) {
      const res = await api('/webhooks', { method: 'POST', json: { url, events: ['message'] } })
      expect(res.status, url).toBe(422)
      expect(res.body.error.code).toBe('private_address')
      expect(res.body.error.fields.url[0]).toMatch(/public address/)
    }
    expect(await hookCount()).toBe(before)
  })

  it('refuses moving a webhook to such a URL', async () => {
    const hook = await api('/webhooks', {
      method: 'POST',
      json: { url: 'https://hooks.test/ok', events: ['message'] },
    })
    expect(hook.status).toBe(201)
    for (const url of INSIDE) {
      const res = await api(`/webhooks/${hook.body.id}`, {
        method: 'PATCH',
        json: { version: 1, url },
      })
      expect(res.status, url).toBe(422)
      expect(Object.keys(res.body.error.fields)).toEqual(['url'])
    }
    const stored = await env.DB.prepare('SELECT url, version FROM webhooks WHERE id = ?1')
      .bind(hook.body.id)
      .first()
    expect(stored).toEqual({ url: 'https://hooks.test/ok', version: 1 })
  })

  it('accepts a private URL when WEBHOOK_ALLOW_PRIVATE is on', async () => {
    const cookie = await signIn('admin@board.test', TEST_PASSWORD)
    const ctx = createExecutionContext()
    const res = await createApp().fetch(
      new Request(`${ORIGIN}/api/webhooks`, {
        method: 'POST',
        headers: { cookie, origin: ORIGIN, 'content-type': 'application/json' },
        body: JSON.stringify({ url: 'http://10.0.0.7/hook', events: ['message'] }),
      }),
      { ...env, WEBHOOK_ALLOW_PRIVATE: 'true' },
      ctx,
    )
    await waitOnExecutionContext(ctx)
    expect(res.status).toBe(201)
  })
})
