import type { Attachment } from '../../schema/attachments'
import { iso } from './time'

interface AttachmentRow {
  id: string
  client_id: string
  name: string
  content_type: string
  size: number
  r2_key: string
  uploaded_by: string | null
  uploaded_by_name: string | null
  created_at: number
}

/** A file's row with where its bytes are. */
export interface StoredAttachment extends Attachment {
  r2Key: string
}

const toAttachment = (r: AttachmentRow): StoredAttachment => ({
  id: r.id,
  clientId: r.client_id,
  name: r.name,
  contentType: r.content_type,
  size: r.size,
  uploadedBy: r.uploaded_by,
  uploadedByName: r.uploaded_by_name,
  createdAt: iso(r.created_at),
  r2Key: r.r2_key,
})

const SELECT = `SELECT a.*, COALESCE(u.name, 'API: ' || t.name) AS uploaded_by_name
  FROM attachments a LEFT JOIN users u ON u.id = a.uploaded_by
  LEFT JOIN api_tokens t ON t.id = a.uploaded_by`

/** A card's files, newest first. */
export async function listAttachments(db: D1Database, clientId: string) {
  const { results } = await db
    .prepare(`${SELECT} WHERE a.client_id = ?1 ORDER BY a.created_at DESC, a.id`)
    .bind(clientId)
    .all<AttachmentRow>()
  return results.map(toAttachment)
}

export async function getAttachment(db: D1Database, id: string) {
  const row = await db.prepare(`${SELECT} WHERE a.id = ?1`).bind(id).first<AttachmentRow>()
  return row ? toAttachment(row) : null
}

/**
 * A history entry about a file, at the card's current version: files are not part of the
 * card's versioned fields, so an upload does not make someone's open edit stale.
 */
const fileEvent = (
  db: D1Database,
  kind: 'attachment_added' | 'attachment_removed',
  a: { clientId: string; name: string; size: number },
  actorId: string | null,
  now: number,
  condition: string,
  conditionParam: string,
) =>
  db
    .prepare(
      `INSERT INTO client_events (client_id, kind, actor_id, version, data, at)
       SELECT id, ?2, ?3, version, ?4, ?5 FROM clients WHERE id = ?1 AND ${condition}`,
    )
    .bind(
      a.clientId,
      kind,
      actorId,
      JSON.stringify({ name: a.name, size: a.size }),
      now,
      conditionParam,
    )

/** Records a file whose bytes are already in R2, with its history entry, in one batch. */
export async function insertAttachment(
  db: D1Database,
  a: Omit<StoredAttachment, 'createdAt' | 'uploadedByName'>,
  now: number,
) {
  await db.batch([
    db
      .prepare(
        `INSERT INTO attachments (id, client_id, name, content_type, size, r2_key, uploaded_by, created_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)`,
      )
      .bind(a.id, a.clientId, a.name, a.contentType, a.size, a.r2Key, a.uploadedBy, now),
    fileEvent(db, 'attachment_added', a, a.uploadedBy, now, '?6 IS NOT NULL', a.id),
  ])
}

/**
 * Removes a file's row with its history entry (null actor: the retention purge); the entry is
 * written only by the call that removes the row, so two removals record one.
 */
export async function deleteAttachment(
  db: D1Database,
  a: StoredAttachment,
  actorId: string | null,
  now: number,
) {
  const exists = 'EXISTS (SELECT 1 FROM attachments WHERE id = ?6)'
  const [, removed] = await db.batch([
    fileEvent(db, 'attachment_removed', a, actorId, now, exists, a.id),
    db.prepare('DELETE FROM attachments WHERE id = ?1').bind(a.id),
  ])
  return (removed?.meta.changes ?? 0) > 0
}

/** Files of cards archived before `archivedBefore` (by their latest `archived` event). */
export async function expiredAttachments(db: D1Database, archivedBefore: number, limit: number) {
  const { results } = await db
    .prepare(
      `${SELECT} JOIN clients c ON c.id = a.client_id
       WHERE c.archived = 1
         AND (SELECT MAX(at) FROM client_events e WHERE e.client_id = c.id AND e.kind = 'archived') < ?1
       ORDER BY a.created_at LIMIT ?2`,
    )
    .bind(archivedBefore, limit)
    .all<AttachmentRow>()
  return results.map(toAttachment)
}
