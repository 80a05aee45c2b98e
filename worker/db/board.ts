import type { BoardCard, BoardColumn, BoardFilters } from '../../schema/board'
import {
  BOARD_CARD_FIELDS,
  boardCardOf,
  memberRefs,
  type MemberRefs,
} from '../../shared/board-card'

type CardFields = typeof BOARD_CARD_FIELDS
import { toClient, CLIENT_COLUMNS, type ClientRow } from './clients'
import { Params } from './params'

const KIND_COLUMN = {
  owner: 's.owner_role_id',
  communicator: 's.communicator_role_id',
  support: 's.support_role_id',
} as const

/** SQL conditions on card `c` at stage `s` for the board's filters (empty: none narrows). */
function filterSql(f: BoardFilters, p: Params, now: number): string[] {
  const roles = f.as ? [KIND_COLUMN[f.as]] : Object.values(KIND_COLUMN)
  const where: string[] = []
  if (f.memberId) {
    where.push(`EXISTS (SELECT 1 FROM client_people p WHERE p.client_id = c.id
      AND p.member_id = ${p.add(f.memberId)} AND p.role_id IN (${roles.join(', ')}))`)
  }
  if (f.role) where.push(`${p.add(f.role)} IN (${roles.join(', ')})`)
  if (f.tier) where.push(`c.tier IN ${p.list(f.tier.split(','))}`)
  // The sweep's mark lags up to five minutes; the deadline is what the board shows.
  if (f.overdue) where.push(`c.due_at IS NOT NULL AND c.due_at <= ${p.add(now)}`)
  // instr(), not LIKE: D1 refuses LIKE patterns over 50 bytes; `%` and `_` are taken literally.
  if (f.q) where.push(`instr(c.search, ${p.add(f.q.toLowerCase())}) > 0`)
  if (f.kam) {
    where.push(`EXISTS (SELECT 1 FROM client_kam k
      WHERE k.client_id = c.id AND k.quadrant = ${p.add(f.kam)})`)
  }
  if (f.label) {
    where.push(`EXISTS (SELECT 1 FROM client_labels l
      WHERE l.client_id = c.id AND l.label_id = ${p.add(f.label)})`)
  }
  return where
}

const toCard = (members: MemberRefs) => (r: ClientRow) => boardCardOf(toClient(r), members)

/** Where a column's next page starts: after this card (keys sort by code unit, then id). */
const cursorOf = (c: { position: string; id: string }) => `${c.position}|${c.id}`
const parseCursor = (cursor: string) => {
  const bar = cursor.indexOf('|')
  return bar < 0 ? null : { position: cursor.slice(0, bar), id: cursor.slice(bar + 1) }
}

/**
 * The board's first screen: per live stage the first `limit` cards the filters leave, in
 * board order, with the column's count of live cards and of those the filters leave. Two
 * statements in one batch, each reading a column through its (stage, position) index: the
 * answer holds ~40 × limit cards however large the organisation, and names each acting member
 * once.
 */
export async function readBoard(
  db: D1Database,
  f: BoardFilters,
  limit: number,
  now: number,
): Promise<{ cardFields: CardFields; members: readonly string[]; columns: BoardColumn[] }> {
  const p = new Params()
  const where = filterSql(f, p, now)
  const matches = where.length === 0 ? '1' : where.join(' AND ')
  const counts = db
    .prepare(
      `SELECT s.id AS stage_id, COUNT(c.id) AS total,
         COALESCE(SUM(CASE WHEN c.id IS NOT NULL AND ${matches} THEN 1 ELSE 0 END), 0) AS count
       FROM stages s LEFT JOIN clients c ON c.stage_id = s.id AND c.archived = 0
       WHERE s.archived = 0 GROUP BY s.id`,
    )
    .bind(...p.values)
  const q = new Params()
  const inner = filterSql(f, q, now)
  const cards = db
    .prepare(
      `SELECT ${CLIENT_COLUMNS} FROM stages s CROSS JOIN clients c ON c.id IN (
         SELECT c.id FROM clients c WHERE c.stage_id = s.id AND c.archived = 0
           ${inner.map((w) => `AND ${w}`).join(' ')}
         ORDER BY c.position, c.id LIMIT ${q.add(limit)})
       WHERE s.archived = 0`,
    )
    .bind(...q.values)
  const [countRows, cardRows] = await db.batch([counts, cards])
  const byStage = new Map<string, ClientRow[]>()
  for (const row of (cardRows?.results ?? []) as ClientRow[]) {
    const list = byStage.get(row.stage_id) ?? []
    list.push(row)
    byStage.set(row.stage_id, list)
  }
  type CountRow = { stage_id: string; total: number; count: number }
  const members = memberRefs()
  const columns = ((countRows?.results ?? []) as CountRow[]).map((r) => {
    const rows = (byStage.get(r.stage_id) ?? []).sort((a, b) =>
      a.position === b.position ? (a.id < b.id ? -1 : 1) : a.position < b.position ? -1 : 1,
    )
    const last = rows.at(-1)
    return {
      stageId: r.stage_id,
      total: r.total,
      count: r.count,
      cards: rows.map(toCard(members)),
      next: last && r.count > rows.length ? cursorOf(last) : null,
    }
  })
  return { cardFields: BOARD_CARD_FIELDS, members: members.ids, columns }
}

/** The column's next `limit` cards after a cursor, with the cursor of the page after. */
export async function readColumnPage(
  db: D1Database,
  stageId: string,
  after: string,
  f: BoardFilters,
  limit: number,
  now: number,
): Promise<{
  cardFields: CardFields
  members: readonly string[]
  cards: BoardCard[]
  next: string | null
} | null> {
  const from = parseCursor(after)
  if (!from) return null
  const p = new Params()
  const stage = p.add(stageId)
  const position = p.add(from.position)
  const id = p.add(from.id)
  const where = filterSql(f, p, now)
  const { results } = await db
    .prepare(
      `SELECT ${CLIENT_COLUMNS} FROM clients c CROSS JOIN stages s ON s.id = c.stage_id
       WHERE c.stage_id = ${stage} AND c.archived = 0
         AND (c.position > ${position} OR (c.position = ${position} AND c.id > ${id}))
         ${where.map((w) => `AND ${w}`).join(' ')}
       ORDER BY c.position, c.id LIMIT ${p.add(limit + 1)}`,
    )
    .bind(...p.values)
    .all<ClientRow>()
  const rows = results.slice(0, limit)
  const last = rows.at(-1)
  const members = memberRefs()
  return {
    cardFields: BOARD_CARD_FIELDS,
    members: members.ids,
    cards: rows.map(toCard(members)),
    next: last && results.length > limit ? cursorOf(last) : null,
  }
}
