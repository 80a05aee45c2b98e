import type { Absence, AbsenceCreate } from '../../schema/team'

export interface AbsenceRow {
  id: string
  member_id: string
  from_date: string
  to_date: string
  reason: string
}

export const toAbsence = (r: AbsenceRow): Absence => ({
  id: r.id,
  memberId: r.member_id,
  from: r.from_date,
  to: r.to_date,
  reason: r.reason,
})

/** A member's absences, the latest first. */
export async function listAbsences(db: D1Database, memberId: string): Promise<Absence[]> {
  const { results } = await db
    .prepare('SELECT * FROM member_absences WHERE member_id = ?1 ORDER BY from_date DESC, id')
    .bind(memberId)
    .all<AbsenceRow>()
  return results.map(toAbsence)
}

export async function getAbsence(db: D1Database, id: string): Promise<Absence | null> {
  const row = await db
    .prepare('SELECT * FROM member_absences WHERE id = ?1')
    .bind(id)
    .first<AbsenceRow>()
  return row ? toAbsence(row) : null
}

export async function insertAbsence(
  db: D1Database,
  id: string,
  memberId: string,
  a: AbsenceCreate,
  actorId: string | null,
  now: number,
) {
  await db
    .prepare(
      `INSERT INTO member_absences (id, member_id, from_date, to_date, reason, created_by, created_at)
       VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)`,
    )
    .bind(id, memberId, a.from, a.to, a.reason, actorId, now)
    .run()
}

export async function deleteAbsence(db: D1Database, id: string): Promise<boolean> {
  const res = await db.prepare('DELETE FROM member_absences WHERE id = ?1').bind(id).run()
  return res.meta.changes > 0
}
