import type { Client } from '../../schema/clients'
import type { Stage } from '../../schema/journey'
import { listAutomations } from '../db/automations'
import { slaDeadlines } from '../domain/clock'
import { loadCalendar } from './calendar'
import { entryStatements } from './stage-entry'

/** What a card entering a stage needs written with it: its SLA deadlines and the automations. */
export interface PreparedEntry {
  dueAt: number | null
  due2At: number | null
  after: D1PreparedStatement[]
}

/**
 * Reads the calendar and the stage's automations and prepares an entry at `now`. The statements
 * are guarded by `op`: they take effect only if the batch's guarded event was written.
 */
export async function prepareEntry(
  db: D1Database,
  client: Pick<Client, 'id' | 'name' | 'company' | 'assignees'>,
  stage: Stage,
  now: number,
  op: string,
  runAutomations = true,
): Promise<PreparedEntry> {
  const [{ value: calendar }, automations] = await Promise.all([
    loadCalendar(db),
    runAutomations ? listAutomations(db, stage.id, true) : Promise.resolve([]),
  ])
  const { dueAt, due2At } = slaDeadlines(now, stage.slaDays, calendar)
  const guard = { clientId: client.id, op }
  const after = entryStatements(db, { client, stage, enteredAt: now, automations, calendar, guard })
  return { dueAt, due2At, after }
}
