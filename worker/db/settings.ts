/** A setting as stored: a JSON document with a version for optimistic edits (0 = never saved). */
export interface StoredSetting<T> {
  value: T
  version: number
}

export async function getSetting<T>(
  db: D1Database,
  key: string,
  fallback: T,
): Promise<StoredSetting<T>> {
  const row = await db
    .prepare('SELECT value, version FROM settings WHERE key = ?1')
    .bind(key)
    .first<{ value: string; version: number }>()
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
