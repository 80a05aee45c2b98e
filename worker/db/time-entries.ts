import type { TimeEntry } from '../../schema/record'
import type { MarginClient } from '../domain/margin'
import { landed } from './record-change'
import { iso } from './time'

interface TimeRow {
  id: string
  client_id: string
  member_id: string
  member_name: string | null
  minutes: number
  spent_on: string
  note: string
  created_at: number
}

/** Time logged on a client, newest day first. */
export async function listTime(db: D1Database, clientId: string): Promise<TimeEntry[]> {
  const { results } = await db
    .prepare(
      `SELECT t.*, m.name AS member_name FROM time_entries t LEFT JOIN members m ON m.id = t.member_id
       WHERE t.client_id = ? ORDER BY t.spent_on DESC, t.created_at DESC`,
    )
    .bind(clientId)
    .all<TimeRow>()
  return results.map((r) => ({
    id: r.id,
    clientId: r.client_id,
    memberId: r.member_id,
    memberName: r.member_name,
    minutes: r.minutes,
    spentOn: r.spent_on,
    note: r.note,
    createdAt: iso(r.created_at),
  }))
}

export function insertTimeStatement(
  db: D1Database,
  t: {
    id: string
    clientId: string
    memberId: string
    minutes: number
    spentOn: string
    note: string
  },
  createdBy: string | null,
  now: number,
  op: string,
) {
  const g = landed(t.clientId, op)
  return db
    .prepare(
      `INSERT INTO time_entries (id, client_id, member_id, minutes, spent_on, note, created_by, created_at)
       SELECT ?, ?, ?, ?, ?, ?, ?, ? WHERE ${g.sql}`,
    )
    .bind(t.id, t.clientId, t.memberId, t.minutes, t.spentOn, t.note, createdBy, now, ...g.params)
}

/**
 * What the margin report reads, in one batch: every client with money or time in the months
 * (its account manager from its people), the minutes per client, and the members' names.
 */
export async function marginInputs(db: D1Database, fromDay: string, toDay: string) {
  const [clients, minutes, members] = await db.batch<Record<string, unknown>>([
    db
      .prepare(
        `SELECT c.id, c.name, p.currency, p.monthly_revenue, p.margin_percent, p.start_date,
           (SELECT member_id FROM client_people WHERE client_id = c.id AND role_id = 'account_manager')
             AS account_manager_id
         FROM clients c LEFT JOIN client_profiles p ON p.client_id = c.id
         WHERE (c.archived = 0 AND p.monthly_revenue IS NOT NULL)
            OR EXISTS (SELECT 1 FROM time_entries t WHERE t.client_id = c.id
                         AND t.spent_on BETWEEN ? AND ?)`,
      )
      .bind(fromDay, toDay),
    db
      .prepare(
        `SELECT client_id, SUM(minutes) AS minutes FROM time_entries
         WHERE spent_on BETWEEN ? AND ? GROUP BY client_id`,
      )
      .bind(fromDay, toDay),
    db.prepare('SELECT id, name FROM members'),
  ])
  type C = {
    id: string
    name: string
    currency: string | null
    monthly_revenue: number | null
    margin_percent: number | null
    start_date: string | null
    account_manager_id: string | null
  }
  const rows = (clients?.results ?? []) as C[]
  return {
    clients: rows.map((r): MarginClient => ({
      clientId: r.id,
      name: r.name,
      accountManagerId: r.account_manager_id,
      currency: r.currency ?? 'RUB',
      monthlyRevenue: r.monthly_revenue,
      marginPercent: r.margin_percent,
      startDate: r.start_date,
    })),
    minutes: new Map(
      ((minutes?.results ?? []) as { client_id: string; minutes: number }[]).map((r) => [
        r.client_id,
        r.minutes,
      ]),
    ),
    names: new Map(
      ((members?.results ?? []) as { id: string; name: string }[]).map((r) => [r.id, r.name]),
    ),
  }
}
