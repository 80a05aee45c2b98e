import type { Env } from '../env'
import { publishChanges } from '../services/publish'
import { cleanup } from './cleanup'
import { dailyDigest } from './daily-digest'
import { delayedAutomations } from './delayed-automations'
import { deliverWebhooks } from './deliver-webhooks'
import { flagSweep } from './flag-sweep'
import { rebalance } from './rebalance'
import { recurringCare } from './recurring-care'
import { reportSnapshots } from './report-snapshots'
import { reviewReminders } from './review-reminders'
import { slaSweep } from './sla-sweep'

/**
 * A scheduled job: safe to run twice or concurrently (every write is guarded in D1). It answers
 * with one line saying what it found, which the run logs.
 */
export type Job = (env: Env, now: number) => Promise<string>

/** Cron expression (as in wrangler.toml `[triggers]`) → the jobs it runs, in order. */
export const SCHEDULE: Record<string, Job[]> = {
  // Every 5 minutes: the SLA sweep, delayed automations, the webhook outbox and the flags' clock.
  '*/5 * * * *': [slaSweep, delayedAutomations, deliverWebhooks, flagSweep],
  // 06:00 UTC on working days (09:00 in Moscow): report snapshots (first: the digest reads them),
  // leads' digests, rebalance proposals and the tiers' recurring care tasks.
  '0 6 * * 1-5': [reportSnapshots, dailyDigest, cleanup, reviewReminders, rebalance, recurringCare],
}

/**
 * Runs jobs in order, each on its own: one that throws is logged with its name and the rest
 * still run (a broken digest must not stop the SLA sweep). Every job gets one log line, what
 * it found or that it failed; then a run with a failure fails, so the platform records it.
 */
async function runJobs(cron: string, jobs: Job[], env: Env, now: number): Promise<void> {
  const failures: unknown[] = []
  const at = new Date(now).toISOString()
  for (const job of jobs) {
    try {
      // The log is how anyone running a trigger by hand (wrangler dev, tail) sees what it did.
      console.log(`cron "${cron}" at ${at}: ${await job(env, now)}`)
    } catch (error) {
      failures.push(error)
      const detail = error instanceof Error ? (error.stack ?? error.message) : String(error)
      console.error(JSON.stringify({ job: job.name, scheduledTime: now, error: detail }))
    }
    // What the job changed (a card flagged or returned, a task created) shows on open boards,
    // also when a later job fails.
    await publishChanges(env)
  }
  if (failures.length > 0) {
    throw new AggregateError(
      failures,
      `${failures.length} of ${jobs.length} scheduled job(s) failed`,
    )
  }
}

/** Runs the jobs of one cron trigger; an unknown expression is a configuration error. */
export async function runScheduled(cron: string, env: Env, now: number) {
  const jobs = SCHEDULE[cron]
  if (!jobs) throw new Error(`No jobs for cron "${cron}": add it to SCHEDULE or wrangler.toml`)
  await runJobs(cron, jobs, env, now)
}
