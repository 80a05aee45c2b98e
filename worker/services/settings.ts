import { putSettingStatement, type StoredSetting } from '../db/settings'
import { AppError } from '../errors'

/**
 * Saves a settings document if it still has `version` (0: never saved). Otherwise a 409 that
 * carries the stored document under `field`, so the editor can show what the other person saved.
 */
export async function saveSetting<T>(
  db: D1Database,
  setting: { key: string; field: string; what: string; load: () => Promise<StoredSetting<T>> },
  value: T,
  version: number,
  now: number,
): Promise<void> {
  const [result] = await db.batch([putSettingStatement(db, setting.key, value, version, now)])
  if ((result?.meta.changes ?? 0) > 0) return
  const current = await setting.load()
  throw new AppError(409, 'version_conflict', `${setting.what} changed by someone else`, {
    current: { [setting.field]: current.value, version: current.version },
  })
}
