import { BACKUP_FORMAT, BACKUP_VERSION, type BackupDocument } from '../../schema/backup'
import { AppError } from '../errors'
import { BACKUP_TABLES } from './backup-tables'

type Cell = string | number | null

interface Column {
  name: string
  pk: number
}

async function columnsOf(db: D1Database, table: string): Promise<Column[]> {
  const { results } = await db
    .prepare('SELECT name, pk FROM pragma_table_info(?1) ORDER BY cid')
    .bind(table)
    .all<Column>()
  return results
}

const quoted = (name: string) => `"${name.replaceAll('"', '""')}"`

/** Every backed-up table, its rows in primary-key order (so two exports of one state match). */
export async function exportBackup(db: D1Database, now: number): Promise<BackupDocument> {
  const tables: BackupDocument['tables'] = {}
  for (const table of BACKUP_TABLES) {
    const columns = await columnsOf(db, table)
    const keys = columns.filter((c) => c.pk > 0).sort((a, b) => a.pk - b.pk)
    const order = (keys.length ? keys : columns).map((c) => quoted(c.name)).join(', ')
    const names = columns.map((c) => c.name)
    const rows = await db
      .prepare(`SELECT ${names.map(quoted).join(', ')} FROM ${quoted(table)} ORDER BY ${order}`)
      .raw<Cell[]>()
    tables[table] = { columns: names, rows }
  }
  return {
    format: BACKUP_FORMAT,
    version: BACKUP_VERSION,
    exportedAt: new Date(now).toISOString(),
    tables,
  }
}

const invalid = (field: string, message: string) =>
  new AppError(422, 'invalid', `Invalid backup — ${field}: ${message}`, {}, { [field]: [message] })

/** Rows per insert: one JSON parameter each, well under D1's 2 MB per value. */
const JSON_CHUNK_BYTES = 512 * 1024

function chunks(rows: Cell[][]): string[] {
  const out: string[] = []
  let current: string[] = []
  let size = 0
  for (const row of rows) {
    const json = JSON.stringify(row)
    if (size + json.length > JSON_CHUNK_BYTES && current.length) {
      out.push(`[${current.join(',')}]`)
      current = []
      size = 0
    }
    current.push(json)
    size += json.length + 1
  }
  if (current.length) out.push(`[${current.join(',')}]`)
  return out
}

/**
 * What a deployment may hold and still count as empty: no members, no clients, no tasks, no
 * webhooks, and no account but the admin restoring. The template, the settings and the shipped
 * regulations do not count: a restore replaces them with the backup's.
 */
export async function isEmpty(db: D1Database, restoringUserId: string): Promise<boolean> {
  const row = await db
    .prepare(
      `SELECT (SELECT COUNT(*) FROM members) + (SELECT COUNT(*) FROM clients)
         + (SELECT COUNT(*) FROM tasks) + (SELECT COUNT(*) FROM webhooks)
         + (SELECT COUNT(*) FROM users WHERE id <> ?1) AS n`,
    )
    .bind(restoringUserId)
    .first<{ n: number }>()
  return row?.n === 0
}

/**
 * Rows of a table that references itself (a member's manager, an article's original) ordered
 * so each comes after the row it points at: inserts run in chunks, and each chunk's foreign
 * keys are checked when it ends.
 */
async function referencedFirst(db: D1Database, table: string, columns: string[], rows: Cell[][]) {
  const { results } = await db
    .prepare('SELECT "from" AS col FROM pragma_foreign_key_list(?1) WHERE "table" = ?1')
    .bind(table)
    .all<{ col: string }>()
  const key = columns.indexOf('id')
  const refs = results.map((r) => columns.indexOf(r.col)).filter((i) => i >= 0)
  if (refs.length === 0 || key < 0) return rows
  const ids = new Set(rows.map((r) => r[key]))
  const placed = new Set<Cell>()
  const out: Cell[][] = []
  let left = rows
  while (left.length) {
    const ready = left.filter((r) =>
      refs.every(
        (i) =>
          r[i] === null || !ids.has(r[i] ?? null) || placed.has(r[i] ?? null) || r[i] === r[key],
      ),
    )
    // A cycle: leave the rest as they are and let the foreign key check name the problem.
    if (ready.length === 0) return [...out, ...left]
    for (const r of ready) {
      out.push(r)
      placed.add(r[key] ?? null)
    }
    left = left.filter((r) => !placed.has(r[key] ?? null))
  }
  return out
}

/** A constraint the document breaks, as the 422 it is (the batch rolled back whole). */
function constraintError(error: unknown): unknown {
  const message = error instanceof Error ? error.message : String(error)
  const broken = /(FOREIGN KEY|UNIQUE|CHECK|NOT NULL) constraint failed[^:]*(?::\s*([^:]+))?/.exec(
    message,
  )
  if (!broken) return error
  return invalid(
    'tables',
    `${broken[1]} constraint failed${broken[2] ? ` on ${broken[2].trim()}` : ''}; nothing was restored`,
  )
}

/**
 * Replaces every backed-up table with the document's rows in one D1 batch, all or nothing:
 * tables go in the order of their foreign keys, so a document whose references do not hold
 * fails its statement and changes nothing. Sessions go too: everyone, the restoring admin
 * included, signs in again.
 */
export async function restoreBackup(db: D1Database, doc: BackupDocument, restoringEmail: string) {
  const known = new Set<string>(BACKUP_TABLES)
  for (const name of Object.keys(doc.tables)) {
    if (!known.has(name)) throw invalid(`tables.${name}`, 'not a table this version backs up')
  }
  const users = doc.tables.users
  const admin = users?.rows.some((r) => {
    const at = (c: string) => r[users.columns.indexOf(c)]
    return (
      String(at('email')).toLowerCase() === restoringEmail.toLowerCase() &&
      at('access_role') === 'admin' &&
      at('active') === 1
    )
  })
  if (!admin) {
    throw invalid(
      'tables.users',
      `the backup has no active admin account ${restoringEmail}: after a restore, sign in needs one`,
    )
  }
  const statements: D1PreparedStatement[] = [
    db.prepare('DELETE FROM sessions'),
    db.prepare('DELETE FROM article_stem_rows'),
    db.prepare('DELETE FROM article_stems'),
    ...[...BACKUP_TABLES].reverse().map((t) => db.prepare(`DELETE FROM ${quoted(t)}`)),
  ]
  const restored: Record<string, number> = {}
  for (const table of BACKUP_TABLES) {
    const data = doc.tables[table]
    if (!data) continue
    const columns = new Set((await columnsOf(db, table)).map((c) => c.name))
    data.columns.forEach((c, i) => {
      if (!columns.has(c)) throw invalid(`tables.${table}.columns.${i}`, `no column ${c}`)
    })
    const width = data.columns.length
    data.rows.forEach((r, i) => {
      if (r.length !== width) {
        throw invalid(`tables.${table}.rows.${i}`, `has ${r.length} cells, not ${width}`)
      }
    })
    const cells = data.columns.map((_, i) => `value ->> '$[${i}]'`).join(', ')
    const sql = `INSERT INTO ${quoted(table)} (${data.columns.map(quoted).join(', ')})
      SELECT ${cells} FROM json_each(?1)`
    const rows = await referencedFirst(db, table, data.columns, data.rows)
    for (const chunk of chunks(rows)) statements.push(db.prepare(sql).bind(chunk))
    restored[table] = data.rows.length
  }
  await db.batch(statements).catch((error: unknown) => {
    throw constraintError(error)
  })
  return restored
}
