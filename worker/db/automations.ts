import { opGuardSql, type OpGuard } from './op-guard'
import type { Automation, AutomationCreate } from '../../schema/stage-clock'

interface AutomationRow {
  id: string
  stage_id: string
  kind: Automation['kind']
  title_ru: string
  title_en: string
  template_ru: string
  template_en: string
  assignee_role_id: string | null
  delay_days: number
  due_days: number | null
  active: number
  version: number
}

const toAutomation = (r: AutomationRow): Automation => ({
  id: r.id,
  stageId: r.stage_id,
  kind: r.kind,
  title: { ru: r.title_ru, en: r.title_en },
  template: { ru: r.template_ru, en: r.template_en },
  assigneeRoleId: r.assignee_role_id,
  delayDays: r.delay_days,
  dueDays: r.due_days,
  active: r.active === 1,
  version: r.version,
})

/** The automations of a stage, as a statement a caller can batch (active ones only). */
export const automationsQuery = (db: D1Database, stageId: string, activeOnly = true) =>
  db
    .prepare(
      `SELECT * FROM stage_automations WHERE stage_id = ?1 ${activeOnly ? 'AND active = 1' : ''} ORDER BY created_at, id`,
    )
    .bind(stageId)

/** The automations in a batch result of `automationsQuery`. */
export const automationsFrom = (result: D1Result | undefined): Automation[] =>
  ((result?.results ?? []) as AutomationRow[]).map(toAutomation)

export async function listAutomations(db: D1Database, stageId: string, activeOnly: boolean) {
  return automationsFrom(await automationsQuery(db, stageId, activeOnly).all())
}

export async function getAutomation(db: D1Database, id: string): Promise<Automation | null> {
  const row = await db
    .prepare('SELECT * FROM stage_automations WHERE id = ?1')
    .bind(id)
    .first<AutomationRow>()
  return row ? toAutomation(row) : null
}

export async function insertAutomation(
  db: D1Database,
  id: string,
  stageId: string,
  a: AutomationCreate,
  now: number,
) {
  await db
    .prepare(
      `INSERT INTO stage_automations (id, stage_id, kind, title_ru, title_en, template_ru, template_en,
         assignee_role_id, delay_days, due_days, active, created_at)
       VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12)`,
    )
    .bind(
      id,
      stageId,
      a.kind,
      a.title.ru,
      a.title.en,
      a.template.ru,
      a.template.en,
      a.assigneeRoleId,
      a.delayDays,
      a.dueDays,
      a.active ? 1 : 0,
      now,
    )
    .run()
}

export async function updateAutomation(db: D1Database, next: Automation, expected: number) {
  const res = await db
    .prepare(
      `UPDATE stage_automations SET title_ru = ?1, title_en = ?2, template_ru = ?3, template_en = ?4,
         assignee_role_id = ?5, delay_days = ?6, due_days = ?7, active = ?8, version = version + 1
       WHERE id = ?9 AND version = ?10`,
    )
    .bind(
      next.title.ru,
      next.title.en,
      next.template.ru,
      next.template.en,
      next.assigneeRoleId,
      next.delayDays,
      next.dueDays,
      next.active ? 1 : 0,
      next.id,
      expected,
    )
    .run()
  return res.meta.changes > 0
}

/** Schedules a delayed automation; the id makes scheduling the same entry twice a no-op. */
export function scheduleStatement(
  db: D1Database,
  s: { id: string; clientId: string; automationId: string; runAt: number },
  guard: OpGuard,
) {
  const g = opGuardSql(guard, 5)
  return db
    .prepare(
      `INSERT INTO scheduled_actions (id, client_id, automation_id, run_at)
       SELECT ?1, ?2, ?3, ?4 WHERE ${g.sql} ON CONFLICT (id) DO NOTHING`,
    )
    .bind(s.id, s.clientId, s.automationId, s.runAt, ...g.params)
}

export interface DueAction {
  id: string
  client_id: string
  automation_id: string
  run_at: number
}

export async function dueActions(db: D1Database, now: number, limit: number) {
  const { results } = await db
    .prepare(
      'SELECT id, client_id, automation_id, run_at FROM scheduled_actions WHERE done_at IS NULL AND run_at <= ?1 ORDER BY run_at LIMIT ?2',
    )
    .bind(now, limit)
    .all<DueAction>()
  return results
}

export function markActionDone(db: D1Database, id: string, now: number) {
  return db
    .prepare('UPDATE scheduled_actions SET done_at = ?1 WHERE id = ?2 AND done_at IS NULL')
    .bind(now, id)
}
