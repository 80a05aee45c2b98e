import type { Client } from '../../schema/clients'
import type { Stage } from '../../schema/journey'
import type { Automation } from '../../schema/stage-clock'
import { scheduleStatement } from '../db/automations'
import { notifyStatement } from '../db/notifications'
import { opGuardSql, type OpGuard } from '../db/op-guard'
import { insertAutomatedTaskStatement } from '../db/tasks'
import { enqueueStatement } from '../db/webhooks'
import { assigneeForRole, renderTemplate } from '../domain/automation'
import { addWorkingMs, localDate, workdayMs, type Calendar } from '../domain/clock'

export interface Entry {
  client: Pick<Client, 'id' | 'name' | 'company' | 'assignees'>
  stage: Stage
  enteredAt: number
  automations: Automation[]
  calendar: Calendar
  /** The operation whose guarded event proves the card really entered. */
  guard: OpGuard
}

/** N working days after `from`, as a local date (a task's due date). */
function dueDate(from: number, days: number | null, cal: Calendar): string | null {
  if (days === null) return null
  const at = addWorkingMs(from, days * workdayMs(cal), cal)
  return at === null ? null : localDate(at, cal.timeZone)
}

/**
 * What entering a stage sets off, as statements for the entry's own batch: tasks now, delayed
 * tasks scheduled, messages to the communicator (inbox + webhook). Dedupe keys derive from the
 * card's entry, so nothing is created twice for one entry.
 */
export function entryStatements(db: D1Database, e: Entry): D1PreparedStatement[] {
  const { client, stage, enteredAt, calendar } = e
  const entryKey = `${client.id}:${stage.id}:${enteredAt}`
  const values = { client: client.name, company: client.company, stage: stage.name.ru }
  const statements: D1PreparedStatement[] = []
  for (const a of e.automations) {
    const memberId = assigneeForRole(a.assigneeRoleId, stage.roles, client.assignees)
    if (a.kind === 'task') {
      const g = opGuardSql(e.guard, 10)
      const task = {
        id: crypto.randomUUID(),
        dedupeKey: `auto:${a.id}:${entryKey}`,
        clientId: client.id,
        title: a.title.ru,
        roleId: a.assigneeRoleId,
        memberId,
        dueDate: dueDate(enteredAt, a.dueDays, calendar),
        automationId: a.id,
      }
      statements.push(insertAutomatedTaskStatement(db, task, enteredAt, g.sql, g.params))
    } else if (a.kind === 'delayed_task') {
      const runAt = addWorkingMs(enteredAt, a.delayDays * workdayMs(calendar), calendar)
      if (runAt === null) continue
      const g = opGuardSql(e.guard, 5)
      const action = { id: `${a.id}:${entryKey}`, clientId: client.id, automationId: a.id, runAt }
      statements.push(scheduleStatement(db, action, g.sql, g.params))
    } else {
      const to = client.assignees.communicator
      const text = renderTemplate(a.template.ru, values)
      const textEn = renderTemplate(a.template.en, { ...values, stage: stage.name.en })
      if (to) {
        const note = {
          memberId: to,
          kind: 'message',
          clientId: client.id,
          title: a.title.ru,
          body: text,
          data: { en: { title: a.title.en, body: textEn }, automationId: a.id },
          dedupeKey: `message:${a.id}:${entryKey}`,
        }
        statements.push(notifyStatement(db, note, enteredAt, e.guard))
      }
      const payload = {
        clientId: client.id,
        company: client.company,
        to,
        title: a.title.ru,
        text,
        textEn,
      }
      statements.push(
        enqueueStatement(db, 'message', `message:${a.id}:${entryKey}`, payload, enteredAt, e.guard),
      )
    }
  }
  return statements
}
