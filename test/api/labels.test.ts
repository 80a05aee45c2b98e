import { describe, expect, it } from 'vitest'
import { api, createClient } from './helpers'

const newLabel = (name: string, color = 'blue', as: 'admin' | 'member' = 'admin') =>
  api('/labels', { method: 'POST', json: { name, color }, as })

describe('labels', () => {
  it('lets admins keep the list, and nobody else', async () => {
    const vip = await newLabel('VIP', 'purple')
    expect(vip.status).toBe(201)
    expect(vip.body).toMatchObject({ name: 'VIP', color: 'purple', version: 1 })
    expect((await newLabel('Чужая', 'red', 'member')).status).toBe(403)
    expect((await newLabel('vip')).body.error.code).toBe('name_taken')
    expect((await newLabel('Pink', 'fuchsia')).body.error.fields).toHaveProperty('color')

    const renamed = await api(`/labels/${vip.body.id}`, {
      method: 'PATCH',
      json: { version: 1, name: 'Ключевой', color: 'green' },
    })
    expect(renamed.body).toMatchObject({ name: 'Ключевой', color: 'green', version: 2 })
    const stale = await api(`/labels/${vip.body.id}`, {
      method: 'PATCH',
      json: { version: 1, name: 'Старое' },
    })
    expect(stale.status).toBe(409)
    const names = (await api('/labels', { as: 'viewer' })).body.labels.map(
      (l: { name: string }) => l.name,
    )
    expect(names).toContain('Ключевой')
  })

  it('puts labels on a card as a versioned edit with a history entry naming them', async () => {
    const hot = (await newLabel('Горячий', 'red')).body
    const pilot = (await newLabel('Пилот', 'teal')).body
    const card = await createClient('kickoff')
    const set = await api(`/clients/${card.id}`, {
      method: 'PATCH',
      json: { version: card.version, labelIds: [hot.id, pilot.id] },
      as: 'member',
    })
    expect(set.status).toBe(200)
    expect(set.body.labelIds.sort()).toEqual([hot.id, pilot.id].sort())
    expect(set.body.version).toBe(card.version + 1)

    const stale = await api(`/clients/${card.id}`, {
      method: 'PATCH',
      json: { version: card.version, labelIds: [] },
      as: 'member',
    })
    expect(stale.status).toBe(409)
    const viewer = await api(`/clients/${card.id}`, {
      method: 'PATCH',
      json: { version: set.body.version, labelIds: [] },
      as: 'viewer',
    })
    expect(viewer.status).toBe(403)

    const unset = await api(`/clients/${card.id}`, {
      method: 'PATCH',
      json: { version: set.body.version, labelIds: [pilot.id] },
    })
    expect(unset.body.labelIds).toEqual([pilot.id])
    const events = (await api(`/clients/${card.id}/history`)).body.events
    expect(events[0]).toMatchObject({ kind: 'labels', data: { added: [], removed: ['Горячий'] } })
    expect(events[1]).toMatchObject({ kind: 'labels', data: { removed: [] } })
    expect(events[1].data.added.sort()).toEqual(['Горячий', 'Пилот'].sort())

    const listed = (await api('/clients')).body.clients.find(
      (c: { id: string }) => c.id === card.id,
    )
    expect(listed.labelIds).toEqual([pilot.id])

    // Removing a label from the list takes it off the cards.
    const gone = await api(`/labels/${pilot.id}?version=1`, { method: 'DELETE' })
    expect(gone.status).toBe(204)
    expect((await api(`/clients/${card.id}`)).body.labelIds).toEqual([])
  })

  it('refuses an unknown or repeated label, naming the field', async () => {
    const card = await createClient('kickoff')
    const unknown = await api(`/clients/${card.id}`, {
      method: 'PATCH',
      json: { version: card.version, labelIds: ['no-such-label'] },
    })
    expect(unknown.status).toBe(422)
    expect(unknown.body.error.fields).toHaveProperty('labelIds')
    const twice = await api(`/clients/${card.id}`, {
      method: 'PATCH',
      json: { version: card.version, labelIds: ['a', 'a'] },
    })
    expect(twice.status).toBe(422)
    expect(twice.body.error.fields).toHaveProperty('labelIds')
  })
})

describe('due dates and the checklist in brief', () => {
  it('sets a due date as an edit and shows open tasks with the next one due', async () => {
    const card = await createClient('kickoff')
    expect(card).toMatchObject({ dueDate: null, tasks: { open: 0, done: 0, next: null } })
    const dated = await api(`/clients/${card.id}`, {
      method: 'PATCH',
      json: { version: card.version, dueDate: '2026-12-24' },
      as: 'member',
    })
    expect(dated.body.dueDate).toBe('2026-12-24')
    const bad = await api(`/clients/${card.id}`, {
      method: 'PATCH',
      json: { version: dated.body.version, dueDate: '24.12.2026' },
    })
    expect(bad.status).toBe(422)
    expect(bad.body.error.fields).toHaveProperty('dueDate')
    const history = (await api(`/clients/${card.id}/history`)).body.events
    expect(history[0]).toMatchObject({
      kind: 'edited',
      data: { dueDate: { from: null, to: '2026-12-24' } },
    })

    const task = (title: string, dueDate: string | null) =>
      api(`/clients/${card.id}/tasks`, { method: 'POST', json: { title, dueDate } })
    await task('Позвонить', '2026-12-20')
    await task('Отправить КП', '2026-12-10')
    const undated = await task('Без срока', null)
    const early = await task('Уже сделано', '2026-12-01')
    await api(`/tasks/${early.body.id}`, { method: 'PATCH', json: { version: 1, done: true } })
    const seen = (await api(`/clients/${card.id}`)).body
    expect(seen.tasks).toEqual({
      open: 3,
      done: 1,
      next: { title: 'Отправить КП', dueDate: '2026-12-10' },
    })
    expect(undated.status).toBe(201)
  })
})
