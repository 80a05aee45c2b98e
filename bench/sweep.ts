/**
 * The SLA sweep through the Worker's scheduled handler (`trigger` runs the five-minute cron). The jobs may go on in `waitUntil` after the trigger answers, so the end is found by polling D1's file (read-only, WAL) until no
 * card past a deadline is left unmarked.
 */
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

export async function sweep(
  file: string,
  trigger: () => Promise<{ status: number; text: string }>,
  limitMs = 180_000,
): Promise<SweepRun> {
  const pollMs = 50
  const t = Date.now()
  const pending = () => sqliteRows<{ n: number }>(file, pendingSql(t))[0]?.n ?? 0
  const pendingBefore = pending()
  const started = performance.now()
  // The trigger answers once the whole cron run (the sweep, then the other jobs) is over.
  let requestMs = Number.NaN
  const answered = trigger().then((answer) => {
    requestMs = performance.now() - started
    return answer
  })
  let doneMs: number | null = null
  while (performance.now() - started < limitMs) {
    if (pending() === 0) {
      doneMs = performance.now() - started
      break
    }
    await new Promise((resolve) => setTimeout(resolve, pollMs))
  }
  const answer = await answered
  if (answer.status !== 200) throw new Error(`scheduled handler: ${answer.status} ${answer.text}`)
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
