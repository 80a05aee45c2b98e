import { env } from 'cloudflare:workers'
import { beforeAll, describe, expect, it } from 'vitest'
import {
  AccountsReport,
  FlowReport,
  ForecastReport,
  FunnelReport,
  SlaReport,
  TimeInStageReport,
} from '../../schema/reports'
import { history } from '../setup/report-history'
import { MORNING, runCron } from '../jobs/run-cron'
import { TEST_PASSWORD } from '../setup/accounts'
import { api, fetchWorker, signIn } from './helpers'

const DAY = 86_400_000
const H = 3_600_000
/** A local (Moscow) date N days before today. */
const daysAgo = (n: number) => new Date(Date.now() + 3 * H - n * DAY).toISOString().slice(0, 10)

/** Monday 11:00 Moscow of the week N weeks back, and the Friday 17:00 before it. */
function weekendStay(weeksBack: number) {
  const now = new Date(Date.now() + 3 * H)
  const monday =
    Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate()) -
    (((now.getUTCDay() + 6) % 7) + 7 * weeksBack) * DAY
  return {
    friday: new Date(monday - 3 * DAY + 14 * H).toISOString(),
    monday: new Date(monday + 8 * H).toISOString(),
  }
}

beforeAll(async () => {
  await env.DB.batch([
    env.DB.prepare(
      `INSERT INTO members (id, name, email, grade, manager_id, created_at, updated_at) VALUES
        ('r-am', 'Анна Аккаунт', 'r-am@board.test', 'middle', 't-lead', 0, 0),
        ('r-other', 'Олег Другой', 'r-other@board.test', 'junior', NULL, 0, 0)
       ON CONFLICT DO NOTHING`,
    ),
    env.DB.prepare(
      `INSERT INTO member_roles (member_id, role_id) VALUES ('r-am', 'account_manager'),
        ('r-other', 'account_manager'), ('t-member', 'account_manager') ON CONFLICT DO NOTHING`,
    ),
    env.DB.prepare(`UPDATE members SET manager_id = 't-lead' WHERE id = 't-member'`),
  ])
  const w2 = weekendStay(2)
  const w3 = weekendStay(3)
  // Anna's kickoff: Friday 17:00 → Monday 11:00, 3 working hours.
  await history(
    'r-1',
    'A',
    [
      ['created', null, 'account-manager-assigned', w3.friday],
      ['moved', 'account-manager-assigned', 'kickoff', w2.friday],
      ['moved', 'kickoff', 'onboarding-plan', w2.monday],
    ],
    { account_manager: 'r-am' },
  )
  // Oleg's kickoff: a whole working week and a day (45 working hours, past the 27 h SLA), sent back.
  await history(
    'r-2',
    'C',
    [
      ['created', null, 'kickoff', w3.monday],
      ['returned', 'kickoff', 'account-manager-assigned', w2.monday],
      ['moved', 'account-manager-assigned', 'onboarding-sign-off', weekendStay(1).friday],
      ['moved', 'onboarding-sign-off', 'regular-check-in', weekendStay(1).monday],
    ],
    { account_manager: 'r-other' },
  )
  await history('r-3', 'B', [['created', null, 'inbound-lead', w3.monday]], { sales: 't-member' })
  // The member's lead archived straight from Inbound lead: its last stay is in their flow.
  await history(
    'r-4',
    'C',
    [
      ['created', null, 'inbound-lead', w3.friday],
      ['archived', null, null, w2.monday],
    ],
    { sales: 't-member' },
  )
  // Half a year back: one card entered the journey, two older ones entered Sale, in the period.
  const ago = (days: number) => new Date(Date.now() - days * DAY).toISOString()
  await history('r-f1', 'B', [
    ['created', null, 'inbound-lead', ago(205)],
    ['moved', 'inbound-lead', 'needs-discovery', ago(200)],
  ])
  for (const id of ['r-f2', 'r-f3']) {
    await history(id, 'B', [
      ['created', null, 'inbound-lead', ago(240)],
      ['moved', 'inbound-lead', 'needs-discovery', ago(200)],
    ])
  }
  await runCron(MORNING, Date.now())
})

const q = (path: string, params: Record<string, string> = {}) =>
  `${path}?${new URLSearchParams({ from: daysAgo(40), ...params })}`

