import type { ApiToken } from '../../schema/auth'
import { iso, isoOrNull } from './time'

interface TokenRow {
  id: string
  name: string
  scope: 'read' | 'write'
  created_by: string
  created_at: number
  last_used_at: number | null
  revoked_at: number | null
}

const toToken = (r: TokenRow): ApiToken => ({
  id: r.id,
  name: r.name,
  scope: r.scope,
  createdBy: r.created_by,
  createdAt: iso(r.created_at),
  lastUsedAt: isoOrNull(r.last_used_at),
  revokedAt: isoOrNull(r.revoked_at),
})

export async function insertToken(
  db: D1Database,
  t: {
    id: string
    name: string
    scope: 'read' | 'write'
    tokenHash: string
    createdBy: string
    now: number
  },
) {
  await db
    .prepare(
      `INSERT INTO api_tokens (id, name, scope, token_hash, created_by, created_at)
       VALUES (?1, ?2, ?3, ?4, ?5, ?6)`,
    )
    .bind(t.id, t.name, t.scope, t.tokenHash, t.createdBy, t.now)
    .run()
}

export async function listTokens(db: D1Database): Promise<ApiToken[]> {
  const { results } = await db
    .prepare('SELECT * FROM api_tokens ORDER BY created_at DESC')
    .all<TokenRow>()
  return results.map(toToken)
}

export async function getToken(db: D1Database, id: string): Promise<ApiToken | null> {
  const row = await db.prepare('SELECT * FROM api_tokens WHERE id = ?1').bind(id).first<TokenRow>()
  return row ? toToken(row) : null
}

export async function findLiveToken(db: D1Database, tokenHash: string) {
  return db
    .prepare('SELECT * FROM api_tokens WHERE token_hash = ?1 AND revoked_at IS NULL')
    .bind(tokenHash)
    .first<TokenRow>()
}

/** Records use at most once a minute: a busy integration should not write on every call. */
export async function markTokenUsed(db: D1Database, id: string, now: number) {
  await db
    .prepare(
      'UPDATE api_tokens SET last_used_at = ?1 WHERE id = ?2 AND (last_used_at IS NULL OR last_used_at < ?3)',
    )
    .bind(now, id, now - 60_000)
    .run()
}

export async function revokeToken(db: D1Database, id: string, now: number) {
  const res = await db
    .prepare('UPDATE api_tokens SET revoked_at = ?1 WHERE id = ?2 AND revoked_at IS NULL')
    .bind(now, id)
    .run()
  return res.meta.changes > 0
}
