import { beforeAll, describe, expect, it } from 'vitest'
import type { Member } from '../../schema/members'
import type { MyTask } from '../../schema/my-tasks'
import { readCsv } from '../../shared/csv-read'
import { membersCsv, myTasksCsv } from '../../web/src/export/list-csv'
import { createI18n, loadLocale } from '../../web/src/i18n'

// English is fetched apart from the first screen, as the app does before speaking it.
beforeAll(() => loadLocale('en'))

const tasks: MyTask[] = [
  {
    id: 't1',
    clientId: 'c1',
    clientName: 'ООО «Альфа; Бета»',
    title: '=Позвонить',
    dueDate: '2026-11-30',
    version: 1,
  },
  {
    id: 't2',
    clientId: 'c2',
    clientName: 'Gamma',
    title: 'Send the report',
    dueDate: null,
    version: 1,
  },
]

const member = (m: Partial<Member>): Member => ({
  id: 'm1',
  name: 'Анна',
  email: 'anna@demo.local',
  grade: 'senior',
  roleIds: ['account_manager', 'gone'],
  managerId: null,
  capacityOverride: 12.5,
  active: true,
  version: 1,
  createdAt: '2026-01-01T00:00:00.000Z',
  updatedAt: '2026-01-01T00:00:00.000Z',
  ...m,
})

describe('list exports for Excel', () => {
  it('writes My tasks for Russian Excel: BOM, semicolons, formulas defused, overdue marked', () => {
    const csv = myTasksCsv(tasks, '2026-12-01', createI18n('ru'))
    expect(csv.startsWith('\uFEFFЗадача;Клиент;Срок;Просрочка\r\n')).toBe(true)
    const table = readCsv(new TextEncoder().encode(csv))
    expect(table.delimiter).toBe(';')
    expect(table.records.map((r) => r.cells)).toEqual([
      ["'=Позвонить", 'ООО «Альфа; Бета»', '2026-11-30', 'да'],
      ['Send the report', 'Gamma', '', ''],
    ])
  })

  it('writes the members list in English with commas and the decimal point', () => {
    const lead = member({ id: 'm0', name: 'Lead', roleIds: [], capacityOverride: null })
    const roles = new Map([['account_manager', { name: { ru: 'Аккаунт', en: 'Account manager' } }]])
    const csv = membersCsv(
      [lead, member({ managerId: 'm0', active: false })],
      roles,
      createI18n('en'),
    )
    expect(csv.split('\r\n').slice(0, 3)).toEqual([
      '\uFEFFMember,E-mail,Grade,Capacity,Roles,Lead,Active',
      'Lead,anna@demo.local,senior,,,,yes',
      'Анна,anna@demo.local,senior,12.5,Account manager,Lead,',
    ])
  })
})
