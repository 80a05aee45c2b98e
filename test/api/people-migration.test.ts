import { applyD1Migrations } from 'cloudflare:test'
import { env } from 'cloudflare:workers'
import { describe, expect, it } from 'vitest'

const PEOPLE = '0009_people_per_role.sql'
const db = env.MIGRATION_DB

/** Today's shape: every migration before people per role, in a database of its own. */
const before = env.TEST_MIGRATIONS.filter((m) => m.name < PEOPLE)
const people = env.TEST_MIGRATIONS.filter((m) => m.name === PEOPLE)

const member = (id: string, grade: string, roles: string[]) => [
  db
    .prepare(
      `INSERT INTO members (id, name, email, grade, created_at, updated_at)
       VALUES (?1, ?1, ?1 || '@m.test', ?2, 0, 0)`,
    )
    .bind(id, grade),
  ...roles.map((r) =>
    db.prepare('INSERT INTO member_roles (member_id, role_id) VALUES (?1, ?2)').bind(id, r),
  ),
]

const card = (
  id: string,
  stage: string,
  owner: string | null,
  comm: string | null,
  sup: string | null,
) =>
  db
    .prepare(
      `INSERT INTO clients (id, name, company, tier, stage_id, position, entered_stage_at,
         owner_id, communicator_id, support_id, version, created_at, updated_at)
       VALUES (?1, ?1, ?1, 'B', ?2, ?1, 0, ?3, ?4, ?5, 3, 0, 0)`,
    )
    .bind(id, stage, owner, comm, sup)

/** Each card's people before the migration, as "card member". */
const OLD_PEOPLE = [
  'k-plain rep',
  'k-plain eng',
  'k-clash rep',
  'k-clash rep2',
  'k-moved rep',
  'k-moved both',
  'k-kickoff am',
  'k-kickoff fin',
]

describe('migration 0009 on a database in the pre-roles shape', () => {
  it('keeps every person of every card, under the roles of its stage', async () => {
    expect(people).toHaveLength(1)
    await applyD1Migrations(db, before)
    await db.batch([
      ...member('rep', 'senior', ['sales']),
      ...member('rep2', 'middle', ['sales']),
      ...member('am', 'senior', ['account_manager']),
      ...member('both', 'middle', ['sales', 'account_manager']),
      ...member('eng', 'junior', ['support']),
      ...member('fin', 'middle', ['finance']),
      // First call: sales owns, sales talks, bizdev supports.
      card('k-plain', 'first-call', 'rep', 'rep', 'eng'),
      // Two people for the sales role: the owner keeps it; the other can play nothing free.
      card('k-clash', 'first-call', 'rep', 'rep2', null),
      // Two for sales, but the second also plays account manager, which is free: placed there.
      card('k-moved', 'first-call', 'rep', 'both', null),
      // Kickoff: account manager owns and talks, product supports.
      card('k-kickoff', 'kickoff', 'am', 'am', 'fin'),
      card('k-empty', 'kickoff', null, null, null),
      db.prepare(
        `INSERT INTO rebalance_proposals (id, lead_id, client_id, role, from_member_id,
           to_member_id, reason, created_at)
         VALUES ('p-open', 'am', 'k-kickoff', 'owner', 'am', 'both', 'load', 0)`,
      ),
    ])
    await applyD1Migrations(db, people)

    const { results } = await db
      .prepare('SELECT client_id, role_id, member_id FROM client_people ORDER BY 1, 2')
      .all<{ client_id: string; role_id: string; member_id: string }>()
    const rows = results.map((r) => `${r.client_id} ${r.role_id} ${r.member_id}`)
    expect(rows).toEqual([
      'k-clash sales rep',
      'k-kickoff account_manager am',
      'k-kickoff product fin',
      'k-moved account_manager both',
      'k-moved sales rep',
      'k-plain bizdev eng',
      'k-plain sales rep',
    ])
    // The one person with no free role to go to is in the card's history, not lost.
    const { results: events } = await db
      .prepare(
        `SELECT client_id, version, data FROM client_events WHERE kind = 'person_not_carried'`,
      )
      .all<{ client_id: string; version: number; data: string }>()
    expect(events.map((e) => [e.client_id, e.version, JSON.parse(e.data)])).toEqual([
      ['k-clash', 3, { slot: 'communicator', memberId: 'rep2' }],
    ])
    // Every person of the old shape is a person of the card or named in its history.
    const kept = new Set([
      ...results.map((r) => `${r.client_id} ${r.member_id}`),
      ...events.map((e) => `${e.client_id} ${JSON.parse(e.data).memberId}`),
    ])
    for (const pair of OLD_PEOPLE) expect(kept).toContain(pair)

    const columns = await db.prepare('PRAGMA table_info(clients)').all<{ name: string }>()
    expect(columns.results.map((c) => c.name)).not.toContain('owner_id')
    const proposal = await db
      .prepare('SELECT role_id, status FROM rebalance_proposals WHERE id = ?1')
      .bind('p-open')
      .first<{ role_id: string; status: string }>()
    expect(proposal).toEqual({ role_id: 'account_manager', status: 'dismissed' })
  })
})
