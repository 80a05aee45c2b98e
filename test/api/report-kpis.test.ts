import { env } from 'cloudflare:workers'
import { beforeAll, describe, expect, it } from 'vitest'
import { history } from '../setup/report-history'
import { MORNING, runCron } from '../jobs/run-cron'
import { api } from './helpers'

/** January to March 2026: three whole months. */
const PERIOD = 'from=2026-01-01&to=2026-03-31'

beforeAll(async () => {
  const db = env.DB
  await db.batch([
    db.prepare(
      `INSERT INTO members (id, name, email, grade, manager_id, created_at, updated_at) VALUES
        ('k-am', 'Ксения Аккаунт', 'k-am@board.test', 'middle', 't-lead', 0, 0),
        ('k-other', 'Кирилл Другой', 'k-other@board.test', 'junior', NULL, 0, 0)`,
    ),
    db.prepare(
      `INSERT INTO member_roles (member_id, role_id) VALUES ('k-am', 'account_manager'),
        ('k-other', 'account_manager'), ('t-member', 'account_manager')`,
    ),
    db.prepare(`UPDATE members SET manager_id = 't-lead' WHERE id = 't-member'`),
  ])
  const am = { account_manager: 'k-am' }
  // K1 renews in February; K2 starts in March; K3 churns in February; K4 is lost in March.
  await history(
    'k-1',
    'A',
    [
      ['created', null, 'regular-check-in', '2025-11-15T09:00:00Z'],
      ['moved', 'regular-check-in', 'renewal-signed', '2026-02-10T09:00:00Z'],
      ['moved', 'renewal-signed', 'regular-check-in', '2026-02-12T09:00:00Z'],
    ],
    am,
  )
  await history('k-2', 'B', [['created', null, 'kickoff', '2026-03-10T09:00:00Z']], am)
  await history(
    'k-3',
    'C',
    [
      ['created', null, 'regular-check-in', '2025-06-01T09:00:00Z'],
      ['archived', null, null, '2026-02-15T09:00:00Z'],
    ],
    am,
  )
  await history(
    'k-4',
    'C',
    [
      ['created', null, 'needs-discovery', '2026-01-20T09:00:00Z'],
      ['archived', null, null, '2026-03-01T09:00:00Z'],
    ],
    am,
  )
  await history('k-5', 'B', [['created', null, 'kickoff', '2025-12-01T09:00:00Z']], {
    account_manager: 'k-other',
  })
  const profile = (id: string, cur: string, rev: number | null, mp: number | null, start: string) =>
    db
      .prepare(
        `INSERT INTO client_profiles (client_id, currency, monthly_revenue, margin_percent,
           start_date, outcome, updated_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, 0)`,
      )
      .bind(id, cur, rev, mp, start, id === 'k-3' ? 'churned' : id === 'k-4' ? 'lost' : null)
  const time = (id: string, client: string, minutes: number, day: string, member = 'k-am') =>
    db
      .prepare(
        `INSERT INTO time_entries (id, client_id, member_id, minutes, spent_on, created_at)
         VALUES (?1, ?2, ?3, ?4, ?5, 0)`,
      )
      .bind(id, client, member, minutes, day)
  const nps = (id: string, client: string, score: number, day: string) =>
    db
      .prepare(
        `INSERT INTO nps_answers (id, client_id, contact_id, score, answered_on, created_at)
         VALUES (?1, ?2, ?3, ?4, ?5, 0)`,
      )
      .bind(id, client, `${client}-ct`, score, day)
  await db.batch([
    ...['k-1', 'k-2', 'k-3', 'k-5'].map((c) =>
      db
        .prepare(
          `INSERT INTO client_contacts (id, client_id, name, created_at, updated_at)
           VALUES (?1, ?2, 'Контакт', 0, 0)`,
        )
        .bind(`${c}-ct`, c),
    ),
    profile('k-1', 'RUB', 100_000_00, 30, '2025-11-15'),
    profile('k-2', 'RUB', 50_000_00, 20, '2026-03-10'),
    profile('k-3', 'RUB', 20_000_00, 50, '2025-06-01'),
    profile('k-4', 'RUB', null, null, '2026-01-20'),
    profile('k-5', 'USD', 1_000_00, 50, '2025-12-01'),
    time('kt-1', 'k-1', 600, '2026-01-20'),
    time('kt-2', 'k-2', 300, '2026-03-15'),
    time('kt-3', 'k-3', 300, '2026-02-01'),
    time('kt-4', 'k-1', 600, '2026-04-02'),
    time('kt-5', 'k-5', 120, '2026-02-01', 'k-other'),
    nps('kn-1', 'k-1', 10, '2026-02-20'),
    nps('kn-2', 'k-1', 9, '2026-03-20'),
    nps('kn-3', 'k-2', 7, '2026-03-25'),
    nps('kn-4', 'k-3', 3, '2026-01-25'),
    nps('kn-5', 'k-1', 0, '2026-05-01'),
  ])
  await runCron(MORNING, Date.now())
})

