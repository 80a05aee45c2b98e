import type { TrackCreate, TrackPatch, TrackStepInput } from '../../schema/onboarding-tracks'

export interface TrackRow {
  id: string
  role_id: string
  title_ru: string
  title_en: string
  position: number
  retired: number
  version: number
}

/** One track's stored row (retired ones too), or null. */
export async function getTrackRow(db: D1Database, id: string) {
  return db
    .prepare(
      'SELECT id, role_id, title_ru, title_en, position, retired, version FROM onboarding_tracks WHERE id = ?1',
    )
    .bind(id)
    .first<TrackRow>()
}

/** The ids of a track's current steps. */
export async function stepIds(db: D1Database, trackId: string): Promise<string[]> {
  const { results } = await db
    .prepare('SELECT id FROM onboarding_items WHERE track_id = ?1')
    .bind(trackId)
    .all<{ id: string }>()
  return results.map((r) => r.id)
}

/** Article ids among `ids` that do not exist or are archived. */
export async function missingArticles(db: D1Database, ids: string[]): Promise<string[]> {
  if (ids.length === 0) return []
  const { results } = await db
    .prepare(
      `SELECT j.value AS id FROM json_each(?1) j
       WHERE NOT EXISTS (SELECT 1 FROM articles a WHERE a.id = j.value AND a.archived = 0)`,
    )
    .bind(JSON.stringify(ids))
    .all<{ id: string }>()
  return results.map((r) => r.id)
}

/** The step statements of one write: each runs only if the track's version is this write's. */
function stepStatements(
  db: D1Database,
  trackId: string,
  op: string,
  steps: (TrackStepInput & { id: string })[],
  keep: Set<string>,
  now: number,
) {
  const mine = 'EXISTS (SELECT 1 FROM onboarding_tracks WHERE id = ?1 AND op = ?2)'
  const kept = JSON.stringify([...keep])
  return [
    // Marks on removed steps go with them; a kept step keeps its members' marks.
    db
      .prepare(
        `DELETE FROM onboarding_progress WHERE ${mine} AND item_id IN
           (SELECT id FROM onboarding_items WHERE track_id = ?1 AND id NOT IN (SELECT value FROM json_each(?3)))`,
      )
      .bind(trackId, op, kept),
    db
      .prepare(
        `DELETE FROM onboarding_items WHERE ${mine} AND track_id = ?1
           AND id NOT IN (SELECT value FROM json_each(?3))`,
      )
      .bind(trackId, op, kept),
    ...steps.map((s, i) =>
      db
        .prepare(
          `INSERT INTO onboarding_items
             (id, track_id, position, kind, article_id, title_ru, title_en, due_days, created_at)
           SELECT ?3, ?1, ?4, ?5, ?6, ?7, ?8, ?9, ?10 WHERE ${mine}
           ON CONFLICT (id) DO UPDATE SET position = excluded.position, kind = excluded.kind,
             article_id = excluded.article_id, title_ru = excluded.title_ru,
             title_en = excluded.title_en, due_days = excluded.due_days
           WHERE onboarding_items.track_id = ?1`,
        )
        .bind(
          trackId,
          op,
          s.id,
          i + 1,
          s.kind,
          s.kind === 'article' ? s.articleId : null,
          s.kind === 'checklist' ? s.title.ru : '',
          s.kind === 'checklist' ? s.title.en : '',
          s.dueDays,
          now,
        ),
    ),
  ]
}

/** Steps with ids: new ones get fresh ids. */
export const withIds = (steps: TrackStepInput[]) =>
  steps.map((s) => ({ ...s, id: s.id ?? crypto.randomUUID() }))

/** Creates a track with its steps in one batch. */
export async function insertTrack(db: D1Database, id: string, input: TrackCreate, now: number) {
  const op = crypto.randomUUID()
  const position =
    input.position ??
    (
      await db
        .prepare('SELECT coalesce(max(position), 0) + 1 AS next FROM onboarding_tracks')
        .first<{ next: number }>()
    )?.next ??
    1
  await db.batch([
    db
      .prepare(
        `INSERT INTO onboarding_tracks (id, role_id, title_ru, title_en, position, op, created_at, updated_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?7)`,
      )
      .bind(id, input.roleId, input.title.ru, input.title.en, position, op, now),
    ...stepStatements(db, id, op, withIds(input.steps), new Set(), now),
  ])
}

/**
 * Applies a patch on the version the editor saw; with `steps`, the track's steps become exactly
 * those, in that order, in the same batch. False when the version was stale.
 */
export async function updateTrack(
  db: D1Database,
  track: TrackRow,
  patch: Omit<TrackPatch, 'version'>,
  version: number,
  now: number,
): Promise<boolean> {
  const op = crypto.randomUUID()
  const steps = patch.steps ? withIds(patch.steps) : null
  const [result] = await db.batch([
    db
      .prepare(
        `UPDATE onboarding_tracks SET role_id = ?3, title_ru = ?4, title_en = ?5, position = ?6,
           retired = ?7, op = ?8, version = version + 1, updated_at = ?9
         WHERE id = ?1 AND version = ?2`,
      )
      .bind(
        track.id,
        version,
        patch.roleId ?? track.role_id,
        patch.title?.ru ?? track.title_ru,
        patch.title?.en ?? track.title_en,
        patch.position ?? track.position,
        patch.retired === undefined ? track.retired : patch.retired ? 1 : 0,
        op,
        now,
      ),
    ...(steps ? stepStatements(db, track.id, op, steps, new Set(steps.map((s) => s.id)), now) : []),
  ])
  return (result?.meta.changes ?? 0) > 0
}
