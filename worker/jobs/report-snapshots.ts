import { d1Runner } from '../db/sql-runner'
import type { Env } from '../env'
import { loadCalendar } from '../services/calendar'
import { writeReportSnapshots } from '../services/report-snapshots'

/** The morning's report snapshots: yesterday's flow and the stage visits finished since. */
export async function reportSnapshots(env: Env, now: number) {
  const { value: calendar } = await loadCalendar(env.DB)
  const { days, visits } = await writeReportSnapshots(d1Runner(env.DB), calendar, now)
  return `report snapshots: ${days} days, ${visits} stage visits`
}
