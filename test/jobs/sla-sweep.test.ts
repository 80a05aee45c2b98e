import { env } from 'cloudflare:workers'
import { beforeAll, describe, expect, it } from 'vitest'
import { api, createClient } from '../api/helpers'
import { runCron, SWEEP } from './run-cron'

let lead: string
let owner: string

const events = async (id: string) =>
  (await api(`/clients/${id}/history`)).body.events as {
    kind: string
    data: unknown
    toStageId: string
  }[]
const notes = (memberId: string, clientId: string) =>
  env.DB.prepare(
    'SELECT kind, title, data FROM notifications WHERE member_id = ?1 AND client_id = ?2',
  )
    .bind(memberId, clientId)
    .all<{ kind: string; title: string; data: string }>()
    .then((r) => r.results)
const at = (iso: string, minutes: number) => Date.parse(iso) + minutes * 60_000

beforeAll(async () => {
  const l = await api('/members', {
    method: 'POST',
    json: {
      name: 'Лид Проверкин',
      email: 'sweep.lead@board.test',
      grade: 'lead',
      roleIds: ['team_lead'],
    },
  })
  const o = await api('/members', {
    method: 'POST',
    json: {
      name: 'Ольга Владелец',
      email: 'sweep.owner@board.test',
      grade: 'senior',
      managerId: l.body.id,
      roleIds: ['account_manager', 'sales'],
    },
  })
  lead = l.body.id
  owner = o.body.id
})

