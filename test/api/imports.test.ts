import { env } from 'cloudflare:workers'
import { beforeAll, describe, expect, it } from 'vitest'
import { readCsv } from '../../shared/csv-read'
import { toImportRows, type ImportMapping } from '../../shared/import-map'
import type { ImportRow } from '../../schema/imports'
import { api } from './helpers'
import { CLIENT_MAPPING, runImport as runImport_ } from './import-helpers'

/** Windows-1251 bytes, as Russian Excel saves "CSV (разделители — точка с запятой)". */
function cp1251(text: string): Uint8Array {
  return Uint8Array.from([...text], (ch) => {
    const code = ch.codePointAt(0) ?? 0
    if (code < 0x80) return code
    if (code >= 0x410 && code <= 0x44f) return code - 0x410 + 0xc0
    if (ch === 'ё') return 0xb8
    if (ch === 'Ё') return 0xa8
    if (ch === '«') return 0xab
    if (ch === '»') return 0xbb
    throw new Error(`no cp1251 byte for ${ch}`)
  })
}

const FILE =
  'ID;Название;Компания;Категория;Скоринг;Этап;Аккаунт-менеджер\r\n' +
  'amo-1;Иван Петров;"ООО «Ёлка; и партнёры»";A;90;Стартовая встреча;\r\n' +
  'amo-2;Мария;ИП Соколова;Z;55;kickoff;\r\n' +
  'amo-3;Анна;"ООО ""Ромашка""";в;40,0;Kickoff;t-member@board.test\r\n' +
  'amo-4;Пётр;АО Вектор;C;;Первый звонок;\r\n'

const MAPPING: ImportMapping = {
  ...CLIENT_MAPPING,
  'Аккаунт-менеджер': 'person:account_manager',
}

const runImport = (rows: ImportRow[], batchSize = 2) => runImport_(rows, MAPPING, batchSize)

const imported = () =>
  env.DB.prepare(
    `SELECT c.external_id, c.name, c.company, c.tier, c.score, c.stage_id, c.version,
       (SELECT COUNT(*) FROM client_events e WHERE e.client_id = c.id) AS events,
       (SELECT group_concat(role_id || '=' || member_id) FROM client_people p WHERE p.client_id = c.id) AS people
     FROM clients c WHERE c.external_id IS NOT NULL ORDER BY c.external_id`,
  ).all()

describe('importing clients from a CSV file', () => {
  let rows: ImportRow[]
  beforeAll(async () => {
    // The lead's team member plays the account manager (a middle: tier B and C, not A).
    await env.DB.batch([
      env.DB.prepare("INSERT INTO member_roles VALUES ('t-member', 'account_manager')"),
      env.DB.prepare("UPDATE members SET manager_id = 't-lead' WHERE id = 't-member'"),
    ])
    const table = readCsv(cp1251(FILE))
    expect(table.encoding).toBe('windows-1251')
    rows = toImportRows(table, MAPPING)
  })

  it('lists every bad row with its line in a dry run, and writes nothing', async () => {
    const res = await api('/imports/check', { method: 'POST', as: 'lead', json: { rows } })
    expect(res.status).toBe(200)
    expect(res.body).toMatchObject({ create: 3, update: 0, unchanged: 0 })
    expect(res.body.errors).toEqual([
      { line: 3, field: 'tier', message: '"Z" is not a tier: A, B or C' },
    ])
    expect((await imported()).results).toEqual([])
  })

  it('imports the good rows of a Windows-1251 file, each vetted and with its history', async () => {
    const job = await runImport(rows)
    expect(job).toMatchObject({
      status: 'done',
      rowsDone: 4,
      created: 3,
      failed: 1,
      batchesDone: 2,
    })
    expect(job.errors).toEqual([
      { line: 3, field: 'tier', message: '"Z" is not a tier: A, B or C' },
    ])
    expect((await imported()).results).toEqual([
      {
        external_id: 'amo-1',
        name: 'Иван Петров',
        company: 'ООО «Ёлка; и партнёры»',
        tier: 'A',
        score: 90,
        stage_id: 'kickoff',
        version: 1,
        events: 1,
        people: null,
      },
      {
        external_id: 'amo-3',
        name: 'Анна',
        company: 'ООО "Ромашка"',
        tier: 'B',
        score: 40,
        stage_id: 'kickoff',
        version: 1,
        events: 2,
        people: 'account_manager=t-member',
      },
      expect.objectContaining({ external_id: 'amo-4', stage_id: 'first-call', score: null }),
    ])
  })

  it('changes nothing when the same file is imported again, or a batch is posted twice', async () => {
    const before = (await imported()).results
    const job = await runImport(rows)
    expect(job).toMatchObject({ created: 0, updated: 0, unchanged: 3, failed: 1 })
    const again = await api(`/imports/${job.id}/batches/0`, {
      method: 'POST',
      as: 'lead',
      json: { rows: rows.slice(0, 2) },
    })
    expect(again.body).toMatchObject({ applied: false })
    expect((await imported()).results).toEqual(before)
  })

  it('updates a changed row in place, with an edited event, never a second card', async () => {
    const changed = rows.map((r) => (r.externalId === 'amo-4' ? { ...r, name: 'Пётр Иванов' } : r))
    const job = await runImport(changed)
    expect(job).toMatchObject({ created: 0, updated: 1, unchanged: 2 })
    const amo4 = (await imported()).results.filter((r) => r.external_id === 'amo-4')
    expect(amo4).toEqual([expect.objectContaining({ name: 'Пётр Иванов', version: 2, events: 2 })])
  })

  it('holds people to the same rules as the API: a middle may not lead a tier-A client', async () => {
    const row = {
      ...rows[0],
      externalId: 'amo-9',
      people: { account_manager: 't-member@board.test' },
    }
    const res = await api('/imports/check', { method: 'POST', as: 'lead', json: { rows: [row] } })
    expect(res.body.errors).toEqual([
      expect.objectContaining({ line: 2, field: 'people.account_manager' }),
    ])
  })

  it('is for leads and admins only', async () => {
    const res = await api('/imports/check', { method: 'POST', as: 'member', json: { rows } })
    expect(res.status).toBe(403)
  })
})
