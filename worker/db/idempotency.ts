import { opGuardSql, type OpGuard } from './op-guard'

/** How long a key answers with its first result. */
export const IDEMPOTENCY_TTL_MS = 24 * 60 * 60 * 1000

export interface StoredResponse {
  status: number | null
  body: string | null
}

/** What an earlier request left under a key: its answer, and the hash of the request itself. */
export interface StoredClaim extends StoredResponse {
  requestHash: string | null
}

/**
 * Claims a key for a request. Returns null when this request got the claim (go ahead), or the
 * stored row when an earlier request holds it (status null: that one is still running).
 * An expired claim is dropped in the same batch, so the key works again after 24 h.
 */
export async function claimKey(
  db: D1Database,
  scope: string,
  key: string,
  requestHash: string,
  now: number,
): Promise<StoredClaim | null> {
  const [, claim] = await db.batch([
    db
      .prepare('DELETE FROM idempotency_keys WHERE scope = ?1 AND key = ?2 AND created_at < ?3')
      .bind(scope, key, now - IDEMPOTENCY_TTL_MS),
    db
      .prepare(
        `INSERT INTO idempotency_keys (scope, key, request_hash, created_at)
         VALUES (?1, ?2, ?3, ?4) ON CONFLICT DO NOTHING`,
      )
      .bind(scope, key, requestHash, now),
  ])
  if ((claim?.meta.changes ?? 0) > 0) return null
  const row = await db
    .prepare(
      'SELECT status, body, request_hash FROM idempotency_keys WHERE scope = ?1 AND key = ?2',
    )
    .bind(scope, key)
    .first<{ status: number | null; body: string | null; request_hash: string | null }>()
  return row
    ? { status: row.status, body: row.body, requestHash: row.request_hash }
    : { status: null, body: null, requestHash: requestHash }
}

/**
 * A claim written with its answer, for the end of a write batch: it lands only when the batch's
 * guarded event was written (the change happened), after dropping an expired claim of the key.
 * Two requests racing with one key both get here; the second insert breaks the unique key, so
 * its whole batch — the change included — is rolled back.
 */
export function answeredClaimStatements(
  db: D1Database,
  claim: { scope: string; key: string; requestHash: string },
  answer: { status: number; body: string },
  now: number,
  guard: OpGuard,
) {
  return [
    db
      .prepare('DELETE FROM idempotency_keys WHERE scope = ?1 AND key = ?2 AND created_at < ?3')
      .bind(claim.scope, claim.key, now - IDEMPOTENCY_TTL_MS),
    db
      .prepare(
        `INSERT INTO idempotency_keys (scope, key, request_hash, created_at, status, body)
         SELECT ?1, ?2, ?3, ?4, ?5, ?6 WHERE ${opGuardSql(guard, 7).sql}`,
      )
      .bind(
        claim.scope,
        claim.key,
        claim.requestHash,
        now,
        answer.status,
        answer.body,
        ...opGuardSql(guard, 7).params,
      ),
  ]
}

export async function storeResponse(
  db: D1Database,
  scope: string,
  key: string,
  res: StoredResponse,
) {
  await db
    .prepare('UPDATE idempotency_keys SET status = ?1, body = ?2 WHERE scope = ?3 AND key = ?4')
    .bind(res.status, res.body, scope, key)
    .run()
}

/** Frees a key whose request failed on our side, so the client's retry can run for real. */
export async function releaseKey(db: D1Database, scope: string, key: string) {
  await db
    .prepare('DELETE FROM idempotency_keys WHERE scope = ?1 AND key = ?2')
    .bind(scope, key)
    .run()
}

/** Drops expired keys (the scheduled cleanup). */
export async function purgeKeys(db: D1Database, now: number) {
  await db
    .prepare('DELETE FROM idempotency_keys WHERE created_at < ?1')
    .bind(now - IDEMPOTENCY_TTL_MS)
    .run()
}
