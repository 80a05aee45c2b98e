import {
  createVisitIndexStatements,
  dropVisitIndexStatements,
  firstEventAt,
  flowDeltas,
  flowRowsOf,
  insertFlowStatements,
  eventsSince,
  lastFlowDay,
  measureVisitsStatement,
  raiseReachStatement,
  raiseVisitsMark,
  rebuildVisitStatsStatements,
  visitsMark,
  windowStatements,
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
import { workingWindows } from '../domain/reports/working-time-index'

/** The first run backfills at most this much history. */
const BACKFILL_DAYS = 400
/** Clients whose stage exits one statement measures (their ids go in as one JSON parameter). */
const CLIENTS_PER_PAGE = 1_000
/** Local days of aggregates one statement rebuilds. */
const DAYS_PER_PAGE = 31

const dayBefore = (day: string) => new Date(Date.parse(day) - 86_400_000).toISOString().slice(0, 10)

/**
 * Writes each finished local day's cards per stage and tier (up to yesterday), and measures
 * every stage visit that ended since the last run, then the per-day visit aggregates of the days
 * those visits ended on. The first run backfills all of it from the client history. Safe twice
 * or at once: the flow days of a run land in one atomic batch, visits already there are kept,
 * each day's aggregates are rebuilt whole from the visits in one batch, and the mark that says
 * how far visits are measured only rises once a run has written them. The morning job runs it
 * on D1, the demo seed through wrangler.
 */
export async function writeReportSnapshots(db: SqlRunner, cal: Calendar, now: number) {
  // Both parts start from the first event (a read of every event: there is no index by time).
  const firstAt = await firstEventAt(db)
  if (firstAt === null) return { days: 0, visits: 0 }
  const days = await writeFlow(db, cal, now, firstAt)
  const visits = await writeVisits(db, cal, now, firstAt)
  return { days, visits }
}

async function writeFlow(db: SqlRunner, cal: Calendar, now: number, firstAt: number) {
  const yesterday = dayBefore(localDate(now, cal.timeZone))
  const last = await lastFlowDay(db)
  let first: string
  if (last) first = new Date(Date.parse(last) + 86_400_000).toISOString().slice(0, 10)
  else {
    const earliest = new Date(Date.parse(yesterday) - BACKFILL_DAYS * 86_400_000)
    first =
      [localDate(firstAt, cal.timeZone), earliest.toISOString().slice(0, 10)].sort()[1] ?? yesterday
  }
  if (first > yesterday) return 0
  const from = localMidnight(first, cal.timeZone)
  const to = localMidnight(localDate(now, cal.timeZone), cal.timeZone)
  const offset = zoneOffsetMs(from, cal.timeZone)
  // Before the first run the cards at the start are the sum of everything earlier: one read of
  // the whole history (events have no index by time), split at the first day.
  const deltas = await flowDeltas(db, last ? from : 0, to, offset)
  const base = last ? await flowRowsOf(db, last) : sumDeltas(deltas.filter((d) => d.day < first))
  const days = daysBetween(first, yesterday)
  const rows = accumulateFlow(base, last ? deltas : deltas.filter((d) => d.day >= first), days)
  await db.batch(insertFlowStatements(rows))
  return days.length
}

async function writeVisits(db: SqlRunner, cal: Calendar, now: number, firstAt: number) {
  const mark = await visitsMark(db)
  const since = await eventsSince(db, mark)
  if (!since) return 0
  // The windows reach back to the earliest stage entry the new exits can have: the first event.
  const from = Math.min(firstAt, since.first)
  await db.batch(windowStatements(workingWindows(cal, from, Math.max(now, since.end))))
  const offset = zoneOffsetMs(now, cal.timeZone)
  const measure = (ids: string[] | null) =>
    db.batch([measureVisitsStatement(ids, mark, since.last, offset, workdayMs(cal))])
  if (mark === 0) {
    // The first run writes the whole history's visits in one pass, without the secondary
    // indexes (kept up row by row they cost more than the measuring): they are built after.
    await db.batch(dropVisitIndexStatements())
    await measure(null)
  } else {
    for (let i = 0; i < since.clients.length; i += CLIENTS_PER_PAGE) {
      await measure(since.clients.slice(i, i + CLIENTS_PER_PAGE))
    }
  }
  // One batch: any missing index, the furthest places, the days' aggregates and the mark land
  // together, each aggregate statement a month at most (the first run: every day at once).
  const rebuild = [...createVisitIndexStatements(), raiseReachStatement(mark, since.last)]
  if (mark === 0) rebuild.push(...rebuildVisitStatsStatements(null))
  else {
    // A day either side: visit days are cut at one offset, which a daylight-saving shift moves.
    const days = daysBetween(
      dayBefore(localDate(since.first, cal.timeZone)),
      dayBefore(localDate(since.end + 2 * 86_400_000, cal.timeZone)),
    )
    for (let i = 0; i < days.length; i += DAYS_PER_PAGE) {
      const part = days.slice(i, i + DAYS_PER_PAGE)
      rebuild.push(...rebuildVisitStatsStatements({ from: part[0] ?? '', to: part.at(-1) ?? '' }))
    }
  }
  await db.batch([...rebuild, raiseVisitsMark(since.last)])
  const [row] = await db.all<{ n: number }>({
    sql: 'SELECT COUNT(*) AS n FROM stage_visits WHERE exit_event_id > ?1 AND exit_event_id <= ?2',
    params: [mark, since.last],
  })
  return row?.n ?? 0
}
