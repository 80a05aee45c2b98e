import { applyD1Migrations } from 'cloudflare:test'
import { env } from 'cloudflare:workers'
import { describe, expect, it } from 'vitest'
import { exportBackup, restoreBackup } from '../../worker/db/backup'
import { readBoard } from '../../worker/db/board'
import { api, createClient } from './helpers'
import { CLIENT_MAPPING, runImport } from './import-helpers'

/** Live cards per stage as the triggers keep them, and as counting the cards gives them. */
async function counts(db: D1Database = env.DB) {
  const [kept, counted] = await db.batch<{ stage_id: string; live: number }>([
    db.prepare('SELECT stage_id, live FROM stage_counts WHERE live <> 0 ORDER BY stage_id'),
    db.prepare(
      `SELECT stage_id, COUNT(*) AS live FROM clients WHERE archived = 0
       GROUP BY stage_id ORDER BY stage_id`,
    ),
  ])
  return { kept: kept?.results, counted: counted?.results ?? [] }
}

/** The kept counts are the counted ones, and the board's column totals say the same. */
async function expectExact() {
  const { kept, counted } = await counts()
  expect(kept).toEqual(counted)
  const board = await readBoard(env.DB, {}, 0, Date.now())
  const live = new Map(counted.map((r) => [r.stage_id, r.live]))
  for (const column of board.columns) expect(column.total).toBe(live.get(column.stageId) ?? 0)
  return live
}

const move = (id: string, stageId: string, version: number) =>
  api(`/clients/${id}/move`, { method: 'POST', json: { stageId, version } })

const insertCard = (id: string, stageId: string, archived: number) =>
  env.DB.prepare(
    `INSERT INTO clients (id, name, company, tier, stage_id, position, entered_stage_at,
       created_at, updated_at, archived)
     VALUES (?1, ?1, ?1, 'B', ?2, 'zz' || ?1, 0, 0, 0, ?3)`,
  ).bind(id, stageId, archived)

describe('live cards per stage, kept by triggers', () => {
  it('fills the table from the cards there are when the migration runs', async () => {
    const db = env.MIGRATION_DB
    const counting = '0023_stage_counts.sql'
    await applyD1Migrations(
      db,
      env.TEST_MIGRATIONS.filter((m) => m.name < counting),
    )
    await db.batch([
      ...['m1', 'm2', 'm3'].map((id) =>
        db
          .prepare(
            `INSERT INTO clients (id, name, company, tier, stage_id, position, entered_stage_at,
             created_at, updated_at) VALUES (?1, ?1, ?1, 'B', 'pilot', ?1, 0, 0, 0)`,
          )
          .bind(id),
      ),
      db.prepare("UPDATE clients SET archived = 1 WHERE id = 'm3'"),
      db.prepare("UPDATE clients SET stage_id = 'kickoff' WHERE id = 'm2'"),
    ])
    await applyD1Migrations(db, env.TEST_MIGRATIONS)
    const { kept, counted } = await counts(db)
    expect(kept).toEqual([
      { stage_id: 'kickoff', live: 1 },
      { stage_id: 'pilot', live: 1 },
    ])
    expect(kept).toEqual(counted)
  })

  it('stays exact through create, move, archive, restore and delete', async () => {
    const before = await expectExact()
    const a = await createClient('pilot')
    const b = await createClient('pilot')
    expect((await expectExact()).get('pilot')).toBe((before.get('pilot') ?? 0) + 2)
    const moved = await move(a.id, 'decision', a.version)
    expect(moved.status).toBe(200)
    await expectExact()
    const archived = await api(`/clients/${b.id}`, {
      method: 'PATCH',
      json: { version: b.version, archived: true },
    })
    expect(archived.status).toBe(200)
    expect((await expectExact()).get('pilot')).toBe(before.get('pilot'))
    // An archived card moves with nobody counting it; restored, it counts where it now is.
    await env.DB.prepare("UPDATE clients SET stage_id = 'proposal' WHERE id = ?1").bind(b.id).run()
    await expectExact()
    const restored = await api(`/clients/${b.id}`, {
      method: 'PATCH',
      json: { version: archived.body.version, archived: false },
    })
    expect(restored.status).toBe(200)
    expect((await expectExact()).get('proposal')).toBe((before.get('proposal') ?? 0) + 1)
    // An edit that changes neither the stage nor the archive state counts nothing.
    await env.DB.prepare("UPDATE clients SET stage_id = stage_id, name = 'x' WHERE id = ?1")
      .bind(a.id)
      .run()
    await env.DB.batch([insertCard('gone-live', 'pilot', 0), insertCard('gone-old', 'pilot', 1)])
    await expectExact()
    await env.DB.prepare("DELETE FROM clients WHERE id IN ('gone-live', 'gone-old')").run()
    expect((await expectExact()).get('pilot')).toBe(before.get('pilot'))
  })

  it("counts an import's new cards and the ones it moves", async () => {
    await env.DB.prepare(
      "INSERT INTO member_roles VALUES ('t-member', 'account_manager') ON CONFLICT DO NOTHING",
    ).run()
    const row = (line: number, id: string, stage: string) => ({
      line,
      externalId: id,
      name: `Импорт ${id}`,
      company: 'ООО «Импорт»',
      tier: 'B',
      stage,
    })
    const first = await runImport(
      [row(2, 'imp-1', 'pilot'), row(3, 'imp-2', 'pilot'), row(4, 'imp-3', 'kickoff')],
      CLIENT_MAPPING,
      2,
    )
    expect(first).toMatchObject({ created: 3 })
    await expectExact()
    const second = await runImport([row(2, 'imp-1', 'decision')], CLIENT_MAPPING, 2)
    expect(second).toMatchObject({ updated: 1 })
    await expectExact()
  })

  it('stays exact when many moves land at once, some on the same card', async () => {
    const cards = await Promise.all([1, 2, 3, 4, 5, 6].map(() => createClient('needs-discovery')))
    const targets = ['platform-demo', 'proposal', 'decision']
    const [contested] = cards
    const answers = await Promise.all([
      ...cards.map((c, i) => move(c.id, targets[i % 3] ?? 'proposal', c.version)),
      ...targets.map((t) => move(contested?.id ?? '', t, contested?.version ?? 1)),
    ])
    const statuses = answers.map((r) => r.status)
    // Four moves race for the first card at one version: one wins, three are stale.
    expect(statuses.filter((s) => s === 200)).toHaveLength(6)
    expect(statuses.filter((s) => s === 409)).toHaveLength(3)
    await expectExact()
  })

  it('is right again after a restore deletes every card and inserts the backup’s', async () => {
    const doc = await exportBackup(env.DB, Date.now())
    const atExport = await expectExact()
    // Changes after the export, which the restore takes back.
    const later = await createClient('kickoff')
    await move(later.id, 'pilot', later.version)
    await createClient('decision')
    expect(await expectExact()).not.toEqual(atExport)
    await restoreBackup(env.DB, doc, 'admin@board.test')
    expect(await expectExact()).toEqual(atExport)
  })
})
