/**
 * Every change of a client's record (contacts, journal, money, time, NPS) is one batch: the
 * history event at the client's next version, the client's version bump, then the change's own
 * statements, each guarded by the event (its random `op`). The event is written only while the
 * card exists, is not archived and `condition` holds (an entity's expected version), so a lost
 * race writes nothing at all. Plain `?` parameters: SQLite numbers them in order.
 */
export interface RecordEvent {
  kind: string
  actorId: string | null
  data: Record<string, unknown>
}

export interface Condition {
  sql: string
  params: unknown[]
}

/** Conditions that must all hold; those left undefined are skipped. */
export function allOf(...conditions: (Condition | undefined)[]): Condition | undefined {
  const held = conditions.filter((c): c is Condition => c !== undefined)
  if (held.length === 0) return undefined
  return { sql: held.map((c) => c.sql).join(' AND '), params: held.flatMap((c) => c.params) }
}

/** The SQL condition that the batch's event was written (for the statements after it). */
export const landed = (clientId: string, op: string): Condition => ({
  sql: 'EXISTS (SELECT 1 FROM client_events WHERE client_id = ? AND op = ?)',
  params: [clientId, op],
})

export function recordEventStatements(
  db: D1Database,
  clientId: string,
  event: RecordEvent,
  now: number,
  op: string,
  condition?: Condition,
): D1PreparedStatement[] {
  const extra = condition ? `AND ${condition.sql}` : ''
  const guard = landed(clientId, op)
  return [
    db
      .prepare(
        `INSERT INTO client_events (client_id, kind, actor_id, version, data, at, op)
         SELECT id, ?, ?, version + 1, ?, ?, ? FROM clients WHERE id = ? AND archived = 0 ${extra}`,
      )
      .bind(
        event.kind,
        event.actorId,
        JSON.stringify(event.data),
        now,
        op,
        clientId,
        ...(condition?.params ?? []),
      ),
    db
      .prepare(
        `UPDATE clients SET version = version + 1, updated_at = ? WHERE id = ? AND ${guard.sql}`,
      )
      .bind(now, clientId, ...guard.params),
  ]
}

/** Runs a change's batch; true when it landed (its event was written). */
export async function runRecordChange(db: D1Database, statements: D1PreparedStatement[]) {
  const results = await db.batch(statements)
  return (results[0]?.meta.changes ?? 0) > 0
}

/** Whether a card exists and is archived, to explain a change that did not land. */
export async function cardState(db: D1Database, clientId: string) {
  const row = await db
    .prepare('SELECT archived FROM clients WHERE id = ?')
    .bind(clientId)
    .first<{ archived: number }>()
  return row ? (row.archived === 1 ? 'archived' : 'live') : 'missing'
}
