import type { Client } from '../../schema/clients'
import type { Stage } from '../../schema/journey'
import type { Automation } from '../../schema/stage-clock'
import type { Calendar } from '../../shared/clock'
import { listAutomations } from '../db/automations'
import { alertOrg, type AlertOrg } from '../db/org'
import { lastEmptied } from '../db/people'
import { slaDeadlines } from '../../shared/clock'
import { unstaffedRoles } from '../domain/people'
import { loadCalendar } from './calendar'
import { entryStatements } from './stage-entry'

const NO_ORG: AlertOrg = { members: [], admins: [], roleNames: new Map() }

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
  client: Pick<Client, 'id' | 'name' | 'company' | 'people'>,
  stage: Stage,
  now: number,
  op: string,
  runAutomations = true,
): Promise<PreparedEntry> {
  // Who to tell about an unstaffed role is read only when the card is unstaffed there.
  const unstaffed = unstaffedRoles(stage.roles, client.people)
  const [{ value: calendar }, automations, org, emptiedAt] = await Promise.all([
    loadCalendar(db),
    runAutomations ? listAutomations(db, stage.id, true) : Promise.resolve([]),
    unstaffed.length > 0 ? alertOrg(db, unstaffed) : Promise.resolve(NO_ORG),
    unstaffed.length > 0 ? lastEmptied(db, client.id) : Promise.resolve(new Map<string, number>()),
  ])
  const { dueAt, due2At } = slaDeadlines(now, stage.slaDays, calendar)
  const guard = { clientId: client.id, op }
  const after = entryStatements(db, {
    client,
    stage,
    org,
    emptiedAt,
    enteredAt: now,
    automations,
    calendar,
    guard,
  })
  return { dueAt, due2At, after }
}

/**
 * The statements of an entry whose calendar, automations, role history and who to tell about an
 * unstaffed role were read already, in the move's read batch: no read of its own.
 */
export function entryAfter(
  db: D1Database,
  client: Pick<Client, 'id' | 'name' | 'company' | 'people'>,
  stage: Stage,
  now: number,
  op: string,
  reads: {
    calendar: Calendar
    automations: Automation[]
    emptiedAt: ReadonlyMap<string, number>
    /** Null when the card arrives with its owner and communicator roles held. */
    arrivalOrg: AlertOrg | null
  },
): D1PreparedStatement[] {
  return entryStatements(db, {
    client,
    stage,
    org: reads.arrivalOrg ?? NO_ORG,
    emptiedAt: reads.emptiedAt,
    enteredAt: now,
    automations: reads.automations,
    calendar: reads.calendar,
    guard: { clientId: client.id, op },
  })
}
