import type { CardFlag } from '../../schema/flags'
import type { Quadrant } from '../../schema/kam'
import type {
  CardTasks,
  Client,
  ClientEvent,
  ClientFilters,
  People,
  Tier,
} from '../../schema/clients'
import { compareByPosition } from '../domain/ordering'
import { actingPeople } from '../domain/people'
import { opGuardSql, type OpGuard } from './op-guard'
import { iso, isoOrNull } from './time'

export interface ClientRow {
  id: string
  name: string
  company: string
  tier: Tier
  score: number | null
  stage_id: string
  position: string
  entered_stage_at: number
  /** JSON object role id → member id. */
  people: string | null
  owner_role_id: string
  communicator_role_id: string
  support_role_id: string
  version: number
  created_at: number
  updated_at: number
  archived: number
  due_at: number | null
  overdue_level: number
  kam: Quadrant | null
  /** JSON array of the open flags: {kind, overdueLevel}. */
  flags: string
  due_date: string | null
  /** JSON array of label ids. */
  label_ids: string
  /** JSON {open, done}. */
  task_counts: string
  /** JSON {title, dueDate} of the open task due first, or null. */
  next_task: string | null
}

const parsePeople = (json: string | null): People =>
  json ? (JSON.parse(json) as Record<string, string>) : {}

export const toClient = (r: ClientRow): Client => {
  const people = parsePeople(r.people)
  const roles = {
    owner: r.owner_role_id,
    communicator: r.communicator_role_id,
    support: r.support_role_id,
  }
  return { ...clientFields(r), people, acting: actingPeople(roles, people) }
}

const clientFields = (r: ClientRow) => ({
  id: r.id,
  name: r.name,
  company: r.company,
  tier: r.tier,
  score: r.score,
  stageId: r.stage_id,
  position: r.position,
  enteredStageAt: iso(r.entered_stage_at),
  version: r.version,
  createdAt: iso(r.created_at),
  updatedAt: iso(r.updated_at),
  archived: r.archived === 1,
  dueAt: isoOrNull(r.due_at),
  overdueLevel: r.overdue_level,
  labelIds: JSON.parse(r.label_ids) as string[],
  dueDate: r.due_date,
  tasks: {
    ...(JSON.parse(r.task_counts) as Omit<CardTasks, 'next'>),
    next: r.next_task ? (JSON.parse(r.next_task) as CardTasks['next']) : null,
  },
  kam: r.kam,
  flags: JSON.parse(r.flags) as CardFlag[],
})

/**
 * What a card shows beside its core, each a SQL expression on card `c`: its labels, the
 * checklist in brief (counts and the open task due first), and the client's record (its KAM
 * quadrant and open flags, two primary-key reads). JSON texts, except the quadrant.
 */
export const CARD_PARTS = {
  label_ids: `(SELECT json_group_array(label_id) FROM client_labels WHERE client_id = c.id)`,
  task_counts: `(SELECT json_object('open', COALESCE(SUM(done = 0), 0), 'done', COALESCE(SUM(done), 0))
     FROM tasks WHERE client_id = c.id)`,
  next_task: `(SELECT json_object('title', title, 'dueDate', due_date) FROM tasks
     WHERE client_id = c.id AND done = 0 AND due_date IS NOT NULL
     ORDER BY due_date, created_at LIMIT 1)`,
  kam: `(SELECT quadrant FROM client_kam WHERE client_id = c.id)`,
  flags: `(SELECT json_group_array(json_object('kind', kind, 'overdueLevel', overdue_level))
    FROM client_flags WHERE client_id = c.id AND resolved_at IS NULL)`,
} as const

const CARD_EXTRAS = [
  'c.due_date',
  ...Object.entries(CARD_PARTS).map(([name, sql]) => `${sql} AS ${name}`),
].join(',\n  ')

