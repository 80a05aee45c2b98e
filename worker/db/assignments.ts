import type { StageRoleKind } from '../../schema/clients'
import { appendEventIf, type NewEvent } from './clients'

const COLUMN: Record<StageRoleKind, string> = {
  owner: 'owner_id',
  communicator: 'communicator_id',
  support: 'support_id',
}

export interface SlotWrite {
  clientId: string
  version: number
  role: StageRoleKind
  memberId: string
  /** The `assigned` event; its `op` tags it so the rest of the batch can check it landed. */
  event: NewEvent & { op: string }
  now: number
  /** An extra SQL condition on the event (and so on the whole write), its parameters from ?10. */
  condition?: { sql: string; params: unknown[] }
  /** Statements that must run only if the assignment landed (guarded by the event's op). */
  after?: D1PreparedStatement[]
}

/**
 * Puts a member in one slot of a client in one batch: the history event is written only while
 * the version (and any extra condition) holds, and the row changes only if that event exists,
 * so a stale or lost write leaves no trace. True when it landed.
 */
export async function assignSlot(db: D1Database, w: SlotWrite): Promise<boolean> {
  const results = await db.batch([
    appendEventIf(db, w.clientId, w.version, w.event, w.now, w.condition?.sql, w.condition?.params),
    db
      .prepare(
        `UPDATE clients SET ${COLUMN[w.role]} = ?1, version = version + 1, updated_at = ?2
         WHERE id = ?3 AND version = ?4
           AND EXISTS (SELECT 1 FROM client_events WHERE client_id = ?3 AND op = ?5)`,
      )
      .bind(w.memberId, w.now, w.clientId, w.version, w.event.op),
    ...(w.after ?? []),
  ])
  return (results[1]?.meta.changes ?? 0) > 0
}
