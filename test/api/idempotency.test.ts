import { env } from 'cloudflare:workers'
import { describe, expect, it, vi } from 'vitest'
import { TEST_PASSWORD } from '../setup/accounts'
import { api } from './helpers'

const countClients = async () =>
  (await env.DB.prepare('SELECT COUNT(*) AS n FROM clients').first<{ n: number }>())?.n

describe('Idempotency-Key', () => {
  it('returns the first result to a retry instead of acting twice', async () => {
    const request = {
      method: 'POST',
      headers: { 'idempotency-key': 'create-once-1' },
      json: { name: 'Once', company: 'ООО «Один раз»', tier: 'C', stageId: 'kickoff' },
    }
    const before = await countClients()
    const first = await api('/clients', request)
    const retry = await api('/clients', request)
    expect(first.status).toBe(201)
    expect(retry.status).toBe(201)
    expect(retry.body.id).toBe(first.body.id)
    expect(retry.headers.get('idempotent-replayed')).toBe('true')
    expect(await countClients()).toBe((before ?? 0) + 1)
  })

  it('replays a move once, even though the version it carried is now stale', async () => {
    const created = await api('/clients', {
      method: 'POST',
      json: { name: 'Mover', company: 'АО «Движение»', tier: 'B', stageId: 'kickoff' },
    })
    const move = {
      method: 'POST',
      headers: { 'idempotency-key': 'move-once-1' },
      json: { stageId: 'onboarding-plan', version: 1 },
    }
    const first = await api(`/clients/${created.body.id}/move`, move)
    const retry = await api(`/clients/${created.body.id}/move`, move)
    expect(first.status).toBe(200)
    expect(retry.status).toBe(200)
    expect(retry.body.version).toBe(2)
    const events = (await api(`/clients/${created.body.id}/history`)).body.events
    expect(events.filter((e: { kind: string }) => e.kind === 'moved')).toHaveLength(1)
  })

  it('keeps keys apart per path', async () => {
    const headers = { 'idempotency-key': 'shared-key' }
    const a = await api('/clients', {
      method: 'POST',
      headers,
      json: { name: 'A', company: 'A', tier: 'C', stageId: 'kickoff' },
    })
    const b = await api('/members', {
      method: 'POST',
      headers,
      json: { name: 'B', email: 'b.idem@demo.test', grade: 'junior' },
    })
    expect(a.status).toBe(201)
    expect(b.status).toBe(201)
    expect(b.body.email).toBe('b.idem@demo.test')
  })

  it('answers 409 while the first request with the key is still running', async () => {
    // The first request's claim, as it stands in D1 while that request is being served.
    await env.DB.prepare(
      "INSERT INTO idempotency_keys (scope, key, created_at) VALUES ('u-admin POST /api/clients', 'in-flight-1', ?1)",
    )
      .bind(Date.now())
      .run()
    const before = await countClients()
    const retry = await api('/clients', {
      method: 'POST',
      headers: { 'idempotency-key': 'in-flight-1' },
      json: { name: 'Twice', company: 'ООО «Дважды»', tier: 'C', stageId: 'kickoff' },
    })
    expect(retry.status).toBe(409)
    expect(retry.body.error.code).toBe('idempotency_in_progress')
    expect(await countClients()).toBe(before)
  })

  it('frees the key after a failure on our side, so the retry runs for real', async () => {
    const company = 'ООО «Сбой на сервере»'
    // A D1 failure for this one company: the first request ends in a 500.
    await env.DB.exec(
      `CREATE TRIGGER fail_once BEFORE INSERT ON clients WHEN NEW.company = '${company}' BEGIN SELECT RAISE(ABORT, 'disk on fire'); END`,
    )
    const request = {
      method: 'POST',
      headers: { 'idempotency-key': 'after-500-1' },
      json: { name: 'Retry', company, tier: 'C', stageId: 'kickoff' },
    }
    const logged = vi.spyOn(console, 'error').mockImplementation(() => {})
    const failed = await api('/clients', request)
    const errorsLogged = logged.mock.calls.length
    logged.mockRestore()
    await env.DB.exec('DROP TRIGGER fail_once')
    const retry = await api('/clients', request)
    expect(failed.status).toBe(500)
    expect(errorsLogged).toBe(1)
    expect(retry.status).toBe(201)
    expect(retry.headers.get('idempotent-replayed')).toBeNull()
    expect(retry.body.company).toBe(company)
  })

  it('refuses the same key with another body instead of replaying the first answer', async () => {
    const headers = { 'idempotency-key': 'bound-key-1' }
    const body = { company: 'ООО «Ключ»', tier: 'C', stageId: 'kickoff' }
    const before = await countClients()
    const first = await api('/clients', {
      method: 'POST',
      headers,
      json: { name: 'First', ...body },
    })
    expect(first.status).toBe(201)
    const other = await api('/clients', {
      method: 'POST',
      headers,
      json: { name: 'Other', ...body },
    })
    expect(other.status).toBe(422)
    expect(other.body.error.code).toBe('idempotency_mismatch')
    expect(other.headers.get('idempotent-replayed')).toBeNull()
    expect(await countClients()).toBe((before ?? 0) + 1)
    const same = await api('/clients', {
      method: 'POST',
      headers,
      json: { name: 'First', ...body },
    })
    expect(same.body.id).toBe(first.body.id)
  })

  it("never replays one caller's sign-in to another", async () => {
    const headers = { 'idempotency-key': 'login-key' }
    const login = (email: string) =>
      api('/auth/login', {
        as: 'anonymous',
        method: 'POST',
        headers,
        json: { email, password: TEST_PASSWORD },
      })
    const first = await login('viewer@board.test')
    const second = await login('member@board.test')
    const again = await login('member@board.test')
    expect(first.body.user.email).toBe('viewer@board.test')
    for (const res of [second, again]) {
      expect(res.status).toBe(200)
      expect(res.body.user.email).toBe('member@board.test')
      expect(res.headers.get('idempotent-replayed')).toBeNull()
      expect(res.headers.get('set-cookie')).toMatch(/^__Host-jb_session=/)
    }
  })

  it('moves once for retries sent at the same time, and answers each with the one move', async () => {
    const created = await api('/clients', {
      method: 'POST',
      json: { name: 'Racer', company: 'АО «Гонка»', tier: 'B', stageId: 'kickoff' },
    })
    const move = {
      method: 'POST',
      headers: { 'idempotency-key': 'move-race-1' },
      json: { stageId: 'onboarding-plan', version: 1 },
    }
    const answers = await Promise.all(
      [1, 2, 3].map(() => api(`/clients/${created.body.id}/move`, move)),
    )
    expect(answers.map((a) => a.status)).toEqual([200, 200, 200])
    expect(answers.map((a) => a.body.version)).toEqual([2, 2, 2])
    expect(answers.filter((a) => a.headers.get('idempotent-replayed') === 'true')).toHaveLength(2)
    const events = (await api(`/clients/${created.body.id}/history`)).body.events
    expect(events.filter((e: { kind: string }) => e.kind === 'moved')).toHaveLength(1)
    const claim = await env.DB.prepare(
      "SELECT status FROM idempotency_keys WHERE key = 'move-race-1'",
    ).first<{ status: number }>()
    expect(claim?.status).toBe(200)
  })

  it('stores no claim for a move that was refused, so its retry is answered afresh', async () => {
    const created = await api('/clients', {
      method: 'POST',
      json: { name: 'Stale', company: 'АО «Устаревшее»', tier: 'B', stageId: 'kickoff' },
    })
    const move = {
      method: 'POST',
      headers: { 'idempotency-key': 'move-stale-1' },
      json: { stageId: 'onboarding-plan', version: 7 },
    }
    const first = await api(`/clients/${created.body.id}/move`, move)
    expect(first.status).toBe(409)
    const claim = await env.DB.prepare(
      "SELECT COUNT(*) AS n FROM idempotency_keys WHERE key = 'move-stale-1'",
    ).first<{ n: number }>()
    expect(claim?.n).toBe(0)
  })
})
