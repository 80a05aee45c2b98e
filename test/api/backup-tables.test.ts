import { env } from 'cloudflare:workers'
import { describe, expect, it } from 'vitest'
import { BACKUP_TABLES, exclusionReason } from '../../worker/db/backup-tables'

describe('what a backup holds', () => {
  it('covers every table the migrations create: backed up, or left out with a reason', async () => {
    const { results } = await env.DB.prepare(
      "SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name",
    ).all<{ name: string }>()
    const listed = new Set<string>(BACKUP_TABLES)
    const unaccounted = results
      .map((r) => r.name)
      .filter((name) => !listed.has(name) && exclusionReason(name) === null)
    // A new table? Add it to BACKUP_TABLES (after the tables it references) or NOT_BACKED_UP.
    expect(unaccounted).toEqual([])
  })

  it('lists only tables that exist, none twice, none both backed up and left out', async () => {
    const { results } = await env.DB.prepare(
      "SELECT name FROM sqlite_master WHERE type = 'table'",
    ).all<{
      name: string
    }>()
    const existing = new Set(results.map((r) => r.name))
    expect(BACKUP_TABLES.filter((t) => !existing.has(t))).toEqual([])
    expect(new Set(BACKUP_TABLES).size).toBe(BACKUP_TABLES.length)
    expect(BACKUP_TABLES.filter((t) => exclusionReason(t) !== null)).toEqual([])
  })

  it('puts every table after the tables its foreign keys point at', async () => {
    const misplaced: string[] = []
    for (const [i, table] of BACKUP_TABLES.entries()) {
      const { results } = await env.DB.prepare(
        'SELECT DISTINCT "table" AS target FROM pragma_foreign_key_list(?1)',
      )
        .bind(table)
        .all<{ target: string }>()
      for (const { target } of results) {
        const at = BACKUP_TABLES.indexOf(target as (typeof BACKUP_TABLES)[number])
        if (target !== table && at > i) misplaced.push(`${table} → ${target}`)
      }
    }
    expect(misplaced).toEqual([])
  })
})
