import { purgeChanges } from '../db/changes'
import { purgeKeys } from '../db/idempotency'
import type { Env } from '../env'
import { purgeFiles } from './purge-files'

/** The live board's feed keeps this long: a board away longer reloads instead of catching up. */
const CHANGES_KEPT_MS = 3 * 24 * 60 * 60_000

/**
 * Daily housekeeping: idempotency keys past their 24 hours, the change feed past its days, and
 * the files of cards archived past their retention.
 */
export async function cleanup(env: Env, now: number) {
  await purgeKeys(env.DB, now)
  await purgeChanges(env.DB, now - CHANGES_KEPT_MS)
  const files = await purgeFiles(env, now)
  return `expired idempotency keys and live-board changes removed; ${files}`
}
