import { env } from 'cloudflare:workers'
import { describe, expect, it } from 'vitest'
import { recordingDb, totals, type Executed } from '../../bench/d1-recorder'
import { suggestSnapshot, teamSnapshot } from '../../worker/services/team-snapshot'
import { api } from './helpers'
import { newClient, newMember } from './team-helpers'

const db = env.DB
const MEMBERS = 30

/** Rows D1 reports read for one call of `read`. */
async function rowsRead(read: (d: D1Database) => Promise<unknown>): Promise<number> {
  const log: Executed[] = []
  await read(recordingDb(db, log))
  return totals(log).rowsRead
}

/**
 * `count` more clients, spread over the live stages and tiers, each with an account manager
 * and a sales rep from the bulk members: written straight to D1 (the triggers of 0020 count
 * them as they land, as for any other writer).
 */
async function addClients(from: number, count: number) {
  await db.batch([
    db
      .prepare(
        `WITH RECURSIVE n(i) AS (SELECT CAST(?1 AS INTEGER) UNION ALL SELECT i + 1 FROM n WHERE i < ?1 + ?2 - 1)
         INSERT INTO clients (id, name, company, tier, stage_id, position, entered_stage_at,
           created_at, updated_at)
         SELECT 'bulk-' || i, 'Bulk ' || i, 'Bulk', substr('ABC', i % 3 + 1, 1), s.id,
           'a0', 0, 0, 0
         FROM n JOIN (SELECT id, row_number() OVER (ORDER BY id) - 1 AS k
                      FROM stages WHERE archived = 0) s ON s.k = i % 40`,
      )
      .bind(from, count),
    db
      .prepare(
        `INSERT INTO client_people (client_id, role_id, member_id, assigned_at)
         SELECT c.id, r.role, 'bulk-m' || ((CAST(substr(c.id, 6) AS INTEGER) + r.k) % CAST(?3 AS INTEGER)), 1
         FROM clients c, (SELECT 'account_manager' AS role, 0 AS k UNION ALL SELECT 'sales', 7) r
         WHERE c.id LIKE 'bulk-%' AND CAST(substr(c.id, 6) AS INTEGER) BETWEEN ?1 AND ?1 + ?2 - 1`,
      )
      .bind(from, count, MEMBERS),
  ])
}

async function addMembers() {
  const ids = Array.from({ length: MEMBERS }, (_, i) => `bulk-m${i}`)
  await db.batch(
    ids.flatMap((id) => [
      db
        .prepare(
          `INSERT INTO members (id, name, email, grade, created_at, updated_at)
           VALUES (?1, ?1, ?1 || '@bulk.test', 'senior', 0, 0)`,
        )
        .bind(id),
      db
        .prepare(
          `INSERT INTO member_roles (member_id, role_id)
           VALUES (?1, 'account_manager'), (?1, 'sales')`,
        )
        .bind(id),
    ]),
  )
}

/** The loads and overdue counts both ways: from the per-member counts and from every client. */
async function bothWays() {
  const [fast, full] = await Promise.all([
    suggestSnapshot(db, Date.now()),
    teamSnapshot(db, Date.now()),
  ])
  const rounded = (m: ReadonlyMap<string, number>) =>
    Object.fromEntries(
      [...m]
        .filter(([, v]) => Math.abs(v) > 1e-9)
        .map(([k, v]) => [k, Math.round(v * 1e6) / 1e6])
        .sort(([a], [b]) => (String(a) < String(b) ? -1 : 1)),
    )
  return {
    fast: { loads: rounded(fast.loads), overdue: rounded(fast.overdue) },
    full: { loads: rounded(full.loads), overdue: rounded(full.overdue) },
  }
}

