import type { Mentorship } from '../../schema/onboarding-tracks'
import { localDate } from '../../shared/clock'
import { iso } from './time'

interface MentorRow {
  member_id: string
  mentor_id: string
  started_at: number
  version: number
}

/** Every newcomer's mentor (or one newcomer's), the start day read in `timeZone`. */
export async function listMentors(
  db: D1Database,
  timeZone: string,
  memberId?: string,
): Promise<Mentorship[]> {
  const { results } = await db
    .prepare(
      'SELECT * FROM onboarding_mentors WHERE ?1 IS NULL OR member_id = ?1 ORDER BY started_at, member_id',
    )
    .bind(memberId ?? null)
    .all<MentorRow>()
  return results.map((r) => ({
    memberId: r.member_id,
    mentorId: r.mentor_id,
    startedAt: iso(r.started_at),
    startedOn: localDate(r.started_at, timeZone),
    version: r.version,
  }))
}

/** A newcomer's mentor with the mentor's name, for their own onboarding page. */
export async function mentorOf(db: D1Database, memberId: string) {
  return db
    .prepare(
      `SELECT o.mentor_id AS id, m.name, o.started_at FROM onboarding_mentors o
       JOIN members m ON m.id = o.mentor_id WHERE o.member_id = ?1`,
    )
    .bind(memberId)
    .first<{ id: string; name: string; started_at: number }>()
}

/**
 * Sets a newcomer's mentor on the version the editor saw (0: none yet). False when stale: a
 * first set that finds a row, or an edit whose version moved on.
 */
export async function putMentor(
  db: D1Database,
  m: { memberId: string; mentorId: string; startedAt: number; version: number },
  now: number,
): Promise<boolean> {
  const result =
    m.version === 0
      ? await db
          .prepare(
            `INSERT INTO onboarding_mentors (member_id, mentor_id, started_at, updated_at)
             VALUES (?1, ?2, ?3, ?4) ON CONFLICT (member_id) DO NOTHING`,
          )
          .bind(m.memberId, m.mentorId, m.startedAt, now)
          .run()
      : await db
          .prepare(
            `UPDATE onboarding_mentors SET mentor_id = ?2, started_at = ?3, updated_at = ?4,
               version = version + 1 WHERE member_id = ?1 AND version = ?5`,
          )
          .bind(m.memberId, m.mentorId, m.startedAt, now, m.version)
          .run()
  return result.meta.changes > 0
}

/** Ends a newcomer's mentorship (their onboarding is over); false if they had none. */
export async function deleteMentor(db: D1Database, memberId: string): Promise<boolean> {
  const result = await db
    .prepare('DELETE FROM onboarding_mentors WHERE member_id = ?1')
    .bind(memberId)
    .run()
  return result.meta.changes > 0
}

export interface OverdueStepRow {
  member_id: string
  member_name: string
  mentor_id: string
  started_at: number
  due_days: number
  item_id: string
  title_ru: string
  title_en: string
}

/**
 * Dated steps of live tracks (for the newcomer's roles) that a mentored newcomer has not marked;
 * whether each is past its date is the caller's working-time arithmetic.
 */
export async function openDatedSteps(db: D1Database): Promise<OverdueStepRow[]> {
  const { results } = await db
    .prepare(
      `SELECT o.member_id, m.name AS member_name, o.mentor_id, o.started_at, i.due_days,
         i.id AS item_id,
         CASE WHEN i.kind = 'article' THEN coalesce(a.title, '') ELSE i.title_ru END AS title_ru,
         CASE WHEN i.kind = 'article' THEN coalesce(a.title, '') ELSE i.title_en END AS title_en
       FROM onboarding_mentors o
       JOIN members m ON m.id = o.member_id AND m.active = 1
       JOIN member_roles mr ON mr.member_id = o.member_id
       JOIN onboarding_tracks t ON t.role_id = mr.role_id AND t.retired = 0
       JOIN onboarding_items i ON i.track_id = t.id AND i.due_days IS NOT NULL
       LEFT JOIN articles a ON a.id = i.article_id
       WHERE NOT EXISTS (SELECT 1 FROM onboarding_progress p
                         WHERE p.member_id = o.member_id AND p.item_id = i.id)
       ORDER BY o.member_id, t.position, i.position`,
    )
    .all<OverdueStepRow>()
  return results
}