// The people come as one JSON object per card (a primary-key range read), the stage's roles by
// a join: the acting people are derived from both, never stored.
export const CLIENT_COLUMNS = `c.id, c.name, c.company, c.tier, c.score, c.stage_id, c.position,
  c.entered_stage_at, c.version, c.created_at, c.updated_at, c.archived, c.due_at, c.overdue_level,
  s.owner_role_id, s.communicator_role_id, s.support_role_id,
  (SELECT json_group_object(role_id, member_id) FROM client_people WHERE client_id = c.id) AS people,
  ${CARD_EXTRAS}`

/** A card's stage joined for its roles (the alias `c` is the card). */
const FROM = (notIndexed = false) =>
  `clients c ${notIndexed ? 'NOT INDEXED' : ''} CROSS JOIN stages s ON s.id = c.stage_id`

/**
 * SQL true when the member bound at `param` acts on card `c` at its stage (owner, communicator or support): the join
 * behind "my cards" and the member filter.
 */
export const actsOn = (param: string) => `EXISTS (SELECT 1 FROM client_people p
  WHERE p.client_id = c.id AND p.member_id = ${param}
    AND p.role_id IN (s.owner_role_id, s.communicator_role_id, s.support_role_id))`

/** What the search filter matches against; see the `search` column. */
export const searchText = (name: string, company: string) => `${name} ${company}`.toLowerCase()

export async function listClients(db: D1Database, f: ClientFilters): Promise<Client[]> {
  // A literal, not a parameter: SQLite uses the partial indexes (… WHERE archived = 0) only then.
  const where = [f.archived === 'true' ? 'c.archived = 1' : 'c.archived = 0']
  const params: unknown[] = []
  const add = (sql: string, value: unknown) => {
    params.push(value)
    where.push(sql.replaceAll('?', `?${params.length}`))
  }
  if (f.stageId) add('c.stage_id = ?', f.stageId)
  if (f.tier) add('c.tier = ?', f.tier)
  if (f.memberId) add(actsOn('?'), f.memberId)
  // instr(), not LIKE: D1 refuses LIKE patterns over 50 bytes (25 Cyrillic letters), and a
  // substring test takes `%` and `_` literally without escaping.
  if (f.q) add('instr(c.search, ?) > 0', f.q.toLowerCase())
  // The whole board is one pass over the table (D1 bills rows read: an index scan would read
  // every card twice, index entry and row); the order is cheaper to make here than in SQL.
  const notIndexed = params.length === 0
  const { results } = await db
    .prepare(`SELECT ${CLIENT_COLUMNS} FROM ${FROM(notIndexed)} WHERE ${where.join(' AND ')}`)
    .bind(...params)
    .all<ClientRow>()
  return results
    .sort((a, b) =>
      a.stage_id === b.stage_id ? compareByPosition(a, b) : a.stage_id < b.stage_id ? -1 : 1,
    )
    .map(toClient)
}

/** One client by id, as a statement a caller can batch with other reads. */
export const clientQuery = (db: D1Database, id: string) =>
  db.prepare(`SELECT ${CLIENT_COLUMNS} FROM ${FROM()} WHERE c.id = ?1`).bind(id)

/**
 * The client at the end of a batch guarded by `guard`, only if the batch's event was not written:
 * a write that landed knows the card it made, and only a lost race needs the card as it is.
 */
export const clientQueryUnless = (db: D1Database, id: string, guard: OpGuard) => {
  const landed = opGuardSql(guard, 2)
  return db
    .prepare(`SELECT ${CLIENT_COLUMNS} FROM ${FROM()} WHERE c.id = ?1 AND NOT ${landed.sql}`)
    .bind(id, ...landed.params)
}

/** The client in a batch result of `clientQuery`, if any. */
export const clientFrom = (result: D1Result | undefined): Client | null => {
  const row = (result?.results ?? [])[0] as ClientRow | undefined
  return row ? toClient(row) : null
}

export async function getClient(db: D1Database, id: string): Promise<Client | null> {
  const row = await clientQuery(db, id).first<ClientRow>()
  return row ? toClient(row) : null
}

