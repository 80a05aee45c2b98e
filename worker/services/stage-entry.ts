import type { Client } from '../../schema/clients'
import type { Stage } from '../../schema/journey'
import type { Automation } from '../../schema/stage-clock'
import { scheduleStatement } from '../db/automations'
import { notifyStatement } from '../db/notifications'
import type { OpGuard } from '../db/op-guard'
import { insertAutomatedTaskStatement } from '../db/tasks'
import { enqueueStatement } from '../db/webhooks'
import type { AlertOrg } from '../db/org'
import { renderTemplate } from '../../shared/automation'
import { addWorkingMs, localDate, workdayMs, type Calendar } from '../../shared/clock'
import { actingPeople, unstaffedRoles } from '../domain/people'
import { alertRecipients } from '../domain/team'

export interface Entry {
  client: Pick<Client, 'id' | 'name' | 'company' | 'people'>
  stage: Stage
  /** Who alerts about an unstaffed role go to, and the roles' names. */
  org: AlertOrg
  /** When each role of the client last fell empty: an unstaffed alert is sent once per spell. */
  emptiedAt: ReadonlyMap<string, number>
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
 * A card at a stage whose owner or communicator role the client has nobody for: the lead
 * responsible for the role hears once per spell of emptiness (the dedupe key carries when the
 * role last fell empty), and integrations get `client.unstaffed`.
 */
function unstaffedStatements(db: D1Database, e: Entry): D1PreparedStatement[] {
  const { client, stage, enteredAt } = e
  return unstaffedRoles(stage.roles, client.people).flatMap((roleId) => {
    const key = `unstaffed:${client.id}:${roleId}:${e.emptiedAt.get(roleId) ?? 0}`
    const role = e.org.roleNames.get(roleId) ?? { ru: roleId, en: roleId }
    const title = {
      ru: `«${client.company}»: нет ответственного за роль «${role.ru}» на этапе «${stage.name.ru}»`,
      en: `${client.company} has no ${role.en} at ${stage.name.en}`,
    }
    const body = {
      ru: 'Назначьте человека на эту роль клиента.',
      en: 'Assign someone to this role of the client.',
    }
    const recipients = alertRecipients(null, roleId, e.org.members, e.org.admins)
    return [
      ...recipients.map((memberId) =>
        notifyStatement(
          db,
          {
            memberId,
            kind: 'unstaffed',
            clientId: client.id,
            title: title.ru,
            body: body.ru,
            data: { en: { title: title.en, body: body.en }, roleId, stageId: stage.id },
            dedupeKey: `${key}:${memberId}`,
          },
          enteredAt,
          e.guard,
        ),
      ),
      enqueueStatement(
        db,
        'client.unstaffed',
        key,
        {
          clientId: client.id,
          company: client.company,
          stageId: stage.id,
          roleId,
          notified: recipients,
          text: title.ru,
        },
        enteredAt,
        e.guard,
      ),
    ]
  })
}

/**
 * What entering a stage sets off, as statements for the entry's own batch: tasks now, delayed
 * tasks scheduled, messages to the communicator (inbox + webhook), the unstaffed alert. Dedupe
 * keys derive from the card's entry, so nothing is created twice for one entry. A task goes to
 * the client's person for its role; with nobody there yet it waits and goes to whoever fills it.
 */
export function entryStatements(db: D1Database, e: Entry): D1PreparedStatement[] {
  const { client, stage, enteredAt, calendar } = e
  const entryKey = `${client.id}:${stage.id}:${enteredAt}`
  const values = { client: client.name, company: client.company, stage: stage.name.ru }
  const statements: D1PreparedStatement[] = unstaffedStatements(db, e)
  for (const a of e.automations) {
    const memberId = a.assigneeRoleId ? (client.people[a.assigneeRoleId] ?? null) : null
    if (a.kind === 'task') {
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
      statements.push(insertAutomatedTaskStatement(db, task, enteredAt, e.guard))
    } else if (a.kind === 'delayed_task') {
      const runAt = addWorkingMs(enteredAt, a.delayDays * workdayMs(calendar), calendar)
      if (runAt === null) continue
      const action = { id: `${a.id}:${entryKey}`, clientId: client.id, automationId: a.id, runAt }
      statements.push(scheduleStatement(db, action, e.guard))
    } else {
      const to = actingPeople(stage.roles, client.people).communicator
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
