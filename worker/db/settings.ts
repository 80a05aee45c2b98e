/** A setting as stored: a JSON document with a version for optimistic edits (0 = never saved). */
export interface StoredSetting<T> {
  value: T
  version: number
}

/** The read of one setting, as a statement a caller can batch with other reads. */
export const settingQuery = (db: D1Database, key: string) =>
  db.prepare('SELECT value, version FROM settings WHERE key = ?1').bind(key)

/** The setting in a result of `settingQuery`, or `fallback` (version 0) when never saved. */
export function settingFrom<T>(result: D1Result | undefined, fallback: T): StoredSetting<T> {
  const row = (result?.results ?? [])[0] as { value: string; version: number } | undefined
  return row
    ? { value: JSON.parse(row.value) as T, version: row.version }
    : { value: fallback, version: 0 }
}

/** Writes a setting if it still has `expected` (0: it must not exist yet); false otherwise. */
export function putSettingStatement(
  db: D1Database,
  key: string,
  value: unknown,
  expected: number,
  now: number,
) {
  return expected === 0
    ? db
        .prepare(
          'INSERT INTO settings (key, value, version, updated_at) VALUES (?1, ?2, 1, ?3) ON CONFLICT DO NOTHING',
        )
        .bind(key, JSON.stringify(value), now)
    : db
        .prepare(
          'UPDATE settings SET value = ?2, version = version + 1, updated_at = ?3 WHERE key = ?1 AND version = ?4',
        )
        .bind(key, JSON.stringify(value), now, expected)
}