/** Several clients by id, archived ones included (the live board hears of archiving too). */
export async function getClientsByIds(db: D1Database, ids: readonly string[]): Promise<Client[]> {
  if (ids.length === 0) return []
  const { results } = await db
    .prepare(
      `SELECT ${CLIENT_COLUMNS} FROM ${FROM()} WHERE c.id IN (SELECT value FROM json_each(?1))`,
    )
    .bind(JSON.stringify(ids))
    .all<ClientRow>()
  return results.map(toClient)
}

/** An event to append, in the same batch as the change it records. */
export interface NewEvent {
  kind: string
  actorId: string | null
  fromStageId?: string | null
  toStageId?: string | null
  data?: Record<string, unknown> | null
  /** Tags the event so later statements of the batch can check it was written (OpGuard). */
  op?: string
}

/**
 * Appends an event only while the client still has `expectedVersion` (and, when given, the
 * extra condition holds). Put it before the versioned write in the same batch: both then see
 * the same row, so the history gets an entry exactly when the change lands.
 */
export function appendEventIf(
  db: D1Database,
  clientId: string,
  expectedVersion: number,
  event: NewEvent,
  now: number,
  extraCondition = '',
  extraParams: unknown[] = [],
) {
  return db
    .prepare(
      `INSERT INTO client_events (client_id, kind, actor_id, from_stage_id, to_stage_id, version, data, at, op)
       SELECT ?1, ?2, ?3, ?4, ?5, ?6 + 1, ?7, ?8, ?9 FROM clients WHERE id = ?1 AND version = ?6 ${extraCondition}`,
    )
    .bind(
      clientId,
      event.kind,
      event.actorId,
      event.fromStageId ?? null,
      event.toStageId ?? null,
      expectedVersion,
      event.data ? JSON.stringify(event.data) : null,
      now,
      event.op ?? null,
      ...extraParams,
    )
}

/** An event at a known version that lands only if the guarded operation did (OpGuard). */
export function eventStatement(
  db: D1Database,
  clientId: string,
  version: number,
  event: NewEvent,
  now: number,
  guard: OpGuard,
) {
  const g = opGuardSql(guard, 6)
  return db
    .prepare(
      `INSERT INTO client_events (client_id, kind, actor_id, version, data, at)
       SELECT ?1, ?2, ?3, ?4, ?5, ?8 WHERE ${g.sql}`,
    )
    .bind(
      clientId,
      event.kind,
      event.actorId,
      version,
      JSON.stringify(event.data ?? null),
      ...g.params,
      now,
    )
}

export interface ClientInsert {
  id: string
  dueAt: number | null
  due2At: number | null
  name: string
  company: string
  tier: string
  score: number | null
  stageId: string
  position: string
}

/** Creates a card and its `created` event (tagged `op`), then the statements that follow entry. */
export async function insertClient(
  db: D1Database,
  c: ClientInsert,
  actorId: string | null,
  now: number,
  op: string,
  after: D1PreparedStatement[],
) {
  await db.batch([
    db
      .prepare(
        `INSERT INTO clients (id, name, company, search, tier, score, stage_id, position,
          entered_stage_at, version, created_at, updated_at, due_at, due2_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, 1, ?9, ?9, ?10, ?11)`,
      )
      .bind(
        c.id,
        c.name,
        c.company,
        searchText(c.name, c.company),
        c.tier,
        c.score,
        c.stageId,
        c.position,
        now,
        c.dueAt,
        c.due2At,
      ),
    db
      .prepare(
        `INSERT INTO client_events (client_id, kind, actor_id, to_stage_id, version, at, op)
         VALUES (?1, 'created', ?2, ?3, 1, ?4, ?5)`,
      )
      .bind(c.id, actorId, c.stageId, now, op),
    ...after,
  ])
}

/** Column values a patch may set. */
export interface ClientFields {
  name: string
  company: string
  tier: string
  score: number | null
  archived: boolean
  dueDate: string | null
}

/**
 * Writes the fields if the version still matches; the events go in the same batch, and `after`
 * (people changes, guarded by an event's op) follows the row.
 */
