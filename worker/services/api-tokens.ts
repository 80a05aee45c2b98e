import type { TokenCreate } from '../../schema/auth'
import { newSecret, sha256Hex } from '../auth/crypto'
import { getToken, insertToken } from '../db/api-tokens'
import { notFound } from '../errors'

/** Creates a token for `createdBy`; only its hash is stored, the secret is returned once. */
export async function createToken(db: D1Database, { name, scope }: TokenCreate, createdBy: string) {
  const token = newSecret('jb_')
  const id = crypto.randomUUID()
  const tokenHash = await sha256Hex(token)
  await insertToken(db, { id, name, scope, tokenHash, createdBy, now: Date.now() })
  const stored = await getToken(db, id)
  if (!stored) throw notFound('Token', id)
  return { ...stored, token }
}