describe('the SLA sweep', () => {
  it('sets a deadline in working time when a card enters a stage', async () => {
    const client = await createClient('kickoff', {
      people: { account_manager: owner },
      reason: 'Test setup',
    })
    expect(client.dueAt).toEqual(expect.any(String))
    expect(Date.parse(client.dueAt ?? '')).toBeGreaterThan(Date.parse(client.enteredStageAt))
    expect(client.overdueLevel).toBe(0)
  })

  it('flags a card past its SLA, escalates at twice the SLA, and notifies owner and lead once', async () => {
    const client = await createClient('kickoff', {
      people: { account_manager: owner },
      reason: 'Test setup',
    })
    const due2 =
      (
        await env.DB.prepare('SELECT due2_at FROM clients WHERE id = ?1')
          .bind(client.id)
          .first<{ due2_at: number }>()
      )?.due2_at ?? 0

    await runCron(SWEEP, at(client.dueAt ?? '', -1))
    expect((await api(`/clients/${client.id}`)).body.overdueLevel).toBe(0)

    await runCron(SWEEP, at(client.dueAt ?? '', 1))
    await runCron(SWEEP, at(client.dueAt ?? '', 2))
    const flagged = (await api(`/clients/${client.id}`)).body
    expect(flagged).toMatchObject({ overdueLevel: 1, version: 1, stageId: 'kickoff' })
    expect((await events(client.id)).filter((e) => e.kind === 'overdue')).toHaveLength(1)
    expect(await notes(owner, client.id)).toHaveLength(1)
    expect(await notes(lead, client.id)).toHaveLength(1)

    await runCron(SWEEP, due2 + 60_000)
    await runCron(SWEEP, due2 + 120_000)
    expect((await api(`/clients/${client.id}`)).body.overdueLevel).toBe(2)
    expect((await events(client.id)).filter((e) => e.kind === 'overdue')).toHaveLength(2)
    expect(await notes(lead, client.id)).toHaveLength(2)
  })

  it('sends only the stronger alert for a card found already past twice its SLA', async () => {
    const client = await createClient('kickoff', {
      people: { account_manager: owner },
      company: 'ООО «Тест»',
    })
    const { due2_at: due2 } = (await env.DB.prepare('SELECT due2_at FROM clients WHERE id = ?1')
      .bind(client.id)
      .first<{ due2_at: number }>()) ?? { due2_at: 0 }

    await runCron(SWEEP, due2 + 60_000)
    await runCron(SWEEP, due2 + 120_000)
    expect((await api(`/clients/${client.id}`)).body.overdueLevel).toBe(2)
    for (const member of [owner, lead]) {
      const got = await notes(member, client.id)
      expect(got.map((n) => JSON.parse(n.data).level)).toEqual([2])
      expect(got[0]?.title).toBe('«ООО „Тест“» на этапе «Стартовая встреча» вдвое дольше SLA')
    }
  })

  it('returns a card once to the previous stage under the return policy, restarting its clock', async () => {
    const client = await createClient('qualification', {
      people: { sales: owner },
      reason: 'Test setup',
    })
    const late = at(client.dueAt ?? '', 1)
    await runCron(SWEEP, late)
    await runCron(SWEEP, late + 60_000)
    const returned = (await api(`/clients/${client.id}`)).body
    expect(returned).toMatchObject({ stageId: 'inbound-lead', version: 2, overdueLevel: 0 })
    expect(Date.parse(returned.enteredStageAt)).toBe(late)
    const history = await events(client.id)
    expect(history.filter((e) => e.kind === 'returned')).toHaveLength(1)
    expect(history[0]).toMatchObject({
      kind: 'returned',
      toStageId: 'inbound-lead',
      data: { reason: 'sla_exceeded' },
    })
    const ownerNotes = await notes(owner, client.id)
    expect(ownerNotes.map((n) => n.kind)).toEqual(['returned'])
    expect(await notes(lead, client.id)).toHaveLength(1)
  })

  it('never overwrites a move made meanwhile, and never returns a card twice', async () => {
    for (let round = 0; round < 5; round += 1) {
      const client = await createClient('proposal', {
        people: { sales: owner },
        reason: 'Test setup',
      })
      const late = at(client.dueAt ?? '', 1)
      const [, move] = await Promise.all([
        runCron(SWEEP, late),
        api(`/clients/${client.id}/move`, {
          method: 'POST',
          json: { stageId: 'terms-negotiation', version: 1 },
        }),
        runCron(SWEEP, late),
      ])
      const history = await events(client.id)
      const returned = history.filter((e) => e.kind === 'returned').length
      const moved = history.filter((e) => e.kind === 'moved').length
      expect(returned + moved).toBe(1)
      const final = (await api(`/clients/${client.id}`)).body
      expect(final.version).toBe(2)
      if (move.status === 200) expect(final.stageId).toBe('terms-negotiation')
      else expect([move.status, final.stageId]).toEqual([409, 'platform-demo'])
    }
  })

  it('puts every deadline inside working hours of a working day', async () => {
    const client = await createClient('kickoff')
    const moscow = new Date(Date.parse(client.dueAt ?? '') + 3 * 3_600_000)
    expect([1, 2, 3, 4, 5]).toContain(moscow.getUTCDay())
    const minutes = moscow.getUTCHours() * 60 + moscow.getUTCMinutes()
    expect(minutes).toBeGreaterThan(9 * 60)
    expect(minutes).toBeLessThanOrEqual(18 * 60)
  })

  it('re-derives deadlines when a stage SLA changes', async () => {
    const client = await createClient('first-value', {
      people: { account_manager: owner },
      reason: 'Test setup',
    })
    const stage = (await api('/journey')).body.phases
      .flatMap((p: { stages: unknown[] }) => p.stages)
      .find((s: { id: string }) => s.id === 'first-value')
    const res = await api(`/stages/first-value`, {
      method: 'PATCH',
      json: { version: stage.version, slaDays: stage.slaDays + 5 },
    })
    expect(res.status).toBe(200)
    const after = (await api(`/clients/${client.id}`)).body
    expect(Date.parse(after.dueAt)).toBeGreaterThan(Date.parse(client.dueAt ?? ''))
  })

  // Last in the file: the webhooks it subscribes stay for the rest of it.
  it('queues its webhook events for the webhooks that take them, once, and for no other', async () => {
    const queued = (hookId: string) =>
      env.DB.prepare(
        `SELECT event, json_extract(payload, '$.clientId') AS client FROM webhook_deliveries
         WHERE webhook_id = ?1 ORDER BY event`,
      )
        .bind(hookId)
        .all<{ event: string; client: string }>()
        .then((r) => r.results)
    const hook = async (events: string[]) => {
      const res = await api('/webhooks', {
        method: 'POST',
        json: { url: 'https://hooks.test/ok', events, secret: 'sweep-webhook-secret-0123456789' },
      })
      expect(res.status).toBe(201)
      return res.body.id as string
    }
    // No webhook takes SLA events yet: a card flagged now queues nothing, then or later.
    const early = await createClient('kickoff', { people: { account_manager: owner } })
    await runCron(SWEEP, at(early.dueAt ?? '', 1))
    expect((await api(`/clients/${early.id}`)).body.overdueLevel).toBe(1)

    const sla = await hook(['client.overdue', 'client.returned'])
    const moves = await hook(['client.moved'])
    const flagged = await createClient('kickoff', { people: { account_manager: owner } })
    const returned = await createClient('qualification', { people: { sales: owner } })
    for (const client of [flagged, returned]) {
      await runCron(SWEEP, at(client.dueAt ?? '', 1))
      await runCron(SWEEP, at(client.dueAt ?? '', 2))
    }
    expect(await queued(sla)).toEqual([
      { event: 'client.overdue', client: flagged.id },
      { event: 'client.returned', client: returned.id },
    ])
    expect(await queued(moves)).toEqual([])
  })
})
