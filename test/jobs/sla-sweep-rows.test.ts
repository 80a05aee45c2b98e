import { env } from 'cloudflare:workers'
import { describe, expect, it } from 'vitest'
import { recordingDb, totals, type Executed } from '../../bench/d1-recorder'
import type { Env } from '../../worker/env'
import { slaSweep } from '../../worker/jobs/sla-sweep'

const CARDS = 150

describe('the SLA sweep, rows read', () => {
  it('reads rows in proportion to the due cards, not to their square', async () => {
    // Kickoff flags only: every card becomes overdue at level 1 in one page, each with its
    // event, its notices to the account manager and their lead, and the guard that asks whether
    // the card's event of the page landed.
    await env.DB.batch([
      env.DB.prepare(
        `INSERT INTO members (id, name, email, grade, created_at, updated_at) VALUES
           ('due-lead', 'Lead', 'due-lead@m.test', 'lead', 0, 0)`,
      ),
      env.DB.prepare(
        `INSERT INTO members (id, name, email, grade, manager_id, created_at, updated_at) VALUES
           ('due-am', 'AM', 'due-am@m.test', 'senior', 'due-lead', 0, 0)`,
      ),
    ])
    await env.DB.prepare(
      `WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < CAST(?1 AS INTEGER))
       INSERT INTO clients (id, name, company, tier, stage_id, position, entered_stage_at,
         due_at, due2_at, created_at, updated_at)
       SELECT 'due-' || i, 'Due ' || i, 'Due', 'B', 'kickoff', 'a0', 0, 1000, 9e15, 0, 0 FROM n`,
    )
      .bind(CARDS)
      .run()
    await env.DB.prepare(
      `INSERT INTO client_people (client_id, role_id, member_id, assigned_at)
       SELECT id, 'account_manager', 'due-am', 0 FROM clients WHERE id LIKE 'due-%'`,
    ).run()
    const log: Executed[] = []
    const said = await slaSweep({ ...env, DB: recordingDb(env.DB, log) } as Env, Date.now())
    expect(said).toMatch(new RegExp(`${CARDS} cards newly overdue`))
    const notices = await env.DB.prepare(
      `SELECT COUNT(*) AS n FROM notifications WHERE client_id LIKE 'due-%'`,
    ).first<{ n: number }>()
    expect(notices?.n).toBeGreaterThanOrEqual(CARDS * 2)
    // Before the (op, client_id) index (0020) each guard walked every event of the page, 150
    // per notice: 25,944 rows here, against 3,594 with it.
    expect(totals(log).rowsRead).toBeLessThan(CARDS * 40)
  })
})
