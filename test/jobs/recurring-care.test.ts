import { env } from 'cloudflare:workers'
import { beforeAll, describe, expect, it } from 'vitest'
import { api, createClient } from '../api/helpers'
import { MORNING, runCron } from './run-cron'

let lead: string
let am: string
let head: string

const careTasks = (clientId: string) =>
  env.DB.prepare(
    `SELECT created_by, assignee_role_id, assignee_member_id, due_date FROM tasks
     WHERE client_id = ?1 AND dedupe_key LIKE 'care:%' ORDER BY dedupe_key`,
  )
    .bind(clientId)
    .all<{ created_by: string; assignee_role_id: string; assignee_member_id: string | null }>()
    .then((r) => r.results)

beforeAll(async () => {
  const l = await api('/members', {
    method: 'POST',
    json: {
      name: 'Лид Забота',
      email: 'care.lead@board.test',
      grade: 'lead',
      roleIds: ['team_lead'],
    },
  })
  const a = await api('/members', {
    method: 'POST',
    json: {
      name: 'Анна Забота',
      email: 'care.am@board.test',
      grade: 'senior',
      managerId: l.body.id,
      roleIds: ['account_manager'],
    },
  })
  lead = l.body.id
  am = a.body.id
  head = lead
})

// 09:00 in Moscow on working days.
const OCT_5 = Date.parse('2026-10-05T06:00:00Z')
const NOV_5 = Date.parse('2026-11-05T06:00:00Z')

describe('recurring care', () => {
  it('creates each tier its tasks once per period, however often the morning job runs', async () => {
    const setup = { reason: 'Test setup' }
    const a = await createClient('regular-check-in', {
      tier: 'A',
      people: { account_manager: am, team_lead: head },
      ...setup,
    })
    const b = await createClient('renewal-planning', {
      tier: 'B',
      people: { account_manager: am },
      ...setup,
    })
    const c = await createClient('feedback-nps', { tier: 'C' })
    const onboarding = await createClient('kickoff', { tier: 'A' })
    const gone = await createClient('churned-win-back', { tier: 'A' })

    await runCron(MORNING, OCT_5)
    await runCron(MORNING, OCT_5 + 60_000)
    await Promise.all([runCron(MORNING, OCT_5 + 120_000), runCron(MORNING, OCT_5 + 120_000)])

    expect(await careTasks(a.id)).toEqual([
      {
        created_by: 'care:account-plan',
        assignee_role_id: 'account_manager',
        assignee_member_id: am,
        due_date: '2026-12-31',
      },
      {
        created_by: 'care:check-in-monthly',
        assignee_role_id: 'account_manager',
        assignee_member_id: am,
        due_date: '2026-10-31',
      },
      {
        created_by: 'care:head-review',
        assignee_role_id: 'team_lead',
        assignee_member_id: head,
        due_date: '2026-12-31',
      },
    ])
    expect((await careTasks(b.id)).map((t) => t.created_by)).toEqual([
      'care:annual-review',
      'care:check-in-monthly',
    ])
    expect((await careTasks(c.id)).map((t) => t.created_by)).toEqual(['care:check-in-quarterly'])
    expect(await careTasks(onboarding.id)).toEqual([])
    expect(await careTasks(gone.id)).toEqual([])

    // A month later: a new monthly check-in; the quarter and the year still have theirs.
    await runCron(MORNING, NOV_5)
    expect((await careTasks(a.id)).map((t) => t.created_by)).toEqual([
      'care:account-plan',
      'care:check-in-monthly',
      'care:check-in-monthly',
      'care:head-review',
    ])
    expect(await careTasks(c.id)).toHaveLength(1)
    const mine = await api('/clients/' + a.id + '/tasks')
    expect(
      mine.body.tasks.filter((t: { title: string }) => t.title.includes('созвон')),
    ).toHaveLength(2)
  })

  it("tells a key account's lead once that it has no KAM quadrant", async () => {
    const key = await createClient('requests', {
      tier: 'A',
      people: { account_manager: am },
      reason: 'Test setup',
    })
    await runCron(MORNING, OCT_5)
    await runCron(MORNING, NOV_5)
    const { results } = await env.DB.prepare(
      `SELECT member_id FROM notifications WHERE client_id = ?1 AND kind = 'kam_missing'`,
    )
      .bind(key.id)
      .all()
    expect(results).toEqual([{ member_id: lead }])
  })
})
