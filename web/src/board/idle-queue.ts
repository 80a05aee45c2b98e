type Job = () => void

/** Jobs run per idle period: each draws a column, so a few stay well clear of a long task. */
const PER_IDLE = 2

const queue: Job[] = []
let scheduled = false

const later: (run: () => void) => void =
  typeof requestIdleCallback === 'function'
    ? (run) => requestIdleCallback(run, { timeout: 1000 })
    : (run) => setTimeout(run, 16)

function schedule(): void {
  if (scheduled || queue.length === 0) return
  scheduled = true
  later(() => {
    scheduled = false
    for (const job of queue.splice(0, PER_IDLE)) job()
    schedule()
  })
}

/**
 * Runs `job` when the main thread has nothing better to do, in the order asked, a couple per
 * idle period. Returns a cancel (for a component that goes before its turn comes).
 */
export function whenIdle(job: Job): () => void {
  queue.push(job)
  schedule()
  return () => {
    const at = queue.indexOf(job)
    if (at >= 0) queue.splice(at, 1)
  }
}
