import { describe, expect, it } from 'vitest'
import { api, createClient } from './helpers'

const history = async (id: string) =>
  (await api(`/clients/${id}/history`)).body.events as { kind: string; version: number }[]

describe("the client's contacts", () => {
  it('adds a contact with its phone in E.164 and its e-mail lower-cased, in the history', async () => {
    const client = await createClient('kickoff')
    const added = await api(`/clients/${client.id}/contacts`, {
      method: 'POST',
      as: 'member',
      json: {
        name: 'Ольга Кузнецова',
        position: 'Финансовый директор',
        phone: '8 (916) 123-45-67',
        email: 'Olga.K@Client.RU',
        decisionMaker: true,
      },
    })
    expect(added.status).toBe(201)
    expect(added.body).toMatchObject({
      phone: '+79161234567',
      email: 'olga.k@client.ru',
      decisionMaker: true,
      version: 1,
    })
    const card = (await api(`/clients/${client.id}`)).body
    expect(card.version).toBe(2)
    const events = await history(client.id)
    expect(events[0]).toMatchObject({ kind: 'contact_added', version: 2 })
    const listed = await api(`/clients/${client.id}/contacts`, { as: 'viewer' })
    expect(listed.body.contacts.map((c: { id: string }) => c.id)).toEqual([added.body.id])
  })

  it('refuses a phone that cannot be one and a broken e-mail, naming the field, writing nothing', async () => {
    const client = await createClient('kickoff')
    const phone = await api(`/clients/${client.id}/contacts`, {
      method: 'POST',
      json: { name: 'Пётр', phone: '12-34' },
    })
    expect(phone.status).toBe(422)
    expect(Object.keys(phone.body.error.fields)).toEqual(['phone'])
    const email = await api(`/clients/${client.id}/contacts`, {
      method: 'POST',
      json: { name: 'Пётр', email: 'not-an-address' },
    })
    expect(email.status).toBe(422)
    expect(Object.keys(email.body.error.fields)).toEqual(['email'])
    expect((await api(`/clients/${client.id}`)).body.version).toBe(1)
    expect((await api(`/clients/${client.id}/contacts`)).body.contacts).toEqual([])
  })

  it('edits with the version seen, refuses a stale one, and removes', async () => {
    const client = await createClient('kickoff')
    const { body: contact } = await api(`/clients/${client.id}/contacts`, {
      method: 'POST',
      json: { name: 'Иван', messenger: '@ivan_tg' },
    })
    const edited = await api(`/contacts/${contact.id}`, {
      method: 'PATCH',
      as: 'member',
      json: { version: 1, position: 'CTO', phone: '+44 20 7946 0958' },
    })
    expect(edited.body).toMatchObject({ position: 'CTO', phone: '+442079460958', version: 2 })
    const stale = await api(`/contacts/${contact.id}`, {
      method: 'PATCH',
      json: { version: 1, position: 'CEO' },
    })
    expect(stale.status).toBe(409)
    expect(stale.body.current.position).toBe('CTO')
    const viewer = await api(`/contacts/${contact.id}?version=2`, {
      method: 'DELETE',
      as: 'viewer',
    })
    expect(viewer.status).toBe(403)
    const removed = await api(`/contacts/${contact.id}?version=2`, { method: 'DELETE' })
    expect(removed.status).toBe(204)
    expect((await api(`/clients/${client.id}/contacts`)).body.contacts).toEqual([])
    const kinds = (await history(client.id)).map((e) => e.kind)
    expect(kinds.slice(0, 3)).toEqual(['contact_removed', 'contact_edited', 'contact_added'])
  })

  it('writes nothing on an archived card', async () => {
    const client = await createClient('kickoff')
    await api(`/clients/${client.id}`, { method: 'PATCH', json: { version: 1, archived: true } })
    const res = await api(`/clients/${client.id}/contacts`, {
      method: 'POST',
      json: { name: 'Поздно' },
    })
    expect(res.status).toBe(409)
    expect(res.body.error.code).toBe('archived')
  })
})

