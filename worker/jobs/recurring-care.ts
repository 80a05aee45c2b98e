import { careTaskStatement } from '../db/care'
import { tierAWithoutKam } from '../db/kam'
import { notifyStatement } from '../db/notifications'
import { alertOrg } from '../db/org'
import { CARE_FROM_PHASE, careDue, NO_CARE_STAGES } from '../../shared/care'
import { localDate } from '../../shared/clock'
import { kamLead } from '../domain/kam'
import type { Env } from '../env'
import { loadCalendar } from '../services/calendar'

/** Tells each tier-A client's lead, once a year, that the client has no KAM quadrant yet. */
async function kamReminders(db: D1Database, today: string, now: number) {
  const [missing, org] = await Promise.all([tierAWithoutKam(db), alertOrg(db)])
  const statements = missing.flatMap((m) =>
    kamLead(m, org.members, org.admins).map((leadId) =>
      notifyStatement(
        db,
        {
          memberId: leadId,
          kind: 'kam_missing',
          clientId: m.clientId,
          title: `${m.company}: ключевой клиент без квадранта KAM`,
          body: 'Оцените привлекательность клиента и силу отношений (1–5), чтобы выбрать стратегию.',
          data: {
            en: {
              title: `${m.company}: key account without a KAM quadrant`,
              body: 'Rate how attractive the client is and how strong the relationship is (1–5) to choose how to manage it.',
            },
          },
          dedupeKey: `kam-missing:${today.slice(0, 4)}:${m.clientId}:${leadId}`,
        },
        now,
      ),
    ),
  )
  for (let i = 0; i < statements.length; i += 50) await db.batch(statements.slice(i, i + 50))
  return missing.length
}

/**
 * Recurring care by tier: the tasks of the current month, quarter and year (check-ins, head's
 * client reviews, account plans, annual reviews) for every client in account care or after it,
 * one set-based statement per rule; and the leads' reminders of key accounts without a KAM
 * quadrant. Dedupe keys make it safe to run twice or concurrently.
 */
export async function recurringCare(env: Env, now: number) {
  const db = env.DB
  const { value: calendar } = await loadCalendar(db)
  const today = localDate(now, calendar.timeZone)
  const results = await db.batch(
    careDue(today).map((due) => careTaskStatement(db, due, CARE_FROM_PHASE, NO_CARE_STAGES, now)),
  )
  const created = results.reduce((n, r) => n + r.results.length, 0)
  const unassessed = await kamReminders(db, today, now)
  return `Recurring care: ${created} tasks created; ${unassessed} key accounts without a KAM quadrant`
}