describe('the reports', () => {
  it('answers each report as its schema in the document says, nothing left out', async () => {
    const schemas = {
      flow: FlowReport,
      'time-in-stage': TimeInStageReport,
      sla: SlaReport,
      funnel: FunnelReport,
      accounts: AccountsReport,
      forecast: ForecastReport,
    }
    for (const [name, schema] of Object.entries(schemas)) {
      const { status, body } = await api(q(`/reports/${name}`))
      expect(status).toBe(200)
      // Parsing drops what the schema does not name: an answer that loses nothing is all named.
      expect.soft(schema.parse(body), name).toEqual(body)
    }
  })

  it('measures time in stage in working hours and lists the slowest cards', async () => {
    const res = await api(q('/reports/time-in-stage', { phase: 'onboarding' }))
    expect(res.status).toBe(200)
    const kickoff = res.body.stages.find((s: { id: string }) => s.id === 'kickoff')
    expect(kickoff).toMatchObject({ visits: 2, p50: 3, max: 45, sla: 27, withinShare: 50 })
    // Still in Onboarding plan for two weeks: slower than any finished visit.
    expect(res.body.slowest[0]).toMatchObject({
      clientId: 'r-1',
      stageId: 'onboarding-plan',
      open: true,
    })
    expect(res.body.slowest).toContainEqual(
      expect.objectContaining({ clientId: 'r-2', stageId: 'kickoff', hours: 45, open: false }),
    )
    expect(res.body.tables.stages.rows.find((r: unknown[]) => r[1] === 'Kickoff')).toEqual([
      'Onboarding',
      'Kickoff',
      2,
      3,
      45,
      45,
      27,
      50,
    ])
  })

  it('shows a member their own figures, a lead their team, and refuses the rest', async () => {
    const lead = await api(q('/reports/sla'), { as: 'lead' })
    const members = lead.body.groups.find((g: { dimension: string }) => g.dimension === 'member')
    expect(members.rows.map((r: { key: string }) => r.key)).toEqual(['r-am'])
    const admin = await api(q('/reports/sla', { member: 'r-other' }))
    const stage = admin.body.groups[0].rows.find((r: { key: string }) => r.key === 'kickoff')
    expect(stage).toMatchObject({ visits: 1, within: 0, share: 0, returns: 1 })
    expect((await api(q('/reports/sla', { member: 'r-other' }), { as: 'lead' })).status).toBe(403)
    expect((await api(q('/reports/sla', { team: 't-lead' }), { as: 'member' })).status).toBe(403)
    const own = await api(q('/reports/accounts'), { as: 'member' })
    expect(own.body.managers.map((m: { id: string }) => m.id)).toEqual(['t-member'])
    expect((await api(q('/reports/forecast'), { as: 'viewer' })).status).toBe(403)
  })

  it('filters by tier and role, and names the field of a bad filter', async () => {
    const a = await api(q('/reports/time-in-stage', { tier: 'A' }))
    expect(a.body.stages.find((s: { id: string }) => s.id === 'kickoff').visits).toBe(1)
    const finance = await api(q('/reports/sla', { role: 'finance' }))
    expect(finance.body.groups[0].rows).toEqual([])
    const bad = await api('/reports/sla?from=2026-13-40&tier=Z')
    expect(bad.status).toBe(422)
    expect(Object.keys(bad.body.error.fields).sort()).toEqual(['from', 'tier'])
    const reversed = await api(`/reports/sla?from=${daysAgo(1)}&to=${daysAgo(5)}`)
    expect(reversed.body.error.fields).toHaveProperty('to')
  })

  it('draws the flow from the snapshots and the funnel from its entries', async () => {
    const flow = await api(q('/reports/flow'))
    const onboarding = flow.body.series.find((s: { id: string }) => s.id === 'onboarding')
    expect(flow.body.days.at(-1)).toBe(daysAgo(1))
    expect(onboarding.values.at(-1)).toBe(1)
    expect(Math.max(...onboarding.values)).toBe(2)
    const funnel = await api(q('/reports/funnel'))
    // The cohort: r-1, r-2, r-3 and r-4 entered the journey; r-1 and r-2 are past Sale, r-2 is
    // onboarded.
    expect(funnel.body.steps.map((s: { count: number }) => s.count)).toEqual([4, 2, 2, 2, 1, 0])
    expect(funnel.body.medianJourneyDays).toBeGreaterThan(10)
  })

  it('splits the flow by tier, the tiers adding up to the whole day by day', async () => {
    const onboarding = async (params: Record<string, string>) =>
      (
        (await api(q('/reports/flow', params))).body.series.find(
          (s: { id: string }) => s.id === 'onboarding',
        ) as { values: number[] }
      ).values
    const [a, b, c] = [
      await onboarding({ tier: 'A' }),
      await onboarding({ tier: 'B' }),
      await onboarding({ tier: 'C' }),
    ]
    // r-1 (A) is still in Onboarding; r-2 (C) went through it; no B card did.
    expect([a.at(-1), Math.max(...a)]).toEqual([1, 1])
    expect([c.at(-1), Math.max(...c)]).toEqual([0, 1])
    expect(Math.max(...b)).toBe(0)
    expect(await onboarding({})).toEqual(a.map((v, i) => v + (b[i] ?? 0) + (c[i] ?? 0)))
  })

  it('counts the funnel as a cohort, so more cards entering Sale never makes drop-off negative', async () => {
    const period = { from: daysAgo(210), to: daysAgo(190) }
    const funnel = await api(q('/reports/funnel', period))
    // Entries in the period: 1 into Acquisition, 3 into Sale (−200 % before); the cohort is r-f1.
    expect(
      funnel.body.steps.map((s: { count: number; dropOff: number | null }) => [s.count, s.dropOff]),
    ).toEqual([
      [1, null],
      [1, 0],
      [0, 1],
      [0, null],
      [0, null],
      [0, null],
    ])
  })

  it('filters the flow and the funnel by team, member and role', async () => {
    const last = (body: Record<string, unknown>, id: string) =>
      (body.series as { id: string; values: number[] }[]).find((x) => x.id === id)?.values
    // The lead's team owns Anna's onboarding card and the member's lead, not Oleg's card.
    const lead = await api(q('/reports/flow'), { as: 'lead' })
    expect(Math.max(...(last(lead.body, 'onboarding') ?? []))).toBe(1)
    expect(last(lead.body, 'acquisition')?.at(-1)).toBe(1)
    const member = await api(q('/reports/flow'), { as: 'member' })
    expect(member.status).toBe(200)
    expect(Math.max(...(last(member.body, 'onboarding') ?? []))).toBe(0)
    expect(last(member.body, 'acquisition')?.at(-1)).toBe(1)
    // r-4's stay until it was archived counts: two leads at once, then one.
    expect(Math.max(...(last(member.body, 'acquisition') ?? []))).toBe(2)
    const oleg = await api(q('/reports/flow', { member: 'r-other', phase: 'onboarding' }))
    expect(Math.max(...(last(oleg.body, 'kickoff') ?? []))).toBe(1)
    expect(last(oleg.body, 'regular-check-in')).toBeUndefined()
    expect((await api(q('/reports/flow', { member: 'r-other' }), { as: 'member' })).status).toBe(
      403,
    )
    const finance = await api(q('/reports/flow', { role: 'finance' }))
    expect(
      finance.body.series.every((x: { values: number[] }) => Math.max(...x.values) === 0),
    ).toBe(true)
    const steps = async (params: Record<string, string>, as?: 'lead' | 'member') =>
      (await api(q('/reports/funnel', params), as ? { as } : {})).body.steps.map(
        (x: { count: number }) => x.count,
      )
    expect(await steps({}, 'member')).toEqual([2, 0, 0, 0, 0, 0])
    expect(await steps({ member: 'r-other' })).toEqual([1, 1, 1, 1, 1, 0])
    expect(await steps({ role: 'finance' })).toEqual([0, 0, 0, 0, 0, 0])
  })

  it('exports a table as CSV: BOM, semicolons in Russian, the same cells', async () => {
    const json = await api(q('/reports/time-in-stage', { lang: 'ru', phase: 'onboarding' }))
    const path = q('/reports/time-in-stage', { lang: 'ru', phase: 'onboarding', format: 'csv' })
    const csv = await fetchWorker(`/api${path}`, {
      headers: { cookie: await signIn('admin@board.test', TEST_PASSWORD) },
    })
    expect(csv.headers.get('content-type')).toContain('text/csv')
    const bytes = new Uint8Array(await csv.arrayBuffer())
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf])
    // TextDecoder drops the byte-order mark, as spreadsheets do.
    const lines = new TextDecoder().decode(bytes).trim().split('\r\n')
    expect(lines[0]).toBe(json.body.tables.stages.columns.join(';'))
    expect(lines).toHaveLength(json.body.tables.stages.rows.length + 1)
    expect(lines[1]).toBe(
      json.body.tables.stages.rows[0]
        .map((c: unknown) => String(c ?? '').replace('.', ','))
        .join(';'),
    )
    const unknown = await api(q('/reports/time-in-stage', { format: 'csv', table: 'nope' }))
    expect(unknown.body.error.fields).toHaveProperty('table')
  })

  it('forecasts the lead’s team with the inputs, and the what-if moves the curve', async () => {
    const base = await api(q('/reports/forecast'), { as: 'lead' })
    expect(base.status).toBe(200)
    expect(base.body.teams.map((t: { leadId: string }) => t.leadId)).toEqual(['t-lead'])
    expect(base.body.teams[0].weeks).toHaveLength(9)
    expect(base.body.inputs.phases.length).toBe(7)
    const more = await api(q('/reports/forecast', { inflow: '300', addGrade: 'senior' }), {
      as: 'lead',
    })
    expect(more.body.teams[0].weeks[0].capacity).toBe(base.body.teams[0].weeks[0].capacity + 16)
    expect(
      (await api(q('/reports/forecast', { inflow: 'lots' }))).body.error.fields,
    ).toHaveProperty('inflow')
  })
})
