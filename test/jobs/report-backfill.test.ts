import { env } from 'cloudflare:workers'
import { describe, expect, it } from 'vitest'
import { api } from '../api/helpers'
import { appendEvent, FLOW_ROWS, history } from '../setup/report-history'
import { MORNING, runCron } from './run-cron'

const at = (iso: string) => Date.parse(iso)

const visitIndexes = async () =>
  (
    await env.DB.prepare(
      `SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'stage_visits'
         AND name NOT LIKE 'sqlite_%' ORDER BY name`,
    ).all<{ name: string }>()
  ).results.map((r) => r.name)

const INDEXES = [
  'stage_visits_by_day',
  'stage_visits_by_length',
  'stage_visits_by_owner_client',
  'stage_visits_by_stage',
]

describe('the first run of the report snapshots (the backfill)', () => {
  it('counts every entry of a day, however many cards entered the stage at different hours', async () => {
    for (const [id, iso] of [
      ['rb-1', '2026-10-05T07:00:00Z'],
      ['rb-2', '2026-10-05T12:30:00Z'],
      ['rb-3', '2026-10-05T16:45:00Z'],
    ] as const)
      await history(id, 'B', [['created', null, 'inbound-lead', iso]], { sales: 't-member' })
    await history('rb-4', 'B', [
      ['created', null, 'inbound-lead', '2026-10-05T08:00:00Z'],
      ['moved', 'inbound-lead', 'needs-discovery', '2026-10-06T09:00:00Z'],
      ['moved', 'needs-discovery', 'follow-up-materials', '2026-10-06T13:00:00Z'],
    ])
    await runCron(MORNING, at('2026-10-08T06:00:00Z'))
    const rows = await env.DB.prepare(
      `SELECT day, stage_id, cards, entered, entered_phase FROM (${FLOW_ROWS})
       WHERE tier = 'B' AND day IN ('2026-10-05', '2026-10-06') ORDER BY day, stage_id`,
    ).all()
    expect(rows.results).toEqual([
      { day: '2026-10-05', stage_id: 'inbound-lead', cards: 4, entered: 4, entered_phase: 4 },
      {
        day: '2026-10-06',
        stage_id: 'follow-up-materials',
        cards: 1,
        entered: 1,
        entered_phase: 1,
      },
      { day: '2026-10-06', stage_id: 'inbound-lead', cards: 3, entered: 0, entered_phase: 0 },
      { day: '2026-10-06', stage_id: 'needs-discovery', cards: 0, entered: 1, entered_phase: 1 },
    ])
    // The furthest places are raised from the new visits: rb-4 went past Needs discovery.
    const reach = await env.DB.prepare(
      `SELECT r.client_id, x.id AS stage FROM client_reach r JOIN stages x
         JOIN phases p ON p.id = x.phase_id AND p.position * 1000 + x.position = r.max_order
       ORDER BY r.client_id`,
    ).all()
    expect(reach.results).toEqual([{ client_id: 'rb-4', stage: 'needs-discovery' }])
  })

  it('builds the visit indexes after the backfill, and any run puts back one that is missing', async () => {
    expect(await visitIndexes()).toEqual(INDEXES)
    // A run cut short between dropping and building them leaves them missing: the reports still
    // answer (slower), and the next run builds them again.
    await env.DB.prepare('DROP INDEX stage_visits_by_owner_client').run()
    await env.DB.prepare('DROP INDEX stage_visits_by_length').run()
    const range = 'from=2026-09-01&to=2026-10-07'
    for (const path of ['time-in-stage', 'sla', 'funnel', 'flow', 'accounts']) {
      const res = await api(`/reports/${path}?${range}&team=t-lead`)
      expect(res.status, path).toBe(200)
    }
    await appendEvent(
      'rb-1',
      ['moved', 'inbound-lead', 'needs-discovery', '2026-10-08T09:00:00Z'],
      2,
    )
    await runCron(MORNING, at('2026-10-09T06:00:00Z'))
    expect(await visitIndexes()).toEqual(INDEXES)
    const visits = await env.DB.prepare(
      `SELECT client_id, stage_id FROM stage_visits WHERE archived = 0 ORDER BY exit_event_id`,
    ).all()
    expect(visits.results).toEqual([
      { client_id: 'rb-4', stage_id: 'inbound-lead' },
      { client_id: 'rb-4', stage_id: 'needs-discovery' },
      { client_id: 'rb-1', stage_id: 'inbound-lead' },
    ])
  })
})
