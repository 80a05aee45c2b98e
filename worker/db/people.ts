import type { ClientPerson } from '../../schema/clients'
import { appendEventIf, type NewEvent } from './clients'
import { opGuardSql, type OpGuard } from './op-guard'
import { iso } from './time'

interface PersonRow {
  role_id: string
  member_id: string
  assigned_at: number
  assigned_by: string | null
  reason: string | null
}

/** A client's people, in the journey's role order. */
export async function listPeople(db: D1Database, clientId: string): Promise<ClientPerson[]> {
  const { results } = await db
    .prepare(
      `SELECT p.role_id, p.member_id, p.assigned_at, p.assigned_by, p.reason FROM client_people p
       JOIN roles r ON r.id = p.role_id WHERE p.client_id = ?1 ORDER BY r.position, r.id`,
    )
    .bind(clientId)
    .all<PersonRow>()
  return results.map((r) => ({
    roleId: r.role_id,
    memberId: r.member_id,
    assignedAt: iso(r.assigned_at),
    assignedBy: r.assigned_by,
    reason: r.reason,
  }))
}

/** One role's change: a member to put there, or null to leave the role empty. */
export interface PersonChange {
  roleId: string
  memberId: string | null
  reason: string | null
}

/**
 * The statements of one role's change, run only if the guarded event of the write landed: the
 * person row, and open automation tasks for that role that waited for someone.
 */
export function personStatements(
  db: D1Database,
  c: PersonChange,
  actorId: string | null,
  now: number,
  guard: OpGuard,
): D1PreparedStatement[] {
  if (c.memberId === null) {
    const g = opGuardSql(guard, 3)
    return [
      db
        .prepare(`DELETE FROM client_people WHERE client_id = ?1 AND role_id = ?2 AND ${g.sql}`)
        .bind(guard.clientId, c.roleId, ...g.params),
    ]
  }
  const g = opGuardSql(guard, 7)
  const t = opGuardSql(guard, 5)
  return [
    db
      .prepare(
        `INSERT INTO client_people (client_id, role_id, member_id, assigned_at, assigned_by, reason)
         SELECT ?1, ?2, ?3, ?4, ?5, ?6 WHERE ${g.sql}
         ON CONFLICT (client_id, role_id) DO UPDATE SET member_id = excluded.member_id,
           assigned_at = excluded.assigned_at, assigned_by = excluded.assigned_by,
           reason = excluded.reason`,
      )
      .bind(guard.clientId, c.roleId, c.memberId, now, actorId, c.reason, ...g.params),
    // "Never without an assignee": a task made while the role was empty goes to its new person.
    db
      .prepare(
        `UPDATE tasks SET assignee_member_id = ?3, version = version + 1, updated_at = ?4
         WHERE client_id = ?1 AND assignee_role_id = ?2 AND assignee_member_id IS NULL
           AND done = 0 AND ${t.sql}`,
      )
      .bind(guard.clientId, c.roleId, c.memberId, now, ...t.params),
  ]
}

/** The first parameter number an extra condition of a people write may bind (?10 on). */
export const PEOPLE_CONDITION_FIRST = 10

/** An extra SQL condition (`AND …`) whose parameters are numbered from PEOPLE_CONDITION_FIRST. */
export interface PeopleCondition {
  sql: string
  params: unknown[]
}

export interface PeopleWrite {
  clientId: string
  version: number
  changes: PersonChange[]
  /** One event per change, in the same order. */
  events: NewEvent[]
  actorId: string | null
  now: number
  op: string
  /** An extra SQL condition on the first event (and so on the whole write). */
  condition?: PeopleCondition
  /** Statements that must run only if the write landed (guarded by `op`). */
  after?: D1PreparedStatement[]
}

/**
 * Changes people of a client as one versioned write: the events land only while the version
 * (and any condition) holds, the version goes up once, and the people rows and the rest of the
 * batch follow only if the first event landed. True when it did.
 */
export async function writePeople(db: D1Database, w: PeopleWrite): Promise<boolean> {
  const guard = { clientId: w.clientId, op: w.op }
  const [first, ...rest] = w.events
  if (!first) return true
  const results = await db.batch([
    appendEventIf(
      db,
      w.clientId,
      w.version,
      { ...first, op: w.op },
      w.now,
      w.condition?.sql,
      w.condition?.params,
    ),
    ...rest.map((e) => appendEventIf(db, w.clientId, w.version, e, w.now)),
    db
      .prepare(
        `UPDATE clients SET version = version + 1, updated_at = ?1
         WHERE id = ?2 AND version = ?3
           AND EXISTS (SELECT 1 FROM client_events WHERE client_id = ?2 AND op = ?4)`,
      )
      .bind(w.now, w.clientId, w.version, w.op),
    ...w.changes.flatMap((c) => personStatements(db, c, w.actorId, w.now, guard)),
    ...(w.after ?? []),
  ])
  return (results[w.events.length]?.meta.changes ?? 0) > 0
}

/** When each of a client's roles last fell empty (an `unassigned` event), as a statement. */
export const lastEmptiedQuery = (db: D1Database, clientId: string) =>
  db
    .prepare(
      `SELECT json_extract(data, '$.roleId') AS role_id, MAX(at) AS at FROM client_events
       WHERE client_id = ?1 AND kind = 'unassigned' GROUP BY 1`,
    )
    .bind(clientId)

/** Role id → when it last fell empty, from a batch result of `lastEmptiedQuery`. */
export const lastEmptiedFrom = (result: D1Result | undefined): Map<string, number> =>
  new Map(
    ((result?.results ?? []) as { role_id: string; at: number }[]).map((r) => [r.role_id, r.at]),
  )

/** When each of a client's roles last fell empty (an `unassigned` event), by role id. */
export async function lastEmptied(db: D1Database, clientId: string): Promise<Map<string, number>> {
  return lastEmptiedFrom(await lastEmptiedQuery(db, clientId).all())
}
