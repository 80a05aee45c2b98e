import { env } from 'cloudflare:workers'
import { describe, expect, it } from 'vitest'
import { TEST_PASSWORD } from '../setup/accounts'
import { api, createClient, fetchWorker, signIn } from './helpers'

// A move reads a cookie's session in its own read batch (one D1 round trip less): these prove
// the caller is still let in or turned away exactly as every other route does, before any write.

const moveBody = (version: number) => JSON.stringify({ stageId: 'platform-demo', version })

async function moveWith(id: string, cookie: string, headers: Record<string, string> = {}) {
  const res = await fetchWorker(`/api/clients/${id}/move`, {
    method: 'POST',
    headers: { cookie, 'content-type': 'application/json', ...headers },
    body: moveBody(1),
  })
  return { status: res.status, body: (await res.json()) as Record<string, any> }
}

/** The card's stage and version, and how many moves its history holds. */
async function stateOf(id: string) {
  const card = await env.DB.prepare('SELECT stage_id, version FROM clients WHERE id = ?1')
    .bind(id)
    .first<{ stage_id: string; version: number }>()
  const moves = await env.DB.prepare(
    "SELECT COUNT(*) AS n FROM client_events WHERE client_id = ?1 AND kind = 'moved'",
  )
    .bind(id)
    .first<number>('n')
  return { ...card, moves }
}

describe('a move by session cookie', () => {
  it('moves for a member, names them in the history and keeps the session alive', async () => {
    const client = await createClient('needs-discovery')
    const cookie = await signIn('member@board.test', TEST_PASSWORD)
    // Last seen two minutes ago: the move refreshes it, as any other request would.
    await env.DB.prepare(
      "UPDATE sessions SET last_seen_at = ?1 WHERE user_id = 'u-member' AND revoked_at IS NULL",
    )
      .bind(Date.now() - 120_000)
      .run()
    const moved = await moveWith(client.id, cookie)
    expect(moved.status).toBe(200)
    expect(moved.body).toMatchObject({ stageId: 'platform-demo', version: 2 })
    const history = (await api(`/clients/${client.id}/history`)).body.events
    expect(history[0]).toMatchObject({ kind: 'moved', actorId: 'u-member' })
    const seen = await env.DB.prepare(
      "SELECT MAX(last_seen_at) AS at FROM sessions WHERE user_id = 'u-member' AND revoked_at IS NULL",
    ).first<number>('at')
    expect(seen).toBeGreaterThan(Date.now() - 60_000)
  })

  it('refuses a signed-out session with 401 and writes nothing', async () => {
    const client = await createClient('needs-discovery')
    const cookie = await signIn('member@board.test', TEST_PASSWORD)
    expect((await api('/auth/logout', { as: { cookie }, method: 'POST' })).status).toBe(204)
    const refused = await moveWith(client.id, cookie, { 'idempotency-key': 'signed-out-1' })
    expect(refused.status).toBe(401)
    expect(refused.body.error.code).toBe('unauthenticated')
    expect(await stateOf(client.id)).toEqual({ stage_id: 'needs-discovery', version: 1, moves: 0 })
  })

  it('refuses a viewer with 403 and writes nothing', async () => {
    const client = await createClient('needs-discovery')
    const refused = await moveWith(client.id, await signIn('viewer@board.test', TEST_PASSWORD))
    expect(refused.status).toBe(403)
    expect(refused.body.error.code).toBe('forbidden')
    expect(await stateOf(client.id)).toEqual({ stage_id: 'needs-discovery', version: 1, moves: 0 })
  })

  it('refuses a move sent from another site with a valid cookie, and writes nothing', async () => {
    const client = await createClient('needs-discovery')
    const cookie = await signIn('member@board.test', TEST_PASSWORD)
    const refused = await moveWith(client.id, cookie, {
      origin: 'https://evil.example',
      'sec-fetch-site': 'cross-site',
    })
    expect(refused.status).toBe(403)
    expect(refused.body.error.code).toBe('cross_site')
    expect(await stateOf(client.id)).toEqual({ stage_id: 'needs-discovery', version: 1, moves: 0 })
  })

  it('answers a key reused for another move with 422, after the first move landed', async () => {
    const client = await createClient('needs-discovery')
    const cookie = await signIn('member@board.test', TEST_PASSWORD)
    const headers = { 'idempotency-key': 'reused-move-1' }
    expect((await moveWith(client.id, cookie, headers)).status).toBe(200)
    // The same key with the card's current version: the plan would accept it, the claim does not.
    const other = await fetchWorker(`/api/clients/${client.id}/move`, {
      method: 'POST',
      headers: { cookie, 'content-type': 'application/json', ...headers },
      body: JSON.stringify({ stageId: 'needs-discovery', version: 2 }),
    })
    expect(other.status).toBe(422)
    expect(((await other.json()) as Record<string, any>).error.code).toBe('idempotency_mismatch')
    expect(await stateOf(client.id)).toEqual({ stage_id: 'platform-demo', version: 2, moves: 1 })
  })
})
