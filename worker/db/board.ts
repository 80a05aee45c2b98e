import type { BoardCard, BoardColumn, BoardFilters } from '../../schema/board'
import { BOARD_CARD_FIELDS, memberRefs } from '../../shared/board-card'
import { cardOfRow, CARD_COLUMNS, CARD_JSON, parseCards } from './board-card-sql'
import { latestCursorQuery } from './changes'
import { Params } from './params'

type CardFields = typeof BOARD_CARD_FIELDS

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

/** Where a column's next page starts: after this card (keys sort by code unit, then id). */
const cursorOf = (card: BoardCard) => `${card[5]}|${card[0]}`
const parseCursor = (cursor: string) => {
  const bar = cursor.indexOf('|')
  return bar < 0 ? null : { position: cursor.slice(0, bar), id: cursor.slice(bar + 1) }
}

/**
 * Per stage `s`, its first `limit` cards that `where` leaves, in board order, as one JSON text.
 * The subquery's ORDER BY … LIMIT keeps it from being flattened: json_group_array takes its
 * rows in that order (test/api/board-sql.test.ts holds it to the order of the whole list).
 */
const columnCards = (where: string[], limit: string) =>
  `(SELECT json_group_array(${CARD_JSON}) FROM (
     SELECT ${CARD_COLUMNS} FROM clients c WHERE c.stage_id = s.id AND c.archived = 0
       ${where.map((w) => `AND ${w}`).join(' ')}
     ORDER BY c.position, c.id LIMIT ${limit}) c)`

/**
 * The board's first screen: per live stage the first `limit` cards the filters leave, in
 * board order, with the column's count of live cards and of those the filters leave. One
 * statement, one row per stage: the live count comes from `stage_counts` (kept by triggers),
 * and the cards are read through the (stage, position) index and come as one JSON text per
 * column. Only a filter counts by scanning the column. The answer names each acting member once.
 */
export async function readBoard(
  db: D1Database,
  f: BoardFilters,
  limit: number,
  now: number,
): Promise<{
  cardFields: CardFields
  members: readonly string[]
  columns: BoardColumn[]
  feedCursor: number
}> {
  const p = new Params()
  const where = filterSql(f, p, now)
  const count =
    where.length === 0
      ? 'COALESCE(n.live, 0)'
      : `(SELECT COUNT(*) FROM clients c WHERE c.stage_id = s.id AND c.archived = 0
           AND ${where.join(' AND ')})`
  // One batch, one transaction: the feed's cursor is exactly as of these cards.
  const [board, feed] = await db.batch([
    db
      .prepare(
        `SELECT s.id AS stage_id, COALESCE(n.live, 0) AS total, ${count} AS count,
         ${columnCards(where, p.add(limit))} AS cards
       FROM stages s LEFT JOIN stage_counts n ON n.stage_id = s.id
       WHERE s.archived = 0 ORDER BY s.id`,
      )
      .bind(...p.values),
    latestCursorQuery(db),
  ])
  const results = (board?.results ?? []) as {
    stage_id: string
    total: number
    count: number
    cards: string
  }[]
  const members = memberRefs()
  const columns = results.map((r) => {
    const cards = parseCards(r.cards).map((card) => cardOfRow(card, members))
    const last = cards.at(-1)
    return {
      stageId: r.stage_id,
      total: r.total,
      count: r.count,
      cards,
      next: last && r.count > cards.length ? cursorOf(last) : null,
    }
  })
  const feedCursor = ((feed?.results ?? [])[0] as { id: number | null } | undefined)?.id ?? 0
  return { cardFields: BOARD_CARD_FIELDS, members: members.ids, columns, feedCursor }
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
  const where = [
    `(c.position > ${position} OR (c.position = ${position} AND c.id > ${id}))`,
    ...filterSql(f, p, now),
  ]
  // One card more than asked: whether there is a page after this one.
  const row = await db
    .prepare(
      `SELECT ${columnCards(where, p.add(limit + 1))} AS cards FROM stages s WHERE s.id = ${stage}`,
    )
    .bind(...p.values)
    .first<{ cards: string }>()
  const read = row ? parseCards(row.cards) : []
  const members = memberRefs()
  const cards = read.slice(0, limit).map((card) => cardOfRow(card, members))
  const last = cards.at(-1)
  return {
    cardFields: BOARD_CARD_FIELDS,
    members: members.ids,
    cards,
    next: last && read.length > limit ? cursorOf(last) : null,
  }
}
