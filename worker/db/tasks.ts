import { opGuardSql, type OpGuard } from './op-guard'
import type { Task, TaskCreate } from '../../schema/tasks'
import { iso, isoOrNull } from './time'

interface TaskRow {
  id: string
  client_id: string
  title: string
  assignee_role_id: string | null
  assignee_member_id: string | null
  due_date: string | null
  done: number
  done_at: number | null
  created_by_kind: 'person' | 'automation'
  created_by: string | null
  version: number
  created_at: number
  updated_at: number
}

const toTask = (r: TaskRow): Task => ({
  id: r.id,
  clientId: r.client_id,
  title: r.title,
  assigneeRoleId: r.assignee_role_id,
  assigneeMemberId: r.assignee_member_id,
  dueDate: r.due_date,
  done: r.done === 1,
  doneAt: isoOrNull(r.done_at),
  createdBy: { kind: r.created_by_kind, id: r.created_by },
  version: r.version,
  createdAt: iso(r.created_at),
  updatedAt: iso(r.updated_at),
})

export async function listTasks(db: D1Database, clientId: string): Promise<Task[]> {
  const { results } = await db
    .prepare('SELECT * FROM tasks WHERE client_id = ?1 ORDER BY created_at, id')
    .bind(clientId)
    .all<TaskRow>()
  return results.map(toTask)
}

export async function getTask(db: D1Database, id: string): Promise<Task | null> {
  const row = await db.prepare('SELECT * FROM tasks WHERE id = ?1').bind(id).first<TaskRow>()
  return row ? toTask(row) : null
}

/** Who created a task: a person (member id, or null before sign-in exists) or an automation. */
export interface TaskAuthor {
  kind: 'person' | 'automation'
  id: string | null
}

export function insertTaskStatement(
  db: D1Database,
  id: string,
  clientId: string,
  t: TaskCreate,
  by: TaskAuthor,
  now: number,
) {
  return db
    .prepare(
      `INSERT INTO tasks (id, client_id, title, assignee_role_id, assignee_member_id, due_date,
        created_by_kind, created_by, created_at, updated_at)
       VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?9)`,
    )
    .bind(
      id,
      clientId,
      t.title,
      t.assigneeRoleId,
      t.assigneeMemberId,
      t.dueDate,
      by.kind,
      by.id,
      now,
    )
}

/** Writes the task if the version still matches. */
export async function updateTask(db: D1Database, next: Task, expected: number, now: number) {
  const result = await db
    .prepare(
      `UPDATE tasks SET title = ?1, assignee_role_id = ?2, assignee_member_id = ?3, due_date = ?4,
        done = ?5, done_at = ?6, version = version + 1, updated_at = ?7 WHERE id = ?8 AND version = ?9`,
    )
    .bind(
      next.title,
      next.assigneeRoleId,
      next.assigneeMemberId,
      next.dueDate,
      next.done ? 1 : 0,
      next.doneAt ? Date.parse(next.doneAt) : null,
      now,
      next.id,
      expected,
    )
    .run()
  return result.meta.changes > 0
}

/**
 * A task made by an automation. Its dedupe key is derived from the automation and the card's
 * entry, so creating it twice (a retried sweep, a concurrent one) is a no-op; `guardSql` ties it
 * to the change that triggered it. The id stays short and opaque, like any task's.
 */
export function insertAutomatedTaskStatement(
  db: D1Database,
  t: {
    id: string
    dedupeKey: string
    clientId: string
    title: string
    roleId: string | null
    memberId: string | null
    dueDate: string | null
    automationId: string
  },
  now: number,
  guard?: OpGuard,
) {
  const g = opGuardSql(guard, 10)
  return db
    .prepare(
      `INSERT INTO tasks (id, dedupe_key, client_id, title, assignee_role_id, assignee_member_id,
         due_date, created_by_kind, created_by, created_at, updated_at)
       SELECT ?1, ?2, ?3, ?4, ?5, ?6, ?7, 'automation', ?8, ?9, ?9 WHERE ${g.sql}
       ON CONFLICT (dedupe_key) DO NOTHING`,
    )
    .bind(
      t.id,
      t.dedupeKey,
      t.clientId,
      t.title,
      t.roleId,
      t.memberId,
      t.dueDate,
      t.automationId,
      now,
      ...g.params,
    )
}
