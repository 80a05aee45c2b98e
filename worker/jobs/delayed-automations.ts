import { quoteRu } from '../domain/alert-text'
import { dueActions, getAutomation, markActionDone } from '../db/automations'
import { getClient } from '../db/clients'
import { notifyStatement } from '../db/notifications'
import { insertAutomatedTaskStatement } from '../db/tasks'
import { addWorkingMs, localDate, workdayMs } from '../../shared/clock'
import type { Env } from '../env'
import { loadCalendar } from '../services/calendar'

/**
 * Runs delayed automations whose time has come (e.g. the feedback request two weeks after
 * onboarding sign-off). The task's dedupe key derives from the scheduled action, so a second or
 * concurrent run creates nothing new: its task and notification are skipped together.
 */
export async function delayedAutomations(env: Env, now: number) {
  const db = env.DB
  const { value: calendar } = await loadCalendar(db)
  const due = await dueActions(db, now, 200)
  for (const action of due) {
    const [client, automation] = await Promise.all([
      getClient(db, action.client_id),
      getAutomation(db, action.automation_id),
    ])
    const statements: D1PreparedStatement[] = []
    if (client && !client.archived && automation?.active) {
      // The client's person for the task's role; with nobody yet, whoever fills the role gets it.
      const roleId = automation.assigneeRoleId
      const memberId = roleId ? (client.people[roleId] ?? null) : null
      const due =
        automation.dueDays === null
          ? null
          : addWorkingMs(now, automation.dueDays * workdayMs(calendar), calendar)
      const taskId = crypto.randomUUID()
      const dedupeKey = `auto:${action.id}`
      statements.push(
        insertAutomatedTaskStatement(
          db,
          {
            id: taskId,
            dedupeKey,
            clientId: client.id,
            title: automation.title.ru,
            roleId: automation.assigneeRoleId,
            memberId,
            dueDate: due === null ? null : localDate(due, calendar.timeZone),
            automationId: automation.id,
          },
          now,
        ),
      )
      if (memberId) {
        statements.push(
          notifyStatement(
            db,
            {
              memberId,
              kind: 'task',
              clientId: client.id,
              title: `${automation.title.ru}: ${quoteRu(client.company)}`,
              body: '',
              data: {
                en: { title: `${automation.title.en}: ${client.company}`, body: '' },
                taskId,
              },
              dedupeKey: `task:${dedupeKey}`,
            },
            now,
          ),
        )
      }
    }
    await db.batch([...statements, markActionDone(db, action.id, now)])
  }
  return `delayed automations: ${due.length} due`
}