type Row = Record<string, unknown>
const byId = (rows: Row[], id: string) => rows.find((r) => r.id === id)

describe('the account KPIs with money', () => {
  it('sums revenue, margin per hour, LTV, NPS, churn and renewals per account manager', async () => {
    const res = await api(`/reports/accounts?${PERIOD}`)
    expect(res.status).toBe(200)
    expect(res.body.currency).toBe('RUB')
    // Margin: K1 3 months × 30 % of 100 000, K2 March × 20 % of 50 000, K3 Jan–Feb × 50 % of
    // 20 000 = 120 000 over 20 hours; LTV: (14 × 100 000 + 10 × 50 000 + 9 × 20 000) / 3.
    expect(byId(res.body.managers, 'k-am')).toMatchObject({
      clients: 2,
      gained: 1,
      growth: 100,
      revenue: 150_000_00,
      margin: 120_000_00,
      hours: 20,
      marginPerHour: 6_000_00,
      ltv: 69_333_333,
      nps: 25,
      answers: 4,
      renewed: 1,
      churned: 1,
      lost: 1,
      churnRate: 33.3,
    })
    // Billed in dollars while the organisation bills in roubles: no money in roubles, no time.
    expect(byId(res.body.managers, 'k-other')).toMatchObject({
      clients: 1,
      revenue: 0,
      hours: 0,
      marginPerHour: null,
    })
    const money = res.body.tables.money
    expect(money.columns).toContain('Margin per hour, RUB')
    expect(money.rows.find((r: unknown[]) => r[0] === 'Ксения Аккаунт')).toEqual([
      'Ксения Аккаунт',
      150_000,
      120_000,
      20,
      6_000,
      693_333,
      25,
      4,
      1,
      1,
      33.3,
    ])
    const team = byId(res.body.teams, 't-lead')
    expect(team).toMatchObject({ revenue: 150_000_00, marginPerHour: 6_000_00, nps: 25 })
  })

  it('shows a member their own book and a lead their team only', async () => {
    const member = await api(`/reports/accounts?${PERIOD}`, { as: 'member' })
    expect(member.body.managers.map((m: Row) => m.id)).toEqual(['t-member'])
    expect(member.body.managers[0]).toMatchObject({ revenue: 0, nps: null })
    expect(member.body.tables.money.rows).toHaveLength(1)
    const lead = await api(`/reports/accounts?${PERIOD}`, { as: 'lead' })
    expect(lead.body.managers.map((m: Row) => m.id).sort()).toEqual(['k-am', 't-member'])
    expect((await api(`/reports/accounts?${PERIOD}&member=k-other`, { as: 'lead' })).status).toBe(
      403,
    )
    expect((await api(`/reports/accounts?${PERIOD}&member=k-am`, { as: 'member' })).status).toBe(
      403,
    )
  })

  it('narrows the money by tier', async () => {
    const a = await api(`/reports/accounts?${PERIOD}&tier=A&member=k-am`)
    expect(a.body.managers[0]).toMatchObject({ clients: 1, revenue: 100_000_00, nps: 100 })
  })
})
