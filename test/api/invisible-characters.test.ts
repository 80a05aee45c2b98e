import { describe, expect, it } from 'vitest'
import { cleanSingleLine } from '../../schema/common'
import { api, createClient } from './helpers'

const RLO = '\u202e'
const ZWSP = '\u200b'

describe('names and titles', () => {
  it('lose control, zero-width and bidi-override characters, and NUL', () => {
    expect(cleanSingleLine(`Invoice${RLO}fdp.exe`)).toBe('Invoicefdp.exe')
    expect(cleanSingleLine(`Ан${ZWSP}на\u0000 Смир\u2066нова\u2069\u200d`)).toBe('Анна Смирнова')
    expect(cleanSingleLine(' ООО\t«Ромашка»\r\n ')).toBe('ООО «Ромашка»')
    expect(cleanSingleLine('Zoë Ærø — 日本 🙂')).toBe('Zoë Ærø — 日本 🙂')
  })

  it('are stored cleaned through the API, and refused when nothing visible is left', async () => {
    const client = await createClient('kickoff', {
      name: `Evil${RLO}gpj.exe`,
      company: `ООО${ZWSP} «Тест»\u0000`,
    })
    expect(client.name).toBe('Evilgpj.exe')
    expect(client.company).toBe('ООО «Тест»')

    const task = await api(`/clients/${client.id}/tasks`, {
      method: 'POST',
      json: { title: `Позвонить\u202d клиенту` },
    })
    expect(task.status).toBe(201)
    expect(task.body.title).toBe('Позвонить клиенту')

    const member = await api('/members', {
      method: 'POST',
      json: { name: `\u2067Иван\u2069 Петров`, email: 'bidi.member@demo.test', grade: 'junior' },
    })
    expect(member.status).toBe(201)
    expect(member.body.name).toBe('Иван Петров')

    const empty = await api('/clients', {
      method: 'POST',
      json: { name: `${ZWSP}${RLO}\u0000`, company: 'ООО «Пусто»', tier: 'C', stageId: 'kickoff' },
    })
    expect(empty.status).toBe(422)
    expect(Object.keys(empty.body.error.fields)).toEqual(['name'])
  })
})