export async function updateClient(
  db: D1Database,
  id: string,
  version: number,
  f: ClientFields,
  events: NewEvent[],
  now: number,
  after: D1PreparedStatement[] = [],
): Promise<boolean> {
  const results = await db.batch([
    ...events.map((e) => appendEventIf(db, id, version, e, now)),
    db
      .prepare(
        `UPDATE clients SET name = ?1, company = ?2, search = ?3, tier = ?4, score = ?5,
          archived = ?6, version = version + 1, updated_at = ?7, due_date = ?10
         WHERE id = ?8 AND version = ?9`,
      )
      .bind(
        f.name,
        f.company,
        searchText(f.name, f.company),
        f.tier,
        f.score,
        f.archived ? 1 : 0,
        now,
        id,
        version,
        f.dueDate,
      ),
    ...after,
  ])
  return (results[events.length]?.meta.changes ?? 0) > 0
}

export async function countInStage(db: D1Database, stageId: string): Promise<number> {
  const row = await db
    .prepare('SELECT COUNT(*) AS count FROM clients WHERE stage_id = ?1 AND archived = 0')
    .bind(stageId)
    .first<{ count: number }>()
  return row?.count ?? 0
}

/** Keys of the live cards of a column in order, without the card being moved. */
export async function columnKeys(db: D1Database, stageId: string, excludeId: string) {
  const { results } = await db
    .prepare(
      'SELECT id, position FROM clients WHERE stage_id = ?1 AND archived = 0 AND id != ?2 ORDER BY position, id',
    )
    .bind(stageId, excludeId)
    .all<{ id: string; position: string }>()
  return results
}

/** The key just before / after a given card of a column (the moving card excluded). */
export async function adjacentKey(
  db: D1Database,
  stageId: string,
  anchor: { id: string; position: string },
  side: 'before' | 'after',
  excludeId: string,
): Promise<string | null> {
  const [cmp, order] = side === 'before' ? ['<', 'DESC'] : ['>', 'ASC']
  const row = await db
    .prepare(
      `SELECT position FROM clients WHERE stage_id = ?1 AND archived = 0 AND id != ?2
         AND (position ${cmp} ?3 OR (position = ?3 AND id ${cmp} ?4))
       ORDER BY position ${order}, id ${order} LIMIT 1`,
    )
    .bind(stageId, excludeId, anchor.position, anchor.id)
    .first<{ position: string }>()
  return row?.position ?? null
}

/** The key of a column's last live card (the card being moved left out). */
export function lastKey(db: D1Database, stageId: string, excludeId: string) {
  return edgeKey(db, stageId, excludeId, 'last')
}

/** The key of a column's first or last live card, `excludeId` left out. */
export async function edgeKey(
  db: D1Database,
  stageId: string,
  excludeId: string,
  edge: 'first' | 'last',
): Promise<string | null> {
  const order = edge === 'first' ? 'ASC' : 'DESC'
  const row = await db
    .prepare(
      `SELECT position FROM clients WHERE stage_id = ?1 AND archived = 0 AND id != ?2 ORDER BY position ${order}, id ${order} LIMIT 1`,
    )
    .bind(stageId, excludeId)
    .first<{ position: string }>()
  return row?.position ?? null
}

export interface MoveWrite {
  id: string
  version: number
  fromStageId: string
  toStageId: string
  position: string
  /** Refuse the move when the target column already holds this many cards (null: no limit). */
  wipLimit: number | null
  actorId: string | null
  now: number
  /** SLA deadlines in the target stage (recomputed only when the stage changes). */
  dueAt: number | null
  due2At: number | null
  /** Tags the event; `after` statements check it (OpGuard) to run only if the move landed. */
  op: string
  kind?: 'moved' | 'returned'
  data?: Record<string, unknown>
  after?: D1PreparedStatement[]
}

/**
 * The statements of a move: the history entry, the row change, then `after`. Entry and change
 * hold only if the version still matches and the target column has room, so a lost race
 * writes nothing; a caller may batch the statements of many cards (the sweep).
 */
