import type { Stage } from '../../schema/journey'
import type { WebhookEvent } from '../../schema/stage-clock'
import { lastKey } from '../db/clients'
import { loadJourney } from '../db/journey'
import { alertOrg, type AlertOrg } from '../db/org'
import { overdueFrom, overdueQuery, type OverdueCard } from '../db/sla'
import { webhooksTakeFrom, webhooksTakeQuery } from '../db/webhooks'
import {
  flagPageStatements,
  notePageStatement,
  outboxPageStatement,
  returnPageStatements,
  type FlagItem,
  type NoteItem,
  type OutboxItem,
  type ReturnItem,
} from '../db/sla-sets'
import { slaAlertText, type SlaEvent } from '../domain/alert-text'
import { slaDeadlines } from '../../shared/clock'
import { keyBetween } from '../domain/ordering'
import { alertRecipients } from '../domain/team'
import type { Env } from '../env'
import { loadCalendar } from '../services/calendar'

/**
 * Cards handled per query and per write batch; the sweep keeps going until a query returns fewer.
 * Each page costs two round trips whatever its size, and a page's lists go in as one JSON
 * parameter each (well under D1's 2 MB a value at 500 cards with their alerts).
 */
const PAGE = 500

/**
 * Who hears about a card's SLA: its acting owner (the client's person for the stage's owner
 * role) and their lead; with nobody in that role, the role's lead; failing that, the admins.
 */
const recipients = (card: OverdueCard, org: AlertOrg) =>
  alertRecipients(card.owner_id, card.owner_role_id, org.members, org.admins)

/** A page's writes, gathered card by card and sent as a handful of statements. */
interface PageWork {
  /** Some active webhook takes SLA events (read with the page). */
  subscribed: boolean
  flags: FlagItem[]
  returns: ReturnItem[]
  notes: NoteItem[]
  outbox: OutboxItem[]
}

/** The webhook events an SLA verdict sends. */
const SLA_EVENTS: readonly WebhookEvent[] = ['client.overdue', 'client.returned']

/** The inbox notes and the webhook event (when a webhook takes it) an SLA verdict sends. */
function addAlerts(work: PageWork, org: AlertOrg, card: OverdueCard, stage: Stage, what: SlaEvent) {
  const key = `${what.kind}:${card.id}:${card.entered_stage_at}:${what.level}`
  const text = slaAlertText(card.company, stage, what)
  const to = recipients(card, org).map((m) => ({ id: crypto.randomUUID(), m }))
  if (to.length > 0) {
    work.notes.push({
      k: what.kind,
      c: card.id,
      t: text.ru.title,
      b: text.ru.body,
      data: JSON.stringify({ en: text.en, level: what.level, stageId: stage.id }),
      key,
      to,
    })
  }
  if (!work.subscribed) return
  const event = what.kind === 'returned' ? 'client.returned' : 'client.overdue'
  const payload = {
    clientId: card.id,
    company: card.company,
    stageId: stage.id,
    level: what.level,
    to: what.kind === 'returned' ? what.to.id : null,
    owner: card.owner_id,
    text: text.ru.title,
  }
  work.outbox.push({ c: card.id, key, event, payload: JSON.stringify({ event, ...payload }) })
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

/** The page's statements: events and marks, returns, then the alerts of what landed. */
function pageStatements(db: D1Database, w: PageWork, level: 1 | 2, now: number, op: string) {
  return [
    ...flagPageStatements(db, w.flags, level, now, op),
    ...returnPageStatements(db, w.returns, now, op),
    ...(w.notes.length > 0 ? [notePageStatement(db, w.notes, now, op)] : []),
    ...(w.outbox.length > 0 ? [outboxPageStatement(db, w.outbox, now, op)] : []),
  ]
}

/**
 * The SLA sweep: cards past their stage's SLA are flagged (and escalated at twice the SLA) or,
 * under the `return` policy, sent back one stage; acting owners and their leads are notified.
 * Safe to run twice or concurrently: every write is guarded by the card's state (the mark by
 * its stint and level, a return by its version), notifications and webhooks by dedupe keys and
 * by the page's events. The cost follows the overdue cards: per page of 500 one indexed read
 * and one batch of at most six set-based statements.
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
  // Every card returned by this sweep lands at `now`: its deadlines depend only on the SLA.
  const deadlines = new Map<number, ReturnType<typeof slaDeadlines>>()
  const deadlinesFor = (slaDays: number) => {
    const known = deadlines.get(slaDays) ?? slaDeadlines(now, slaDays, calendar)
    deadlines.set(slaDays, known)
    return known
  }
  const found = { flagged: 0, escalated: 0, returned: 0 }

  for (const level of [1, 2] as const) {
    for (let round = 0; round < 100; round += 1) {
      // With the page, whether any webhook takes SLA events (none: no payloads are built).
      const [due, hooks] = await db.batch([
        overdueQuery(db, level, now, PAGE),
        webhooksTakeQuery(db, SLA_EVENTS),
      ])
      const cards = overdueFrom(due)
      const work: PageWork = {
        subscribed: webhooksTakeFrom(hooks),
        flags: [],
        returns: [],
        notes: [],
        outbox: [],
      }
      for (const card of cards) {
        const stage = byId.get(card.stage_id)
        if (!stage) continue
        const previous = previousOf(stage.id)
        if (level === 1 && stage.overduePolicy === 'return' && previous) {
          const { dueAt, due2At } = deadlinesFor(previous.slaDays)
          work.returns.push({
            c: card.id,
            v: card.version,
            from: stage.id,
            to: previous.id,
            p: await endOf(previous.id),
            d: dueAt,
            d2: due2At,
            data: JSON.stringify({ reason: 'sla_exceeded', slaDays: stage.slaDays }),
          })
          addAlerts(work, org, card, stage, { kind: 'returned', level: 1, to: previous })
          found.returned += 1
          continue
        }
        found[level === 1 ? 'flagged' : 'escalated'] += 1
        work.flags.push({ c: card.id, s: card.stage_id, e: card.entered_stage_at })
        // Found already past twice the SLA: the mark goes through both levels, but people hear
        // only the stronger alert, which the second pass sends.
        const skipped = level === 1 && card.due2_at !== null && card.due2_at <= now
        if (!skipped) addAlerts(work, org, card, stage, { kind: 'overdue', level })
      }
      const statements = pageStatements(db, work, level, now, crypto.randomUUID())
      if (statements.length > 0) await db.batch(statements)
      if (cards.length < PAGE) break
    }
  }
  return (
    `SLA sweep: ${found.flagged} cards newly overdue, ${found.escalated} past twice the SLA, ` +
    `${found.returned} returned a stage`
  )
}
