/**
 * The SLA sweep through the Worker's scheduled handler. `/__scheduled` answers at once and the
 * jobs go on in `waitUntil`, so the end is found by polling D1's file (read-only, WAL) until no
 * card past a deadline is left unmarked.
 */
import { timed, type Session } from './http'
import { sqliteRows } from './sqlite-cli'

const pendingSql = (t: number) =>
  `SELECT count(*) AS n FROM clients WHERE archived = 0 AND ((overdue_level = 0 AND due_at <= ${t})
     OR (overdue_level = 1 AND due2_at <= ${t}))`

export interface SweepRun {
  pendingBefore: number
  /** Until the scheduled request was answered. */
  requestMs: number
  /** Until no card past a deadline was left unmarked (null: not within the time limit). */
  doneMs: number | null
  pollMs: number
  flagged: number
  returned: number
}

export async function sweep(s: Session, file: string, limitMs = 180_000): Promise<SweepRun> {
  const pollMs = 50
  const t = Date.now()
  const pending = () => sqliteRows<{ n: number }>(file, pendingSql(t))[0]?.n ?? 0
  const pendingBefore = pending()
  const started = performance.now()
  const answer = await timed(s, '/__scheduled?cron=*/5+*+*+*+*')
  const requestMs = performance.now() - started
  if (answer.status !== 200) throw new Error(`/__scheduled: ${answer.status} ${answer.text}`)
  let doneMs: number | null = null
  while (performance.now() - started < limitMs) {
    if (pending() === 0) {
      doneMs = performance.now() - started
      break
    }
    await new Promise((resolve) => setTimeout(resolve, pollMs))
  }
  const [counts] = sqliteRows<{ flagged: number; returned: number }>(
    file,
    `SELECT count(*) FILTER (WHERE kind = 'overdue') AS flagged,
       count(*) FILTER (WHERE kind = 'returned') AS returned FROM client_events WHERE at >= ${t - 600_000}`,
  )
  return {
    pendingBefore,
    requestMs,
    doneMs,
    pollMs,
    flagged: counts?.flagged ?? 0,
    returned: counts?.returned ?? 0,
  }
}