export function moveStatements(db: D1Database, m: MoveWrite): D1PreparedStatement[] {
  const changesStage = m.fromStageId !== m.toStageId
  const limited = m.wipLimit !== null && changesStage
  // The room check binds the stage and the limit at the given parameter numbers.
  const room = (stage: number, limit: number) =>
    limited
      ? `AND (SELECT COUNT(*) FROM clients WHERE stage_id = ?${stage} AND archived = 0) < ?${limit}`
      : ''
  const roomParams = limited ? [m.toStageId, m.wipLimit] : []
  const event: NewEvent = {
    kind: changesStage ? (m.kind ?? 'moved') : 'reordered',
    actorId: m.actorId,
    fromStageId: m.fromStageId,
    toStageId: m.toStageId,
    data: m.data ?? null,
    op: m.op,
  }
  return [
    appendEventIf(db, m.id, m.version, event, m.now, room(10, 11), roomParams),
    db
      .prepare(
        `UPDATE clients SET stage_id = ?1, position = ?2, version = version + 1, updated_at = ?3
         ${changesStage ? ', entered_stage_at = ?3, due_at = ?8, due2_at = ?9, overdue_level = 0' : ''}
         WHERE id = ?4 AND version = ?5 ${room(6, 7)}`,
      )
      .bind(
        m.toStageId,
        m.position,
        m.now,
        m.id,
        m.version,
        // ?6 and ?7 are the room check's; unused (null) when the stage has no limit.
        ...(changesStage ? [...(limited ? roomParams : [null, null]), m.dueAt, m.due2At] : []),
      ),
    ...(m.after ?? []),
  ]
}

/**
 * Moves a card in one batch that ends by reading the card back: `moved` is false when the
 * version or the room check failed, and `current` is the card as it is after the batch.
 */
export async function moveClient(db: D1Database, m: MoveWrite) {
  const results = await db.batch([...moveStatements(db, m), clientQuery(db, m.id)])
  return { moved: (results[1]?.meta.changes ?? 0) > 0, current: clientFrom(results.at(-1)) }
}

/**
 * Gives a column fresh keys in one batch. Each row is rewritten only if it still holds the key
 * read a moment ago, so a card moved meanwhile keeps its move. Versions stay: the order of the
 * column is unchanged, nobody's pending edit should conflict with it.
 */
export async function rekeyColumn(
  db: D1Database,
  rows: { id: string; position: string }[],
  keys: string[],
) {
  await db.batch(
    rows.map((r, i) =>
      db
        .prepare('UPDATE clients SET position = ?1 WHERE id = ?2 AND position = ?3')
        .bind(keys[i], r.id, r.position),
    ),
  )
}

interface EventRow {
  id: number
  client_id: string
  kind: string
  actor_id: string | null
  actor_name: string | null
  from_stage_id: string | null
  to_stage_id: string | null
  version: number
  data: string | null
  at: number
}

/**
 * A page of a client's history, newest first: up to `limit` events older than the event id
 * `before` (null: from the newest), and the id to ask for the next page with (null: no more).
 */
export async function listEvents(
  db: D1Database,
  clientId: string,
  page: { before: number | null; limit: number },
): Promise<{ events: ClientEvent[]; next: number | null }> {
  const { results } = await db
    .prepare(
      `SELECT e.*, COALESCE(u.name, 'API: ' || t.name) AS actor_name FROM client_events e
       LEFT JOIN users u ON u.id = e.actor_id LEFT JOIN api_tokens t ON t.id = e.actor_id
       WHERE e.client_id = ?1 AND (?2 IS NULL OR e.id < ?2) ORDER BY e.id DESC LIMIT ?3`,
    )
    .bind(clientId, page.before, page.limit + 1)
    .all<EventRow>()
  const rows = results.slice(0, page.limit)
  const events = rows.map((r) => ({
    id: r.id,
    clientId: r.client_id,
    kind: r.kind,
    actorId: r.actor_id,
    actorName: r.actor_name,
    fromStageId: r.from_stage_id,
    toStageId: r.to_stage_id,
    version: r.version,
    data: r.data ? (JSON.parse(r.data) as Record<string, unknown>) : null,
    at: iso(r.at),
  }))
  return { events, next: results.length > page.limit ? (rows.at(-1)?.id ?? null) : null }
}
