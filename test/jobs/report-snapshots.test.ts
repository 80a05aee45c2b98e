import { env } from 'cloudflare:workers'
import { describe, expect, it } from 'vitest'
import { appendEvent, FLOW_ROWS, history } from '../setup/report-history'
import { MORNING, runCron } from './run-cron'

const H = 3_600_000
const at = (iso: string) => Date.parse(iso)

const flowOn = async (day: string) =>
  (
    await env.DB.prepare(
      `SELECT stage_id, tier, cards, entered, entered_phase FROM (${FLOW_ROWS})
       WHERE day = ?1 ORDER BY stage_id, tier`,
    )
      .bind(day)
      .all()
  ).results

const visitsOf = async (clientId: string) =>
  (
    await env.DB.prepare(
      `SELECT stage_id, working_ms, sla_ms, returned, archived FROM stage_visits
       WHERE client_id = ?1 ORDER BY exit_event_id`,
    )
      .bind(clientId)
      .all()
  ).results

describe('the report snapshots job', () => {
  it('backfills from the history once, in working time, however often and at once it runs', async () => {
    // Friday 17:00 Moscow into Kickoff, Monday 11:00 on, Tuesday 11:00 the clock sends it back.
    await history('rs-a', 'A', [
      ['created', null, 'kickoff', '2026-11-13T14:00:00Z'],
      ['moved', 'kickoff', 'onboarding-plan', '2026-11-16T08:00:00Z'],
      ['returned', 'onboarding-plan', 'kickoff', '2026-11-17T08:00:00Z'],
    ])
    await history('rs-c', 'C', [
      ['created', null, 'inbound-lead', '2026-11-16T10:00:00Z'],
      ['archived', null, null, '2026-11-17T12:00:00Z'],
    ])
    const morning = at('2026-11-19T06:00:00Z')
    await Promise.all([runCron(MORNING, morning), runCron(MORNING, morning)])
    await runCron(MORNING, morning + 60_000)

    expect(await visitsOf('rs-a')).toEqual([
      { stage_id: 'kickoff', working_ms: 3 * H, sla_ms: 3 * 9 * H, returned: 0, archived: 0 },
      {
        stage_id: 'onboarding-plan',
        working_ms: 9 * H,
        sla_ms: 3 * 9 * H,
        returned: 1,
        archived: 0,
      },
    ])
    // Archived straight from Inbound lead: Monday 13:00 → Tuesday 15:00 Moscow, 5 + 6 hours.
    expect(await visitsOf('rs-c')).toEqual([
      { stage_id: 'inbound-lead', working_ms: 11 * H, sla_ms: 9 * H, returned: 0, archived: 1 },
    ])
    // The day aggregates hold every finished, not archived visit once, after runs at once.
    const sums = await env.DB.prepare(
      `SELECT (SELECT SUM(visits) FROM visit_buckets) AS buckets,
         (SELECT SUM(visits) FROM visit_owners) AS owners,
         (SELECT COUNT(*) FROM stage_visits WHERE archived = 0) AS visits`,
    ).first()
    expect(sums).toEqual({ buckets: 2, owners: 2, visits: 2 })
    expect(await flowOn('2026-11-13')).toEqual([
      { stage_id: 'kickoff', tier: 'A', cards: 1, entered: 1, entered_phase: 1 },
    ])
    expect(await flowOn('2026-11-15')).toEqual([
      { stage_id: 'kickoff', tier: 'A', cards: 1, entered: 0, entered_phase: 0 },
    ])
    expect(await flowOn('2026-11-16')).toEqual([
      { stage_id: 'inbound-lead', tier: 'C', cards: 1, entered: 1, entered_phase: 1 },
      { stage_id: 'onboarding-plan', tier: 'A', cards: 1, entered: 1, entered_phase: 0 },
    ])
    expect(await flowOn('2026-11-17')).toEqual([
      { stage_id: 'kickoff', tier: 'A', cards: 1, entered: 1, entered_phase: 0 },
    ])
    expect(await flowOn('2026-11-18')).toHaveLength(1)
    // Today is not over: it is written tomorrow.
    expect(await flowOn('2026-11-19')).toEqual([])
    const total = await env.DB.prepare('SELECT COUNT(*) AS n FROM flow_snapshots').first('n')
    expect(total).toBe(7)
  })

  it('adds only the days and visits since the last run', async () => {
    await appendEvent('rs-a', ['moved', 'kickoff', 'onboarding-plan', '2026-11-19T10:00:00Z'], 4)
    await runCron(MORNING, at('2026-11-21T06:00:00Z'))
    // Tuesday 11:00 → Thursday 13:00 Moscow: 7 + 9 + 4 working hours.
    expect((await visitsOf('rs-a')).at(-1)).toMatchObject({
      stage_id: 'kickoff',
      working_ms: 20 * H,
    })
    expect(await flowOn('2026-11-19')).toEqual([
      { stage_id: 'onboarding-plan', tier: 'A', cards: 1, entered: 1, entered_phase: 0 },
    ])
    expect(await flowOn('2026-11-20')).toHaveLength(1)
    expect(await flowOn('2026-11-17')).toHaveLength(1)
  })

  it('measures a stay from the restore that brought the card back, and sends back by hand', async () => {
    await history('rs-r', 'B', [
      ['created', null, 'needs-discovery', '2026-11-02T06:00:00Z'],
      ['archived', null, null, '2026-11-02T08:00:00Z'],
      ['restored', null, null, '2026-11-09T06:00:00Z'],
      // Back to Follow-up materials by hand: a send-back. Renewal back into care is not.
      ['moved', 'needs-discovery', 'follow-up-materials', '2026-11-09T07:00:00Z'],
      ['moved', 'follow-up-materials', 'renewal-signed', '2026-11-09T08:00:00Z'],
      ['moved', 'renewal-signed', 'regular-check-in', '2026-11-09T09:00:00Z'],
    ])
    await runCron(MORNING, at('2026-11-22T06:00:00Z'))
    expect(
      (await visitsOf('rs-r')).map((v) => [v.stage_id, v.working_ms, v.returned, v.archived]),
    ).toEqual([
      ['needs-discovery', 2 * H, 0, 1],
      ['needs-discovery', 1 * H, 1, 0],
      ['follow-up-materials', 1 * H, 0, 0],
      ['renewal-signed', 1 * H, 0, 0],
    ])
  })

  it('adds the five numbers that moved most to Monday’s digest only', async () => {
    await env.DB.prepare(`UPDATE members SET manager_id = 't-lead' WHERE id = 't-member'`).run()
    const digest = async () =>
      env.DB.prepare(
        `SELECT body, data FROM notifications WHERE member_id = 't-lead' AND kind = 'digest'
         ORDER BY created_at DESC LIMIT 1`,
      ).first<{ body: string; data: string }>()
    // Monday 23 November, 09:00 Moscow: the week before had a new lead, no new onboarding.
    await runCron(MORNING, at('2026-11-23T06:00:00Z'))
    const monday = await digest()
    expect(monday?.body).toContain('Сильнее всего за неделю:')
    expect(monday?.body).toContain('• Привлечение: пришло за неделю: 0 → 1')
    expect(monday?.body).toContain('• Онбординг: пришло за неделю: 1 → 0 (−100%)')
    expect(JSON.parse(monday?.data ?? '{}').en.body).toContain(
      '• Acquisition: arrivals a week: 0 → 1',
    )
    await runCron(MORNING, at('2026-11-24T06:00:00Z'))
    expect((await digest())?.body).not.toContain('Сильнее всего')
  })
})
