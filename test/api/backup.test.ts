import { applyD1Migrations } from 'cloudflare:test'
import { env } from 'cloudflare:workers'
import { beforeAll, describe, expect, it } from 'vitest'
import type { BackupDocument } from '../../schema/backup'
import { exportBackup, isEmpty, restoreBackup } from '../../worker/db/backup'
import { api, createClient } from './helpers'

const fresh = env.MIGRATION_DB

const withoutTime = ({ exportedAt: _, ...rest }: BackupDocument) => rest

describe('backup and restore', () => {
  let doc: BackupDocument
  beforeAll(async () => {
    await applyD1Migrations(fresh, env.TEST_MIGRATIONS)
    // Something in most tables, with values that travel badly: reals, quotes, Cyrillic, nulls.
    await env.DB.batch([
      env.DB.prepare("INSERT INTO member_roles VALUES ('t-member', 'account_manager')"),
      env.DB.prepare("UPDATE members SET capacity_override = 12.5 WHERE id = 't-member'"),
    ])
    const client = await createClient('kickoff', { name: 'Иван "Ёлкин"', score: 77 })
    await createClient('first-call', { tier: 'A' })
    await api(`/clients/${client.id}/tasks`, { method: 'POST', json: { title: 'Позвонить; =1+1' } })
    await api('/articles', {
      method: 'POST',
      json: { lang: 'ru', title: 'Заметка', body: '**жирный**', stageIds: ['kickoff'] },
    })
    await api('/members/t-member/absences', {
      method: 'POST',
      json: { fromDate: '2026-12-10', toDate: '2026-12-12', reason: 'отпуск' },
    })
    const res = await api('/backup')
    expect(res.status).toBe(200)
    expect(res.headers.get('content-disposition')).toMatch(/attachment; filename="journey-board-/)
    doc = res.body as BackupDocument
  })

  it('is a versioned document with every backed-up table and nothing secret in clear', () => {
    expect(doc).toMatchObject({ format: 'journey-board-backup', version: 1 })
    expect(doc.tables.clients?.rows).toHaveLength(2)
    expect(doc.tables.tasks?.rows).toHaveLength(1)
    expect(doc.tables.sessions).toBeUndefined()
    const users = doc.tables.users
    const hash = users?.rows[0]?.[users.columns.indexOf('password_hash')]
    expect(String(hash)).toMatch(/^pbkdf2-sha256\$/)
  })

  it('restores into a fresh D1, and exporting that gives the same document', async () => {
    expect(await isEmpty(fresh, 'u-admin')).toBe(true)
    const restored = await restoreBackup(fresh, doc, 'admin@board.test')
    expect(restored.clients).toBe(2)
    const again = await exportBackup(fresh, Date.now())
    expect(withoutTime(again)).toEqual(withoutTime(doc))
    // The restored search index works: the articles' triggers filled it.
    const hit = await fresh
      .prepare("SELECT COUNT(*) AS n FROM articles_fts WHERE articles_fts MATCH 'заметка'")
      .first<{ n: number }>()
    expect(hit?.n).toBe(1)
    expect(await isEmpty(fresh, 'u-admin')).toBe(false)
  })

  it('refuses a restore into a deployment that has data (409), and to anyone but admins', async () => {
    const res = await api('/backup/restore', { method: 'POST', json: doc })
    expect(res.status).toBe(409)
    expect(res.body.error.code).toBe('not_empty')
    for (const as of ['lead', 'member', 'viewer'] as const) {
      expect((await api('/backup', { as })).status).toBe(403)
      expect((await api('/backup/restore', { method: 'POST', as, json: doc })).status).toBe(403)
    }
  })

  it('changes nothing when the document is wrong, and says which part', async () => {
    const before = withoutTime(await exportBackup(fresh, 0))
    const users = doc.tables.users
    const bad = (tables: BackupDocument['tables']) => ({
      ...doc,
      tables: { ...doc.tables, ...tables },
    })
    const cases: [BackupDocument, string][] = [
      [bad({ secrets: { columns: ['x'], rows: [] } }), 'tables.secrets'],
      [bad({ roles: { columns: ['nope'], rows: [] } }), 'tables.roles.columns.0'],
      [bad({ roles: { columns: ['id'], rows: [['a', 'b']] } }), 'tables.roles.rows.0'],
      [bad({ users: { columns: users?.columns ?? [], rows: [] } }), 'tables.users'],
    ]
    for (const [document, field] of cases) {
      await expect(restoreBackup(fresh, document, 'admin@board.test')).rejects.toMatchObject({
        status: 422,
        fields: { [field]: expect.any(Array) },
      })
    }
    // A reference that does not hold rolls the whole batch back.
    const clients = doc.tables.clients
    const orphan = clients?.rows.map((r) =>
      r.map((cell, i) => (clients.columns[i] === 'stage_id' ? 'no-such-stage' : cell)),
    )
    await expect(
      restoreBackup(
        fresh,
        bad({ clients: { columns: clients?.columns ?? [], rows: orphan ?? [] } }),
        'admin@board.test',
      ),
    ).rejects.toMatchObject({ status: 422, message: expect.stringMatching(/FOREIGN KEY/) })
    expect(withoutTime(await exportBackup(fresh, 0))).toEqual(before)
    const wrongFormat = await api('/backup/restore', {
      method: 'POST',
      json: { ...doc, format: 'something-else' },
    })
    expect(wrongFormat.status).toBe(422)
    expect(Object.keys(wrongFormat.body.error.fields)).toContain('format')
  })
})
