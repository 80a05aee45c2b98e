import type { MyTask } from '../../schema/my-tasks'

/** A member's open tasks on live cards, soonest due first (undated last). */
export async function listOpenTasksOf(db: D1Database, memberId: string): Promise<MyTask[]> {
  const { results } = await db
    .prepare(
      `SELECT t.id, t.client_id, c.name AS client_name, t.title, t.due_date, t.version
       FROM tasks t JOIN clients c ON c.id = t.client_id
       WHERE t.assignee_member_id = ? AND t.done = 0 AND c.archived = 0
       ORDER BY t.due_date IS NULL, t.due_date, t.created_at LIMIT 200`,
    )
    .bind(memberId)
    .all<{
      id: string
      client_id: string
      client_name: string
      title: string
      due_date: string | null
      version: number
    }>()
  return results.map((r) => ({
    id: r.id,
    clientId: r.client_id,
    clientName: r.client_name,
    title: r.title,
    dueDate: r.due_date,
    version: r.version,
  }))
}
