import type { NpsAnswer, NpsCreate } from '../../schema/record'
import { landed } from './record-change'
import { iso } from './time'

interface NpsRow {
  id: string
  client_id: string
  contact_id: string
  score: number
  comment: string
  answered_on: string
  created_at: number
}

export async function listNps(db: D1Database, clientId: string): Promise<NpsAnswer[]> {
  const { results } = await db
    .prepare(
      'SELECT * FROM nps_answers WHERE client_id = ? ORDER BY answered_on DESC, created_at DESC',
    )
    .bind(clientId)
    .all<NpsRow>()
  return results.map((r) => ({
    id: r.id,
    clientId: r.client_id,
    contactId: r.contact_id,
    score: r.score,
    comment: r.comment,
    answeredOn: r.answered_on,
    createdAt: iso(r.created_at),
  }))
}

export function insertNpsStatement(
  db: D1Database,
  n: NpsCreate & { id: string; clientId: string },
  createdBy: string | null,
  now: number,
  op: string,
) {
  const g = landed(n.clientId, op)
  return db
    .prepare(
      `INSERT INTO nps_answers (id, client_id, contact_id, score, comment, answered_on, created_by, created_at)
       SELECT ?, ?, ?, ?, ?, ?, ?, ? WHERE ${g.sql}`,
    )
    .bind(
      n.id,
      n.clientId,
      n.contactId,
      n.score,
      n.comment,
      n.answeredOn,
      createdBy,
      now,
      ...g.params,
    )
}
