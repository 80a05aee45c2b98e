import { env } from 'cloudflare:workers'
import { describe, expect, it, vi } from 'vitest'
import { MORNING, runCron } from './run-cron'

const oldKeyLeft = async () =>
  (await env.DB.prepare("SELECT key FROM idempotency_keys WHERE key = 'stale-key-1'").first()) !==
  null

describe('a scheduled job that throws', () => {
  it('is logged by name, the jobs after it still run, and the run is reported failed', async () => {
    // The digest fails in D1; the cleanup after it must still run.
    await env.DB.batch([
      env.DB.prepare("UPDATE members SET manager_id = 't-lead' WHERE id = 't-member'"),
      env.DB.prepare(
        "INSERT INTO idempotency_keys (scope, key, created_at) VALUES ('old', 'stale-key-1', 0)",
      ),
    ])
    await env.DB.exec(
      "CREATE TRIGGER digest_down BEFORE INSERT ON notifications WHEN NEW.kind = 'digest' BEGIN SELECT RAISE(ABORT, 'notifications down'); END",
    )
    const logged = vi.spyOn(console, 'error').mockImplementation(() => {})
    const said = vi.spyOn(console, 'log').mockImplementation(() => {})
    const run = runCron(MORNING, Date.UTC(2026, 10, 24, 6))
    await expect(run).rejects.toThrow('1 of 6 scheduled job(s) failed')
    const lines = logged.mock.calls.map((args) => String(args[0]))
    const reports = said.mock.calls.map((args) => String(args[0]))
    logged.mockRestore()
    said.mockRestore()
    await env.DB.exec('DROP TRIGGER digest_down')

    expect(lines).toHaveLength(1)
    expect(JSON.parse(lines[0]!)).toMatchObject({
      job: 'dailyDigest',
      error: expect.stringContaining('notifications down'),
    })
    expect(await oldKeyLeft()).toBe(false)
    // One line per job: the five that ran say what they found, each on its own line.
    expect(reports).toHaveLength(5)
    expect(reports.every((line) => line.startsWith('cron "0 6 * * 1-5" at '))).toBe(true)
  })
})