describe("the client's journal", () => {
  it('gives the author a task due on the next contact date, in their tasks', async () => {
    const client = await createClient('kickoff')
    const res = await api(`/clients/${client.id}/journal`, {
      method: 'POST',
      as: 'member',
      json: {
        kind: 'call',
        body: 'Обсудили **интеграцию** с 1С',
        outcome: 'Готовы к пилоту',
        nextStep: 'Прислать договор на пилот',
        nextContactOn: '2030-03-14',
      },
    })
    expect(res.status).toBe(201)
    expect(res.body).toMatchObject({ authorMemberId: 't-member', version: 1, revisions: [] })
    const mine = (await api('/tasks/mine', { as: 'member' })).body.tasks
    expect(mine).toContainEqual(
      expect.objectContaining({
        clientId: client.id,
        title: 'Прислать договор на пилот',
        dueDate: '2030-03-14',
      }),
    )
    // The date moves: the same task moves with it, no second task.
    await api(`/journal/${res.body.id}`, {
      method: 'PATCH',
      as: 'member',
      json: { version: 1, nextContactOn: '2030-03-21' },
    })
    const tasks = (await api(`/clients/${client.id}/tasks`)).body.tasks
    expect(tasks).toHaveLength(1)
    expect(tasks[0]).toMatchObject({ dueDate: '2030-03-21', assigneeMemberId: 't-member' })
  })

  it('keeps the replaced version of a corrected entry, and only its author corrects it', async () => {
    const client = await createClient('kickoff')
    const { body: entry } = await api(`/clients/${client.id}/journal`, {
      method: 'POST',
      as: 'member',
      json: { kind: 'meeting', body: 'Первая версия' },
    })
    const other = await api(`/journal/${entry.id}`, {
      method: 'PATCH',
      as: 'lead',
      json: { version: 1, body: 'Чужая правка' },
    })
    expect(other.status).toBe(403)
    const fixed = await api(`/journal/${entry.id}`, {
      method: 'PATCH',
      as: 'member',
      json: { version: 1, body: 'Вторая версия' },
    })
    expect(fixed.body).toMatchObject({ body: 'Вторая версия', version: 2 })
    expect(fixed.body.revisions).toEqual([
      expect.objectContaining({ version: 1, body: 'Первая версия' }),
    ])
    const stale = await api(`/journal/${entry.id}`, {
      method: 'PATCH',
      as: 'member',
      json: { version: 1, body: 'Третья' },
    })
    expect(stale.status).toBe(409)
  })

  it('notifies a mentioned member once', async () => {
    const client = await createClient('kickoff')
    const { body: entry } = await api(`/clients/${client.id}/journal`, {
      method: 'POST',
      as: 'member',
      json: { kind: 'note', body: 'Клиент просит скидку, @Тест Лид, посмотри.' },
    })
    await api(`/journal/${entry.id}`, {
      method: 'PATCH',
      as: 'member',
      json: { version: 1, body: 'Клиент просит скидку 5 %, @Тест Лид, посмотри.' },
    })
    const inbox = (await api('/notifications', { as: 'lead' })).body.notifications as {
      kind: string
      clientId: string
    }[]
    expect(inbox.filter((n) => n.kind === 'mention' && n.clientId === client.id)).toHaveLength(1)
  })

  it("refuses another client's contact and writes nothing", async () => {
    const [a, b] = [await createClient('kickoff'), await createClient('kickoff')]
    const { body: contact } = await api(`/clients/${b.id}/contacts`, {
      method: 'POST',
      json: { name: 'Чужой' },
    })
    const res = await api(`/clients/${a.id}/journal`, {
      method: 'POST',
      json: { kind: 'call', body: 'Звонок', contactId: contact.id, nextContactOn: '2030-01-10' },
    })
    expect(res.status).toBe(422)
    expect(Object.keys(res.body.error.fields)).toEqual(['contactId'])
    expect((await api(`/clients/${a.id}/journal`)).body.entries).toEqual([])
    expect((await api(`/clients/${a.id}/tasks`)).body.tasks).toEqual([])
    expect((await api(`/clients/${a.id}`)).body.version).toBe(1)
  })

  it('refuses a viewer and text over the limit', async () => {
    const client = await createClient('kickoff')
    const viewer = await api(`/clients/${client.id}/journal`, {
      method: 'POST',
      as: 'viewer',
      json: { kind: 'call', body: 'x' },
    })
    expect(viewer.status).toBe(403)
    const long = await api(`/clients/${client.id}/journal`, {
      method: 'POST',
      json: { kind: 'call', body: 'x'.repeat(10_001) },
    })
    expect(long.status).toBe(422)
    expect(Object.keys(long.body.error.fields)).toEqual(['body'])
  })
})
