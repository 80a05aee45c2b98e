import { cardsForDeadlines, deadlineStatement } from '../db/sla'
import { slaDeadlines, type Calendar } from '../../shared/clock'

/**
 * Re-derives the SLA deadlines of the live cards (of one stage, or all) after the calendar or
 * a stage's SLA changed. Each row is rewritten only if the card is still in the same stint.
 */
export async function recomputeDeadlines(
  db: D1Database,
  calendar: Calendar,
  stageId: string | null,
  now: number,
) {
  const cards = await cardsForDeadlines(db, stageId)
  const statements = cards.map((c) => {
    const { dueAt, due2At } = slaDeadlines(c.entered_stage_at, c.sla_days, calendar)
    return deadlineStatement(db, c.id, c.entered_stage_at, dueAt, due2At, now)
  })
  for (let i = 0; i < statements.length; i += 500) await db.batch(statements.slice(i, i + 500))
}
