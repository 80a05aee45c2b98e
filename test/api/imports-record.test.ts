import { env } from 'cloudflare:workers'
import { describe, expect, it } from 'vitest'
import { readCsv } from '../../shared/csv-read'
import { toImportRows, type ImportMapping } from '../../shared/import-map'
import type { ImportRow } from '../../schema/imports'
import { api } from './helpers'
import { CLIENT_MAPPING, runImport as runImportRows } from './import-helpers'

const FILE =
  'ID;Название;Компания;Категория;Этап;Контакт;Должность;Телефон;Email;Бюджет;Ежемесячный платёж;Источник\r\n' +
  'rec-1;Альфа;ООО Альфа;B;Kickoff;Анна Смирнова;Директор;8 (916) 123-45-67;Anna@Alpha.RU;"1 500 000,50 ₽";120000;Партнёр\r\n' +
  'rec-2;Бета;ООО Бета;C;Kickoff;;;;;;;client referral\r\n' +
  'rec-3;Гамма;ООО Гамма;C;Kickoff;Олег;;12-34;oleg@;много;;Сарафан\r\n' +
  'rec-4;Дельта;ООО Дельта;C;Kickoff;;Бухгалтер;;;;;\r\n'

const MAPPING: ImportMapping = {
  ...CLIENT_MAPPING,
  Контакт: 'contactName',
  Должность: 'contactPosition',
  Телефон: 'contactPhone',
  Email: 'contactEmail',
  Бюджет: 'contractValue',
  'Ежемесячный платёж': 'monthlyRevenue',
  Источник: 'source',
}

const rows = () => toImportRows(readCsv(new TextEncoder().encode(FILE)), MAPPING)

const runImport = (list: ImportRow[]) => runImportRows(list, MAPPING, 10)

/** Every client's record as the import leaves it, with its history, in one comparable value. */
const records = async () =>
  (
    await env.DB.prepare(
      `SELECT c.external_id, c.version,
         (SELECT json_group_array(json_array(k.name, k.position, k.phone, k.email, k.version))
          FROM client_contacts k WHERE k.client_id = c.id) AS contacts,
         p.source_id, p.contract_value, p.monthly_revenue, p.version AS profile_version,
         (SELECT group_concat(kind, ',') FROM (SELECT kind FROM client_events e
          WHERE e.client_id = c.id ORDER BY e.id)) AS events
       FROM clients c LEFT JOIN client_profiles p ON p.client_id = c.id
       WHERE c.external_id LIKE 'rec-%' ORDER BY c.external_id`,
    ).all()
  ).results

describe("importing a client's contact, money and source", () => {
  it('lists the bad contact, money and source cells with their lines in a dry run', async () => {
    const res = await api('/imports/check', { method: 'POST', as: 'lead', json: { rows: rows() } })
    expect(res.status).toBe(200)
    expect(res.body).toMatchObject({ create: 2, update: 0 })
    expect(res.body.errors).toEqual([
      { line: 4, field: 'contactPhone', message: '"12-34" is not a phone with 8 to 15 digits' },
      { line: 4, field: 'contactEmail', message: '"oleg@" is not an e-mail address' },
      {
        line: 4,
        field: 'contractValue',
        message: '"много" is not an amount of money, e.g. 150 000,50',
      },
      { line: 4, field: 'source', message: 'no source named "Сарафан" in the list of sources' },
      {
        line: 5,
        field: 'contactName',
        message: 'is empty: a contact with a phone, e-mail or position needs a name',
      },
    ])
    expect(await records()).toEqual([])
  })

  it('writes the contact (E.164, lower-cased e-mail), the money in kopecks and the source', async () => {
    const job = await runImport(rows())
    expect(job).toMatchObject({ created: 2, failed: 2 })
    expect(await records()).toEqual([
      {
        external_id: 'rec-1',
        version: 1,
        contacts: JSON.stringify([
          ['Анна Смирнова', 'Директор', '+79161234567', 'anna@alpha.ru', 1],
        ]),
        source_id: 'source-partner',
        contract_value: 150000050,
        monthly_revenue: 12000000,
        profile_version: 2,
        events: 'created,contact_added,profile_edited',
      },
      {
        external_id: 'rec-2',
        version: 1,
        contacts: '[]',
        source_id: 'source-referral',
        contract_value: null,
        monthly_revenue: null,
        profile_version: 2,
        events: 'created,profile_edited',
      },
    ])
    const alpha = await env.DB.prepare("SELECT id FROM clients WHERE external_id = 'rec-1'").first()
    const contacts = await api(`/clients/${String(alpha?.id)}/contacts`)
    expect(contacts.body.contacts).toEqual([
      expect.objectContaining({ name: 'Анна Смирнова', phone: '+79161234567' }),
    ])
  })

  it('changes nothing when the same file is imported again: no second contact or money entry', async () => {
    const before = await records()
    const job = await runImport(rows())
    expect(job).toMatchObject({ created: 0, updated: 0, unchanged: 2, failed: 2 })
    expect(await records()).toEqual(before)
  })

  it('completes the contact it matches by e-mail, and an empty cell erases nothing', async () => {
    const next = rows().map((r) =>
      r.externalId === 'rec-1'
        ? { ...r, contactName: 'Анна С.', contactPhone: '', monthlyRevenue: '130 000' }
        : r,
    )
    const job = await runImport(next)
    expect(job).toMatchObject({ updated: 1, unchanged: 1 })
    const [rec1] = await records()
    expect(rec1).toMatchObject({
      version: 2,
      contacts: JSON.stringify([['Анна С.', 'Директор', '+79161234567', 'anna@alpha.ru', 2]]),
      contract_value: 150000050,
      monthly_revenue: 13000000,
      profile_version: 3,
      events: 'created,contact_added,profile_edited,contact_edited,profile_edited',
    })
  })
})
