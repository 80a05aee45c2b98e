import { env } from 'cloudflare:workers'
import { describe, expect, it } from 'vitest'
import { api, createClient } from '../api/helpers'
import { MORNING, runCron, SWEEP } from './run-cron'

describe('the inbox and the morning digest', () => {
  it('gives the lead one digest a day with the team overdue cards and load', async () => {
    const owner = await api('/members', {
      method: 'POST',
      json: {
        name: 'Пётр Поздний',
        email: 'late.owner@board.test',
        grade: 'middle',
        managerId: 't-lead',
        roleIds: ['account_manager'],
      },
    })
    const client = await createClient('kickoff', {
      company: 'ООО «Опоздание»',
      people: { account_manager: owner.body.id },
      reason: 'Test setup',
    })
    await runCron(SWEEP, Date.parse(client.dueAt ?? '') + 60_000)
    const morning = Date.parse(client.dueAt ?? '') + 3_600_000
    await runCron(MORNING, morning)
    await runCron(MORNING, morning + 60_000)

    const inbox = await api('/notifications', { as: 'lead' })
    const digests = inbox.body.notifications.filter((n: { kind: string }) => n.kind === 'digest')
    expect(digests).toHaveLength(1)
    expect(digests[0].title).toMatch(/просрочено [1-9]/)
    expect(digests[0].body).toContain('ООО «Опоздание» — Пётр Поздний')
    expect(digests[0].body).toContain('Пётр Поздний: 1')
    expect(inbox.body.notifications.some((n: { kind: string }) => n.kind === 'overdue')).toBe(true)
    expect(inbox.body.unread).toBe(inbox.body.notifications.length)

    const one = inbox.body.notifications[0].id
    expect((await api(`/notifications/${one}/read`, { as: 'lead', method: 'POST' })).status).toBe(
      204,
    )
    expect((await api('/notifications', { as: 'lead' })).body.unread).toBe(inbox.body.unread - 1)
    expect((await api(`/notifications/${one}/read`, { as: 'member', method: 'POST' })).status).toBe(
      404,
    )
    const all = await api('/notifications/read-all', { as: 'lead', method: 'POST' })
    expect(all.body.marked).toBe(inbox.body.unread - 1)
    expect((await api('/notifications', { as: 'lead' })).body.unread).toBe(0)
  })

  it('lets an admin edit the calendar with its version, refusing nonsense', async () => {
    const current = (await api('/settings/calendar')).body
    expect(current.calendar).toMatchObject({
      timeZone: 'Europe/Moscow',
      workingDays: [1, 2, 3, 4, 5],
    })
    const calendar = { ...current.calendar, holidays: ['2026-12-31'], workStart: '10:00' }
    const saved = await api('/settings/calendar', {
      method: 'PATCH',
      json: { calendar, version: current.version },
    })
    expect(saved.status).toBe(200)
    const stale = await api('/settings/calendar', {
      method: 'PATCH',
      json: { calendar, version: current.version },
    })
    expect(stale.status).toBe(409)
    const bad = await api('/settings/calendar', {
      method: 'PATCH',
      json: {
        calendar: { ...calendar, timeZone: 'Mars/Olympus', workEnd: '08:00' },
        version: saved.body.version,
      },
    })
    expect(bad.status).toBe(422)
    expect(Object.keys(bad.body.error.fields)).toEqual(
      expect.arrayContaining(['calendar.timeZone', 'calendar.workEnd']),
    )
    expect(
      (
        await api('/settings/calendar', {
          as: 'lead',
          method: 'PATCH',
          json: { calendar, version: 1 },
        })
      ).status,
    ).toBe(403)
    const row = await env.DB.prepare("SELECT value FROM settings WHERE key = 'calendar'").first<{
      value: string
    }>()
    expect(JSON.parse(row?.value ?? '{}').workStart).toBe('10:00')
  })
})
