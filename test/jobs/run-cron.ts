import {
  createExecutionContext,
  createScheduledController,
  waitOnExecutionContext,
} from 'cloudflare:test'
import { env } from 'cloudflare:workers'
import worker from '../../worker/index'

export const SWEEP = '*/5 * * * *'
export const MORNING = '0 6 * * 1-5'

/** Runs the Worker's real scheduled() handler for a cron trigger at a chosen time. */
export async function runCron(cron: string, scheduledTime: number) {
  const ctx = createExecutionContext()
  await worker.scheduled(createScheduledController({ cron, scheduledTime }), env, ctx)
  await waitOnExecutionContext(ctx)
}
