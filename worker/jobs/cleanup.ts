import { purgeKeys } from '../db/idempotency'
import type { Env } from '../env'

/** Daily housekeeping: idempotency keys past their 24 hours. */
export async function cleanup(env: Env, now: number) {
  await purgeKeys(env.DB, now)
  return 'expired idempotency keys removed'
}
