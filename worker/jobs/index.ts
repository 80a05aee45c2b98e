import type { Env } from '../env'
import { publishChanges } from '../services/publish'
import { cleanup } from './cleanup'
import { dailyDigest } from './daily-digest'
import { delayedAutomations } from './delayed-automations'
import { deliverWebhooks } from './deliver-webhooks'
import { rebalance } from './rebalance'
import { reviewReminders } from './review-reminders'
import { slaSweep } from './sla-sweep'

/** A scheduled job: safe to run twice or concurrently (every write is guarded in D1). */
export type Job = (env: Env, now: number) => Promise<void>

/** Cron expression (as in wrangler.toml `[triggers]`) → the jobs it runs, in order. */
export const SCHEDULE: Record<string, Job[]> = {
  // Every 5 minutes: the SLA sweep, delayed automations, and the webhook outbox.
  '*/5 * * * *': [slaSweep, delayedAutomations, deliverWebhooks],
  // 06:00 UTC on working days (09:00 in Moscow): leads' digests and rebalance proposals.
  '0 6 * * 1-5': [dailyDigest, cleanup, reviewReminders, rebalance],
}

/** Runs the jobs of one cron trigger; an unknown expression is a configuration error. */
export async function runScheduled(cron: string, env: Env, now: number) {
  const jobs = SCHEDULE[cron]
  if (!jobs) throw new Error(`No jobs for cron "${cron}": add it to SCHEDULE or wrangler.toml`)
  for (const job of jobs) {
    await job(env, now)
    // What the job changed (a card flagged or returned, a task created) shows on open boards.
    await publishChanges(env)
  }
}
