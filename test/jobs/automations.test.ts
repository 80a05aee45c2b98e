import { env } from 'cloudflare:workers'
import { beforeAll, describe, expect, it } from 'vitest'
import { api, createClient } from '../api/helpers'
import { runCron, SWEEP } from './run-cron'

let am: string
let sales: string

const tasksOf = async (id: string) =>
  (await api(`/clients/${id}/tasks`)).body.tasks as {
    id: string
    version: number
    title: string
    createdBy: { kind: string; id: string }
    assigneeRoleId: string
    assigneeMemberId: string | null
    dueDate: string | null
  }[]
const move = (id: string, stageId: string, version: number) =>
  api(`/clients/${id}/move`, { method: 'POST', json: { stageId, version } })

beforeAll(async () => {
  am = (
    await api('/members', {
      method: 'POST',
      json: {
        name: 'Аккаунт Автоматов',
        email: 'auto.am@board.test',
        grade: 'middle',
        roleIds: ['account_manager'],
      },
    })
  ).body.id
  sales = (
    await api('/members', {
      method: 'POST',
      json: {
        name: 'Продавец Звонков',
        email: 'auto.sales@board.test',
        grade: 'middle',
        roleIds: ['sales'],
      },
    })
  ).body.id
})

describe('stage automations', () => {
  it('creates "Run product training" when a card enters Contract signed, once per entry', async () => {
    const client = await createClient('contract-draft')
    expect((await move(client.id, 'contract-signed', 1)).status).toBe(200)
    const tasks = await tasksOf(client.id)
    expect(tasks).toHaveLength(1)
    expect(tasks[0]).toMatchObject({
      title: 'Провести обучение продукту',
      createdBy: { kind: 'automation', id: 'auto-contract-training' },
      assigneeRoleId: 'account_manager',
    })
    expect(tasks[0]?.dueDate).toMatch(/^\d{4}-\d{2}-\d{2}$/)
    expect((await move(client.id, 'contract-signed', 2)).status).toBe(200)
    expect(await tasksOf(client.id)).toHaveLength(1)
  })

  it('makes tasks that can be ticked off, with short ids, now and after a delay', async () => {
    const signed = await createClient('contract-draft', {
      people: { account_manager: am },
      reason: 'Test setup',
    })
    await move(signed.id, 'contract-signed', 1)
    const later = await createClient('first-value', {
      people: { account_manager: am },
      reason: 'Test setup',
    })
    const moved = await move(later.id, 'onboarding-sign-off', 1)
    await runCron(SWEEP, Date.parse(moved.body.enteredStageAt) + 16 * 86_400_000)
    for (const clientId of [signed.id, later.id]) {
      const [task] = await tasksOf(clientId)
      expect(task?.id.length).toBeLessThanOrEqual(64)
      const done = await api(`/tasks/${task?.id}`, {
        method: 'PATCH',
        json: { version: task?.version, done: true },
      })
      expect(done.status).toBe(200)
      expect(done.body).toMatchObject({ done: true, createdBy: { kind: 'automation' } })
    }
  })

  it('creates nothing when the move loses a version race', async () => {
    const client = await createClient('contract-draft')
    const results = await Promise.all([
      move(client.id, 'contract-signed', 1),
      move(client.id, 'contract-signed', 1),
    ])
    expect(results.map((r) => r.status).sort()).toEqual([200, 409])
    expect(await tasksOf(client.id)).toHaveLength(1)
  })

  it("sends the follow-up message to the communicator's inbox and to webhooks after First call", async () => {
    const hook = await api('/webhooks', {
      method: 'POST',
      json: {
        url: 'https://hooks.test/ok',
        events: ['message'],
        secret: 'receiver-secret-0123456789',
      },
    })
    const client = await createClient('inbound-lead', {
      company: 'ООО «Звонок»',
      people: { sales },
      reason: 'Test setup',
    })
    expect((await move(client.id, 'first-call', 1)).status).toBe(200)
    const note = await env.DB.prepare(
      'SELECT kind, body FROM notifications WHERE member_id = ?1 AND client_id = ?2',
    )
      .bind(sales, client.id)
      .first<{ kind: string; body: string }>()
    expect(note?.kind).toBe('message')
    expect(note?.body).toContain('ООО «Звонок»')
    const queued = await env.DB.prepare(
      "SELECT payload FROM webhook_deliveries WHERE webhook_id = ?1 AND event = 'message'",
    )
      .bind(hook.body.id)
      .all<{ payload: string }>()
    expect(queued.results).toHaveLength(1)
    expect(JSON.parse(queued.results[0]?.payload ?? '{}')).toMatchObject({
      event: 'message',
      to: sales,
      clientId: client.id,
    })
  })

  it('asks for feedback ten working days after Onboarding sign-off, once however often the sweep runs', async () => {
    const client = await createClient('first-value', {
      people: { account_manager: am },
      reason: 'Test setup',
    })
    const moved = await move(client.id, 'onboarding-sign-off', 1)
    expect(moved.status).toBe(200)
    const entered = Date.parse(moved.body.enteredStageAt)
    await runCron(SWEEP, entered + 7 * 86_400_000)
    expect(await tasksOf(client.id)).toHaveLength(0)
    const later = entered + 16 * 86_400_000
    await Promise.all([runCron(SWEEP, later), runCron(SWEEP, later)])
    await runCron(SWEEP, later + 60_000)
    const tasks = await tasksOf(client.id)
    expect(tasks.map((t) => t.title)).toEqual(['Запросить обратную связь письменно'])
    expect(tasks[0]).toMatchObject({ assigneeMemberId: am, createdBy: { kind: 'automation' } })
  })

  it('lets an admin add and switch off automations, and members only read them', async () => {
    const created = await api('/stages/kickoff/automations', {
      method: 'POST',
      json: {
        kind: 'task',
        title: { ru: 'Отправить повестку', en: 'Send the agenda' },
        assigneeRoleId: 'account_manager',
        dueDays: 1,
      },
    })
    expect(created.status).toBe(201)
    const client = await createClient('account-manager-assigned')
    await move(client.id, 'kickoff', 1)
    expect((await tasksOf(client.id)).map((t) => t.title)).toEqual(['Отправить повестку'])
    const off = await api(`/automations/${created.body.id}`, {
      method: 'PATCH',
      json: { version: 1, active: false },
    })
    expect(off.body.active).toBe(false)
    const other = await createClient('account-manager-assigned')
    await move(other.id, 'kickoff', 1)
    expect(await tasksOf(other.id)).toHaveLength(0)
    expect((await api('/stages/kickoff/automations', { as: 'member' })).status).toBe(200)
    expect(
      (await api('/stages/kickoff/automations', { as: 'member', method: 'POST', json: {} })).status,
    ).toBe(403)
    const bad = await api('/stages/kickoff/automations', {
      method: 'POST',
      json: { kind: 'delayed_task', title: { ru: 'x', en: 'x' } },
    })
    expect(bad.status).toBe(422)
    expect(bad.body.error.fields.delayDays).toBeDefined()
  })
})
