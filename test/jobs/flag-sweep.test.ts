import { env } from 'cloudflare:workers'
import { beforeAll, describe, expect, it } from 'vitest'
import { api, createClient } from '../api/helpers'
import { runCron, SWEEP } from './run-cron'

let lead: string
let owner: string

const inbox = (memberId: string, clientId: string) =>
  env.DB.prepare(
    `SELECT kind, title, data FROM notifications WHERE member_id = ?1 AND client_id = ?2
       AND kind = 'flag_overdue' ORDER BY created_at`,
  )
    .bind(memberId, clientId)
    .all<{ kind: string; title: string; data: string }>()
    .then((r) => r.results.map((n) => ({ ...n, level: JSON.parse(n.data).level as number })))

const deadlines = (flagId: string) =>
  env.DB.prepare('SELECT due_at, due2_at FROM client_flags WHERE id = ?1')
    .bind(flagId)
    .first<{ due_at: number; due2_at: number }>()

async function raise(kind = 'incident') {
  const client = await createClient('requests', {
    people: { account_manager: owner },
    reason: 'Test setup',
  })
  const flag = (await api(`/clients/${client.id}/flags`, { method: 'POST', json: { kind } })).body
  const due = await deadlines(flag.id)
  if (!due) throw new Error('no deadlines')
  return { client, flag, due }
}

beforeAll(async () => {
  const l = await api('/members', {
    method: 'POST',
    json: {
      name: 'Лид Флагов',
      email: 'flags.lead@board.test',
      grade: 'lead',
      roleIds: ['team_lead'],
    },
  })
  const o = await api('/members', {
    method: 'POST',
    json: {
      name: 'Ольга Флаг',
      email: 'flags.owner@board.test',
      grade: 'senior',
      managerId: l.body.id,
      roleIds: ['account_manager'],
    },
  })
  lead = l.body.id
  owner = o.body.id
})

describe('the flag sweep', () => {
  it('marks a flag past its SLA once, however often it runs, and tells the owner and their lead once', async () => {
    const { client, flag, due } = await raise()
    await runCron(SWEEP, due.due_at - 60_000)
    expect((await api(`/clients/${client.id}/flags`)).body.flags[0].overdueLevel).toBe(0)

    await runCron(SWEEP, due.due_at + 60_000)
    await runCron(SWEEP, due.due_at + 120_000)
    await Promise.all([runCron(SWEEP, due.due_at + 180_000), runCron(SWEEP, due.due_at + 180_000)])
    const [current] = (await api(`/clients/${client.id}/flags`)).body.flags
    expect(current).toMatchObject({ overdueLevel: 1, version: 1 })
    expect((await api(`/clients/${client.id}`)).body.flags).toEqual([
      { kind: 'incident', overdueLevel: 1 },
    ])
    expect((await inbox(owner, client.id)).map((n) => n.level)).toEqual([1])
    expect((await inbox(lead, client.id)).map((n) => n.level)).toEqual([1])
    const { events } = (await api(`/clients/${client.id}/history`)).body
    const overdue = events.filter((e: { kind: string }) => e.kind === 'flag_overdue')
    expect(overdue).toHaveLength(1)
    expect(overdue[0].data).toMatchObject({ flagId: flag.id, kind: 'incident', level: 1 })

    // Twice the SLA: one escalation, to the same two people.
    await runCron(SWEEP, due.due2_at + 60_000)
    await runCron(SWEEP, due.due2_at + 120_000)
    expect((await inbox(owner, client.id)).map((n) => n.level)).toEqual([1, 2])
    expect((await inbox(lead, client.id)).map((n) => n.level)).toEqual([1, 2])
  })

  it('sends only the stronger alert for a flag found already past twice its SLA', async () => {
    const { client, due } = await raise('churn_risk')
    await runCron(SWEEP, due.due2_at + 60_000)
    expect((await inbox(lead, client.id)).map((n) => n.level)).toEqual([2])
    expect((await api(`/clients/${client.id}`)).body.flags[0].overdueLevel).toBe(2)
  })

  it('leaves a resolved flag alone', async () => {
    const { client, flag, due } = await raise()
    await api(`/flags/${flag.id}`, { method: 'PATCH', json: { version: 1, resolution: 'Решено' } })
    await runCron(SWEEP, due.due2_at + 60_000)
    expect(await inbox(owner, client.id)).toEqual([])
    expect((await api(`/clients/${client.id}/flags`)).body.flags[0].overdueLevel).toBe(0)
  })

  it('gives cards the template migration moved their deadlines in their new stage', async () => {
    const client = await createClient('payment-follow-up')
    await env.DB.batch([
      env.DB.prepare('UPDATE clients SET due_at = NULL, due2_at = NULL WHERE id = ?1').bind(
        client.id,
      ),
      env.DB.prepare('INSERT INTO deadline_refresh (client_id) VALUES (?1)').bind(client.id),
    ])
    await runCron(SWEEP, Date.now())
    expect((await api(`/clients/${client.id}`)).body.dueAt).toBe(client.dueAt)
    const left = await env.DB.prepare('SELECT COUNT(*) AS n FROM deadline_refresh').first()
    expect(left).toEqual({ n: 0 })
  })
})
