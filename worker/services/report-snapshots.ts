import {
  firstEventAt,
  flowDeltas,
  flowRowsOf,
  insertFlowStatements,
  insertVisitStatements,
  lastFlowDay,
  lastVisitEvent,
  stageExits,
} from '../db/report-snapshots'
import type { SqlRunner } from '../db/sql-runner'
import {
  localDate,
  localMidnight,
  workdayMs,
  zoneOffsetMs,
  type Calendar,
} from '../../shared/clock'
import { accumulateFlow, daysBetween, sumDeltas } from '../domain/reports/flow'
import { measureVisits } from '../domain/reports/visits'
import { workingTimeIndex } from '../domain/reports/working-time-index'

/** The first run backfills at most this much history. */
const BACKFILL_DAYS = 400
const EXITS_PER_PAGE = 20_000

const dayBefore = (day: string) => new Date(Date.parse(day) - 86_400_000).toISOString().slice(0, 10)

/**
 * Writes each finished local day's cards per stage and tier (up to yesterday), and measures
 * every stage visit that ended since the last run. The first run backfills both from the client
 * history. Safe twice or at once: the flow days of a run land in one atomic batch and both tables
 * keep rows already there. The morning job runs it on D1, the demo seed through wrangler.
 */
export async function writeReportSnapshots(db: SqlRunner, cal: Calendar, now: number) {
  const days = await writeFlow(db, cal, now)
  const visits = await writeVisits(db, cal)
  return { days, visits }
}

async function writeFlow(db: SqlRunner, cal: Calendar, now: number) {
  const yesterday = dayBefore(localDate(now, cal.timeZone))
  const last = await lastFlowDay(db)
  let first: string
  if (last) first = new Date(Date.parse(last) + 86_400_000).toISOString().slice(0, 10)
  else {
    const at = await firstEventAt(db)
    if (at === null) return 0
    const earliest = new Date(Date.parse(yesterday) - BACKFILL_DAYS * 86_400_000)
    first =
      [localDate(at, cal.timeZone), earliest.toISOString().slice(0, 10)].sort()[1] ?? yesterday
  }
  if (first > yesterday) return 0
  const from = localMidnight(first, cal.timeZone)
  const to = localMidnight(localDate(now, cal.timeZone), cal.timeZone)
  const offset = zoneOffsetMs(from, cal.timeZone)
  // Before the first run the cards at the start are the sum of everything earlier.
  const base = last ? await flowRowsOf(db, last) : sumDeltas(await flowDeltas(db, 0, from, offset))
  const days = daysBetween(first, yesterday)
  const rows = accumulateFlow(base, await flowDeltas(db, from, to, offset), days)
  await db.batch(insertFlowStatements(rows))
  return days.length
}

async function writeVisits(db: SqlRunner, cal: Calendar) {
  let written = 0
  for (let after = await lastVisitEvent(db); ;) {
    const exits = await stageExits(db, after, EXITS_PER_PAGE)
    const lastExit = exits.at(-1)
    if (!lastExit) return written
    const from = exits.reduce((m, e) => Math.min(m, e.enteredAt), lastExit.enteredAt)
    const to = exits.reduce((m, e) => Math.max(m, e.leftAt), lastExit.leftAt)
    const visits = measureVisits(exits, workingTimeIndex(cal, from, to), workdayMs(cal))
    await db.batch(insertVisitStatements(visits))
    written += visits.length
    after = lastExit.exitEventId
    if (exits.length < EXITS_PER_PAGE) return written
  }
}
