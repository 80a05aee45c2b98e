import type { Stage } from '../../schema/journey'
import { lastKey, moveStatements } from '../db/clients'
import { loadJourney } from '../db/journey'
import { notifyStatement } from '../db/notifications'
import { alertOrg, type AlertOrg } from '../db/org'
import { flagStatements, overdueCards, type OverdueCard } from '../db/sla'
import { enqueueStatement } from '../db/webhooks'
import { slaAlertText, type SlaEvent } from '../domain/alert-text'
import { slaDeadlines, type Calendar } from '../domain/clock'
import { keyBetween } from '../domain/ordering'
import { alertRecipients } from '../domain/team'
import type { Env } from '../env'
import { loadCalendar } from '../services/calendar'

/** Cards handled per query; the sweep keeps going until a query returns fewer. */
const PAGE = 200
/** Cards per D1 batch: each card's statements are guarded, so a batch may mix them freely. */
const PER_BATCH = 50

/**
 * Who hears about a card's SLA: its acting owner (the client's person for the stage's owner
 * role) and their lead; with nobody in that role, the role's lead; failing that, the admins.
 */
const recipients = (card: OverdueCard, org: AlertOrg) =>
  alertRecipients(card.owner_id, card.owner_role_id, org.members, org.admins)

function alertStatements(
  db: D1Database,
  org: AlertOrg,
  card: OverdueCard,
  stage: Stage,
  what: SlaEvent,
  now: number,
  op: string,
) {
  const guard = { clientId: card.id, op }
  const key = `${what.kind}:${card.id}:${card.entered_stage_at}:${what.level}`
  const text = slaAlertText(card.company, stage, what)
  return [
    ...recipients(card, org).map((memberId) =>
      notifyStatement(
        db,
        {
          memberId,
          kind: what.kind,
          clientId: card.id,
          title: text.ru.title,
          body: text.ru.body,
          data: { en: text.en, level: what.level, stageId: stage.id },
          dedupeKey: `${key}:${memberId}`,
        },
        now,
        guard,
      ),
    ),
    enqueueStatement(
      db,
      what.kind === 'returned' ? 'client.returned' : 'client.overdue',
      key,
      {
        clientId: card.id,
        company: card.company,
        stageId: stage.id,
        level: what.level,
        to: what.kind === 'returned' ? what.to.id : null,
        owner: card.owner_id,
        text: text.ru.title,
      },
      now,
      guard,
    ),
  ]
}

/** The end of each column, read once per sweep and advanced as returned cards land there. */
function columnEnds(db: D1Database) {
  const ends = new Map<string, string | null>()
  return async (stageId: string) => {
    const last = ends.has(stageId) ? (ends.get(stageId) ?? null) : await lastKey(db, stageId, '')
    const key = keyBetween({ before: last, after: null })
    ends.set(stageId, key)
    return key
  }
}

/**
 * Sends a card back one stage, as a move the user could have made: versioned, in history, its
 * clock restarted. A return is a step back, not a fresh entry: no automations rerun.
 */
function returnStatements(
  db: D1Database,
  org: AlertOrg,
  card: OverdueCard,
  stage: Stage,
  previous: Stage,
  position: string,
  calendar: Calendar,
  now: number,
) {
  const op = crypto.randomUUID()
  const { dueAt, due2At } = slaDeadlines(now, previous.slaDays, calendar)
  return moveStatements(db, {
    id: card.id,
    version: card.version,
    fromStageId: stage.id,
    toStageId: previous.id,
    position,
    wipLimit: null,
    actorId: null,
    now,
    op,
    kind: 'returned',
    data: { reason: 'sla_exceeded', slaDays: stage.slaDays },
    dueAt,
    due2At,
    after: alertStatements(
      db,
      org,
      card,
      stage,
      { kind: 'returned', level: 1, to: previous },
      now,
      op,
    ),
  })
}

/**
 * The SLA sweep: cards past their stage's SLA are flagged (and escalated at twice the SLA) or,
 * under the `return` policy, sent back one stage; acting owners and their leads are notified. Safe to
 * run twice or concurrently: every write is guarded by the card's state, notifications and
 * webhooks by dedupe keys. The cost follows the overdue cards: one indexed read per page, then
 * the writes of many cards per batch.
 */
export async function slaSweep(env: Env, now: number) {
  const db = env.DB
  const [journey, { value: calendar }, org] = await Promise.all([
    loadJourney(db, true),
    loadCalendar(db),
    alertOrg(db),
  ])
  const stages = journey.phases.flatMap((p) => p.stages)
  const live = stages.filter((s) => !s.archived)
  const byId = new Map(stages.map((s) => [s.id, s]))
  const previousOf = (id: string) => live[live.findIndex((s) => s.id === id) - 1]
  const endOf = columnEnds(db)
  const found = { flagged: 0, escalated: 0, returned: 0 }

  for (const level of [1, 2] as const) {
    for (let round = 0; round < 100; round += 1) {
      const cards = await overdueCards(db, level, now, PAGE)
      const work: D1PreparedStatement[][] = []
      for (const card of cards) {
        const stage = byId.get(card.stage_id)
        if (!stage) continue
        const previous = previousOf(stage.id)
        if (level === 1 && stage.overduePolicy === 'return' && previous) {
          const position = await endOf(previous.id)
          work.push(returnStatements(db, org, card, stage, previous, position, calendar, now))
          found.returned += 1
          continue
        }
        found[level === 1 ? 'flagged' : 'escalated'] += 1
        const op = crypto.randomUUID()
        // Found already past twice the SLA: the mark goes through both levels, but people hear
        // only the stronger alert, which the second pass sends.
        const skipped = level === 1 && card.due2_at !== null && card.due2_at <= now
        work.push([
          ...flagStatements(db, card, level, now, { clientId: card.id, op }),
          ...(skipped
            ? []
            : alertStatements(db, org, card, stage, { kind: 'overdue', level }, now, op)),
        ])
      }
      for (let i = 0; i < work.length; i += PER_BATCH) {
        await db.batch(work.slice(i, i + PER_BATCH).flat())
      }
      if (cards.length < PAGE) break
    }
  }
  return (
    `SLA sweep: ${found.flagged} cards newly overdue, ${found.escalated} past twice the SLA, ` +
    `${found.returned} returned a stage`
  )
}