describe('suggestions read rows per member, not per client', () => {
  it('reads about as many rows with ten times the clients (the whole-team read grows tenfold)', async () => {
    await addMembers()
    await addClients(1, 60)
    const small = await rowsRead((d) => suggestSnapshot(d, Date.now()))
    const smallFull = await rowsRead((d) => teamSnapshot(d, Date.now()))
    await addClients(61, 540)
    const large = await rowsRead((d) => suggestSnapshot(d, Date.now()))
    const largeFull = await rowsRead((d) => teamSnapshot(d, Date.now()))

    expect(large).toBeLessThan(small * 1.5)
    expect(large).toBeLessThan(1000)
    // The read the suggestion used before (every live client) is the one that grows.
    expect(largeFull).toBeGreaterThan(smallFull * 5)
  })

  it('keeps the per-member counts equal to the loads counted over every client', async () => {
    // Every kind of change the counts follow: people set and replaced, moves across phases,
    // a new tier, archive and restore, the sweep's overdue marks and a return.
    const am = await newMember('senior', null, { roleIds: ['account_manager', 'sales'] })
    const other = await newMember('senior', null)
    const a = await newClient('A', { account_manager: am }, 'kickoff')
    const b = await newClient('B', { account_manager: am, sales: am }, 'regular-check-in')
    await db.batch([
      db
        .prepare(
          `UPDATE clients SET overdue_level = 1 WHERE id IN ('bulk-3', 'bulk-4', ?1) OR id LIKE 'bulk-2_'`,
        )
        .bind(b.id),
      db.prepare(`UPDATE clients SET overdue_level = 2 WHERE id = 'bulk-3'`),
      db.prepare(`UPDATE clients SET stage_id = 'platform-demo' WHERE id IN ('bulk-4', 'bulk-5')`),
      db.prepare(`UPDATE clients SET tier = 'A' WHERE id IN ('bulk-6', 'bulk-7')`),
      db.prepare(`UPDATE clients SET archived = 1 WHERE id IN ('bulk-8', 'bulk-9', 'bulk-3')`),
      db.prepare(`UPDATE clients SET archived = 0 WHERE id = 'bulk-9'`),
      db.prepare(`UPDATE client_people SET member_id = 'bulk-m1' WHERE client_id = 'bulk-10'`),
      db.prepare(`DELETE FROM client_people WHERE client_id = 'bulk-11' AND role_id = 'sales'`),
    ])
    const moved = await api(`/clients/${a.id}/move`, {
      method: 'POST',
      json: { stageId: 'regular-check-in', version: a.version },
    })
    expect(moved.status).toBe(200)
    const patched = await api(`/clients/${b.id}`, {
      method: 'PATCH',
      json: { version: b.version, tier: 'C', people: { account_manager: other }, reason: 'test' },
    })
    expect(patched.status).toBe(200)

    const { fast, full } = await bothWays()
    expect(Object.keys(full.loads).length).toBeGreaterThan(MEMBERS)
    expect(Object.keys(full.overdue).length).toBeGreaterThan(2)
    expect(fast).toEqual(full)
  })
})

describe('last_assigned_at', () => {
  it('is written with the assignment, and not by an assignment that lost its version race', async () => {
    const [x, y] = [await newMember('senior', null), await newMember('senior', null)]
    const client = await newClient('C')
    const assign = (memberId: string) =>
      api(`/clients/${client.id}/assign`, {
        method: 'POST',
        json: { roleId: 'account_manager', memberId, version: client.version, reason: 'test' },
      })
    const answers = await Promise.all([assign(x), assign(y)])
    expect(answers.map((r) => r.status).sort()).toEqual([200, 409])
    const winner = answers[0]?.status === 200 ? x : y
    const loser = winner === x ? y : x

    const held = await db
      .prepare(`SELECT assigned_at FROM client_people WHERE client_id = ?1 AND role_id = ?2`)
      .bind(client.id, 'account_manager')
      .first<{ assigned_at: number }>()
    const last = (id: string) =>
      db
        .prepare('SELECT last_assigned_at AS at FROM members WHERE id = ?1')
        .bind(id)
        .first<{ at: number | null }>()
    expect((await last(winner))?.at).toBe(held?.assigned_at)
    expect((await last(loser))?.at).toBeNull()
  })
})
