import type { Notification } from '../../schema/stage-clock'
import { opGuardSql, type OpGuard } from './op-guard'
import { iso, isoOrNull } from './time'

export interface NewNotification {
  memberId: string
  kind: string
  clientId: string | null
  title: string
  body: string
  data?: Record<string, unknown>
  /** Same key, same notification: a job that runs twice notifies once. */
  dedupeKey: string
}

/** Inserts a notification unless its dedupe key exists (or the guarded operation did not happen). */
export function notifyStatement(db: D1Database, n: NewNotification, now: number, guard?: OpGuard) {
  const g = opGuardSql(guard, 10)
  return db
    .prepare(
      `INSERT INTO notifications (id, member_id, kind, client_id, title, body, data, dedupe_key, created_at)
       SELECT ?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9
       WHERE EXISTS (SELECT 1 FROM members WHERE id = ?2) AND ${g.sql}
       ON CONFLICT (dedupe_key) DO NOTHING`,
    )
    .bind(
      crypto.randomUUID(),
      n.memberId,
      n.kind,
      n.clientId,
      n.title,
      n.body,
      n.data ? JSON.stringify(n.data) : null,
      n.dedupeKey,
      now,
      ...g.params,
    )
}

interface NotificationRow {
  id: string
  kind: string
  client_id: string | null
  title: string
  body: string
  data: string | null
  created_at: number
  read_at: number | null
}

export async function listNotifications(db: D1Database, memberId: string, limit: number) {
  const [list, unread] = await db.batch<NotificationRow | { n: number }>([
    db
      .prepare(
        'SELECT * FROM notifications WHERE member_id = ?1 ORDER BY created_at DESC, id LIMIT ?2',
      )
      .bind(memberId, limit),
    db
      .prepare('SELECT COUNT(*) AS n FROM notifications WHERE member_id = ?1 AND read_at IS NULL')
      .bind(memberId),
  ])
  const notifications: Notification[] = ((list?.results ?? []) as NotificationRow[]).map((r) => ({
    id: r.id,
    kind: r.kind,
    clientId: r.client_id,
    title: r.title,
    body: r.body,
    data: r.data ? (JSON.parse(r.data) as Record<string, unknown>) : null,
    createdAt: iso(r.created_at),
    readAt: isoOrNull(r.read_at),
  }))
  return {
    notifications,
    unread: ((unread?.results ?? [])[0] as { n: number } | undefined)?.n ?? 0,
  }
}

/** Marks one (or, without an id, every) unread notification of a member as read. */
export async function markRead(db: D1Database, memberId: string, id: string | null, now: number) {
  const res = await db
    .prepare(
      'UPDATE notifications SET read_at = ?1 WHERE member_id = ?2 AND read_at IS NULL AND (?3 IS NULL OR id = ?3)',
    )
    .bind(now, memberId, id)
    .run()
  return res.meta.changes
}

export async function notificationExists(db: D1Database, memberId: string, id: string) {
  const row = await db
    .prepare('SELECT 1 AS found FROM notifications WHERE id = ?1 AND member_id = ?2')
    .bind(id, memberId)
    .first()
  return row !== null
}
