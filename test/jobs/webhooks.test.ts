import { env } from 'cloudflare:workers'
import { describe, expect, it } from 'vitest'
import { api, createClient } from '../api/helpers'
import { RECEIVER_SECRET } from '../setup/stand-ins'
import { deliverWebhooks, sendWebhook } from '../../worker/jobs/deliver-webhooks'
import { runCron, SWEEP } from './run-cron'

const deliveries = async (hookId: string) =>
  (await api(`/webhooks/${hookId}/deliveries`)).body.deliveries as {
    status: string
    attempts: number
    lastStatus: number | null
    lastError: string | null
    nextAttemptAt: string
  }[]

/** Points a stored webhook somewhere the API would refuse (as a URL saved before the check). */
const storeUrl = (hookId: string, url: string) =>
  env.DB.prepare('UPDATE webhooks SET url = ?1 WHERE id = ?2').bind(url, hookId).run()

async function hookAndMove(url: string, secret = RECEIVER_SECRET) {
  const hook = await api('/webhooks', {
    method: 'POST',
    json: { url, events: ['client.moved'], secret },
  })
  expect(hook.status).toBe(201)
  const client = await createClient('kickoff')
  await api(`/clients/${client.id}/move`, {
    method: 'POST',
    json: { stageId: 'onboarding-plan', version: 1 },
  })
  return hook.body.id as string
}

describe('outgoing webhooks', () => {
  it('deliver signed events that the receiver verifies', async () => {
    const hookId = await hookAndMove('https://hooks.test/ok')
    expect((await deliveries(hookId))[0]).toMatchObject({ status: 'pending', attempts: 0 })
    await runCron(SWEEP, Date.now())
    expect((await deliveries(hookId))[0]).toMatchObject({
      status: 'delivered',
      attempts: 1,
      lastStatus: 200,
    })
  })

  it('are refused by the receiver when signed with another secret, and kept for retry', async () => {
    const hookId = await hookAndMove('https://hooks.test/ok', 'some-other-secret-123456')
    await runCron(SWEEP, Date.now())
    expect((await deliveries(hookId))[0]).toMatchObject({
      status: 'pending',
      attempts: 1,
      lastStatus: 401,
    })
  })

  it('retry with growing backoff until the endpoint is back, losing nothing', async () => {
    const hookId = await hookAndMove('https://hooks.test/flaky/3')
    let now = Date.now()
    const waits: number[] = []
    for (let i = 0; i < 3; i += 1) {
      await runCron(SWEEP, now)
      const [d] = await deliveries(hookId)
      expect(d).toMatchObject({ status: 'pending', attempts: i + 1, lastStatus: 500 })
      const next = Date.parse(d?.nextAttemptAt ?? '')
      waits.push(next - now)
      // Too early: the delivery waits for its backoff.
      await runCron(SWEEP, next - 1000)
      expect((await deliveries(hookId))[0]?.attempts).toBe(i + 1)
      now = next
    }
    expect(waits).toEqual([60_000, 120_000, 240_000])
    await runCron(SWEEP, now)
    expect((await deliveries(hookId))[0]).toMatchObject({
      status: 'delivered',
      attempts: 4,
      lastStatus: 200,
    })
  })

  it('send each event once even when two runs overlap', async () => {
    const hookId = await hookAndMove('https://hooks.test/ok')
    const now = Date.now()
    await Promise.all([runCron(SWEEP, now), runCron(SWEEP, now), runCron(SWEEP, now)])
    expect((await deliveries(hookId))[0]).toMatchObject({ status: 'delivered', attempts: 1 })
  })

  it('offer a Slack-compatible text payload', async () => {
    const hook = await api('/webhooks', {
      method: 'POST',
      json: {
        url: 'https://hooks.test/ok',
        events: ['client.moved'],
        format: 'slack',
        secret: RECEIVER_SECRET,
      },
    })
    const client = await createClient('kickoff', { company: 'АО «Слак»' })
    await api(`/clients/${client.id}/move`, {
      method: 'POST',
      json: { stageId: 'onboarding-plan', version: 1 },
    })
    await runCron(SWEEP, Date.now())
    expect((await deliveries(hook.body.id))[0]?.status).toBe('delivered')
    const row = await env.DB.prepare('SELECT payload FROM webhook_deliveries WHERE webhook_id = ?1')
      .bind(hook.body.id)
      .first<{ payload: string }>()
    expect(JSON.parse(row?.payload ?? '{}').text).toContain('АО «Слак»')
  })

  it('are for admins only, and never show their secret after creation', async () => {
    expect((await api('/webhooks', { as: 'lead' })).status).toBe(403)
    const list = await api('/webhooks')
    expect(JSON.stringify(list.body)).not.toContain(RECEIVER_SECRET)
    const bad = await api('/webhooks', {
      method: 'POST',
      json: { url: 'javascript:alert(1)', events: ['message'] },
    })
    expect(bad.status).toBe(422)
  })

  it('log a failed connection in generic words, never the network error', async () => {
    // The test network answers every request, so a refused connection is played by the fetcher.
    const refused = () => Promise.reject(new Error('connect ECONNREFUSED 10.20.30.40:6379'))
    const outcome = await sendWebhook('https://hooks.test/ok', {}, '{}', undefined, refused)
    expect(outcome).toEqual({ status: null, error: 'connection_failed' })
    // Rows logged before the change kept the raw message: the log shows only the generic word.
    const hookId = await hookAndMove('https://hooks.test/down')
    await env.DB.prepare(
      `UPDATE webhook_deliveries SET last_error = 'getaddrinfo ENOTFOUND db.corp.internal'
       WHERE webhook_id = ?1`,
    )
      .bind(hookId)
      .run()
    expect((await deliveries(hookId))[0]?.lastError).toBe('connection_failed')
  })

  it('are not sent to an internal address stored before the check, unless allowed', async () => {
    const hookId = await hookAndMove('https://hooks.test/ok')
    await storeUrl(hookId, 'http://127.0.0.1/ok')
    await runCron(SWEEP, Date.now())
    expect((await deliveries(hookId))[0]).toMatchObject({
      status: 'pending',
      attempts: 1,
      lastStatus: null,
      lastError: 'address_refused',
    })
    // A self-hoster's receiver next door: the same delivery goes through with the setting on.
    await deliverWebhooks({ ...env, WEBHOOK_ALLOW_PRIVATE: 'true' }, Date.now() + 3_600_000)
    expect((await deliveries(hookId))[0]).toMatchObject({
      status: 'delivered',
      attempts: 2,
      lastStatus: 200,
    })
  })
})
