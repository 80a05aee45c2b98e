import type { OptionList, RecordOption, RecordOptionCreate } from '../../schema/record'

interface OptionRow {
  id: string
  list: OptionList
  name_ru: string
  name_en: string
  position: number
  archived: number
  version: number
}

const toOption = (r: OptionRow): RecordOption => ({
  id: r.id,
  list: r.list,
  name: { ru: r.name_ru, en: r.name_en },
  position: r.position,
  archived: r.archived === 1,
  version: r.version,
})

export async function listOptions(db: D1Database): Promise<RecordOption[]> {
  const { results } = await db
    .prepare('SELECT * FROM record_options ORDER BY list, position, id')
    .all<OptionRow>()
  return results.map(toOption)
}

export async function getOption(db: D1Database, id: string): Promise<RecordOption | null> {
  const row = await db
    .prepare('SELECT * FROM record_options WHERE id = ?')
    .bind(id)
    .first<OptionRow>()
  return row ? toOption(row) : null
}

/** Whether `id` is a live entry of `list` (what a client's source or loss reason may be). */
export async function optionIn(db: D1Database, list: OptionList, id: string) {
  const row = await db
    .prepare('SELECT 1 AS ok FROM record_options WHERE id = ? AND list = ? AND archived = 0')
    .bind(id, list)
    .first<{ ok: number }>()
  return row !== null
}

export async function insertOption(db: D1Database, id: string, o: RecordOptionCreate, now: number) {
  await db
    .prepare(
      `INSERT INTO record_options (id, list, name_ru, name_en, position, created_at)
       VALUES (?, ?, ?, ?, ?, ?)`,
    )
    .bind(id, o.list, o.name.ru, o.name.en, o.position, now)
    .run()
}

/** Writes the entry if the version still matches. */
export async function updateOption(db: D1Database, next: RecordOption, expected: number) {
  const result = await db
    .prepare(
      `UPDATE record_options SET name_ru = ?, name_en = ?, position = ?, archived = ?,
         version = version + 1 WHERE id = ? AND version = ?`,
    )
    .bind(next.name.ru, next.name.en, next.position, next.archived ? 1 : 0, next.id, expected)
    .run()
  return result.meta.changes > 0
}
