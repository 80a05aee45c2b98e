import { applyD1Migrations } from 'cloudflare:test'
import { env } from 'cloudflare:workers'
import { describe, expect, it } from 'vitest'

const FLAGS = '0016_kam_flags_care.sql'
const db = env.MIGRATION_DB

const before = env.TEST_MIGRATIONS.filter((m) => m.name < FLAGS)
const flags = env.TEST_MIGRATIONS.filter((m) => m.name === FLAGS)

const member = (id: string, role: string) => [
  db
    .prepare(
      `INSERT INTO members (id, name, email, grade, created_at, updated_at)
       VALUES (?1, ?1, ?1 || '@m.test', 'senior', 0, 0)`,
    )
    .bind(id),
  db.prepare('INSERT INTO member_roles (member_id, role_id) VALUES (?1, ?2)').bind(id, role),
]

const card = (id: string, stage: string, overdue: number, archived = 0) =>
  db
    .prepare(
      `INSERT INTO clients (id, name, company, tier, stage_id, position, entered_stage_at,
         due_at, due2_at, overdue_level, version, created_at, updated_at, archived)
       VALUES (?1, ?1, ?1, 'A', ?2, 'a0', 1000, 2000, 3000, ?3, 4, 0, 0, ?4)`,
    )
    .bind(id, stage, overdue, archived)

const person = (clientId: string, role: string, memberId: string) =>
  db
    .prepare(
      `INSERT INTO client_people (client_id, role_id, member_id, assigned_at) VALUES (?1, ?2, ?3, 0)`,
    )
    .bind(clientId, role, memberId)

describe('migration 0016: the condition stages become flags', () => {
  it('moves every card off a removed stage onto its step, with its flag and history, and keeps 40 stages', async () => {
    expect(flags).toHaveLength(1)
    await applyD1Migrations(db, before)
    await db.batch([
      ...member('am', 'account_manager'),
      ...member('fin', 'finance'),
      card('k-incident', 'issues-conflicts', 1),
      card('k-debt', 'receivables', 0),
      card('k-churn', 'churn-risk', 2),
      card('k-old', 'receivables', 0, 1),
      card('k-calm', 'requests', 0),
      person('k-incident', 'account_manager', 'am'),
      person('k-debt', 'finance', 'fin'),
      db.prepare(
        `INSERT INTO articles (id, lang, kind, title, reviewed_at, review_due, created_at, updated_at)
         VALUES ('art', 'ru', 'article', 'Как разбирать инцидент', 0, 0, 0, 0)`,
      ),
      db.prepare(`INSERT INTO article_stages VALUES ('art', 'issues-conflicts')`),
    ])
    await applyD1Migrations(db, flags)

    const { results: live } = await db
      .prepare(
        `SELECT s.id, s.phase_id, s.name_en FROM stages s JOIN phases p ON p.id = s.phase_id
         WHERE s.archived = 0 ORDER BY p.position, s.position`,
      )
      .all<{ id: string; phase_id: string; name_en: string }>()
    expect(live).toHaveLength(40)
    const ids = live.map((s) => s.id)
    expect(ids).not.toContain('issues-conflicts')
    expect(ids).not.toContain('receivables')
    expect(ids).not.toContain('churn-risk')
    const phase = (p: string) => live.filter((s) => s.phase_id === p).map((s) => s.id)
    expect(phase('care')).toEqual([
      'regular-check-in',
      'client-report',
      'requests',
      'account-plan',
      'closing-documents',
      'payment-follow-up',
    ])
    expect(phase('renewal')).toEqual([
      'annual-review',
      'renewal-planning',
      'renewal-negotiation',
      'renewal-signed',
      'churned-win-back',
    ])
    const names = Object.fromEntries(live.map((s) => [s.id, s.name_en]))
    expect(names['client-review']).toBe("Head's client review")
    expect(names['upsell-proposal']).toBe('Expansion proposal')
    expect(names.referral).toBe('Referral request')

    const { results: cards } = await db
      .prepare('SELECT id, stage_id, version, due_at, overdue_level FROM clients ORDER BY id')
      .all<{ id: string; stage_id: string; version: number; due_at: number | null }>()
    expect(cards.map((c) => [c.id, c.stage_id, c.version])).toEqual([
      ['k-calm', 'requests', 4],
      ['k-churn', 'renewal-planning', 5],
      ['k-debt', 'payment-follow-up', 5],
      ['k-incident', 'regular-check-in', 5],
      ['k-old', 'payment-follow-up', 5],
    ])

    const { results: raised } = await db
      .prepare(
        `SELECT client_id, kind, owner_id, sla_days, raised_at, due_at, overdue_level
         FROM client_flags ORDER BY client_id`,
      )
      .all()
    // The condition's clock carries on in the flag: its SLA, start, deadline and overdue mark.
    expect(raised).toEqual([
      {
        client_id: 'k-churn',
        kind: 'churn_risk',
        owner_id: null,
        sla_days: 3,
        raised_at: 1000,
        due_at: 2000,
        overdue_level: 2,
      },
      {
        client_id: 'k-debt',
        kind: 'receivables',
        owner_id: 'fin',
        sla_days: 5,
        raised_at: 1000,
        due_at: 2000,
        overdue_level: 0,
      },
      {
        client_id: 'k-incident',
        kind: 'incident',
        owner_id: 'am',
        sla_days: 2,
        raised_at: 1000,
        due_at: 2000,
        overdue_level: 1,
      },
      {
        client_id: 'k-old',
        kind: 'receivables',
        owner_id: null,
        sla_days: 5,
        raised_at: 1000,
        due_at: 2000,
        overdue_level: 0,
      },
    ])

    // Each moved card's history has the move and the flag, at its new version.
    const { results: events } = await db
      .prepare(
        `SELECT client_id, kind, from_stage_id, to_stage_id, version, data FROM client_events
         WHERE client_id = 'k-incident' ORDER BY id`,
      )
      .all<{
        kind: string
        from_stage_id: string
        to_stage_id: string
        version: number
        data: string
      }>()
    expect(events.map((e) => [e.kind, e.from_stage_id, e.to_stage_id, e.version])).toEqual([
      ['moved', 'issues-conflicts', 'regular-check-in', 5],
      ['flag_raised', null, null, 5],
    ])
    expect(JSON.parse(events[1]?.data ?? '{}')).toMatchObject({ kind: 'incident' })

    // Deadlines in the new stage wait for the Worker's clock; the article follows its cards.
    expect(cards.find((c) => c.id === 'k-incident')?.due_at).toBeNull()
    const queued = await db.prepare('SELECT client_id FROM deadline_refresh ORDER BY 1').all()
    expect(queued.results.map((r) => r.client_id)).toEqual([
      'k-churn',
      'k-debt',
      'k-incident',
      'k-old',
    ])
    const links = await db
      .prepare(`SELECT stage_id FROM article_stages WHERE article_id = 'art'`)
      .all()
    expect(links.results).toEqual([{ stage_id: 'regular-check-in' }])
  })
})
