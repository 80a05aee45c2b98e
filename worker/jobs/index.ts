import type { Env } from '../env'
import { publishChanges } from '../services/publish'
import { cleanup } from './cleanup'
import { dailyDigest } from './daily-digest'
import { delayedAutomations } from './delayed-automations'
import { deliverWebhooks } from './deliver-webhooks'
import { flagSweep } from './flag-sweep'
import { rebalance } from './rebalance'
import { recurringCare } from './recurring-care'
import { reviewReminders } from './review-reminders'
import { slaSweep } from './sla-sweep'

/**
 * A scheduled job: safe to run twice or concurrently (every write is guarded in D1). It answers
 * with one line saying what it found, which the run logs.
 */
export type Job = (env: Env, now: number) => Promise<string>

/** Cron expression (as in wrangler.toml `[triggers]`) → the jobs it runs, in order. */
export const SCHEDULE: Record<string, Job[]> = {
  // Every 5 minutes: the SLA sweep, delayed automations, and the webhook outbox.
  '*/5 * * * *': [slaSweep, delayedAutomations, deliverWebhooks, flagSweep],
  // 06:00 UTC on working days (09:00 in Moscow): leads' digests and rebalance proposals.
  '0 6 * * 1-5': [dailyDigest, cleanup, reviewReminders, rebalance, recurringCare],
}

/**
 * Runs jobs in order. One that throws is logged with its name and the rest still run (a broken
 * digest must not stop the SLA sweep); then the run fails, so the platform records it as failed.
 */
async function runJobs(jobs: Job[], env: Env, now: number): Promise<string[]> {
  const failures: unknown[] = []
  const said: string[] = []
  for (const job of jobs) {
    try {
      said.push(await job(env, now))
      // What the job changed (a card flagged or returned, a task created) shows on open boards.
      await publishChanges(env)
    } catch (error) {
      failures.push(error)
      const detail = error instanceof Error ? (error.stack ?? error.message) : String(error)
      console.error(JSON.stringify({ job: job.name, scheduledTime: now, error: detail }))
      said.push(`${job.name}: failed`)
    }
  }
  if (failures.length > 0) {
    throw new AggregateError(
      failures,
      `${failures.length} of ${jobs.length} scheduled job(s) failed`,
    )
  }
  return said
}

/** Runs the jobs of one cron trigger; an unknown expression is a configuration error. */
export async function runScheduled(cron: string, env: Env, now: number) {
  const jobs = SCHEDULE[cron]
  if (!jobs) throw new Error(`No jobs for cron "${cron}": add it to SCHEDULE or wrangler.toml`)
  const said = await runJobs(jobs, env, now)
  // The log is how anyone running a trigger by hand (wrangler dev, tail) sees what it did.
  console.log(`cron "${cron}" at ${new Date(now).toISOString()}: ${said.join('; ')}`)
}
