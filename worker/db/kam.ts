import type { KamAssessment, KamMissing, Quadrant } from '../../schema/kam'
import { appendEventIf } from './clients'
import { opGuardSql } from './op-guard'
import { iso } from './time'

interface KamRow {
  client_id: string
  attractiveness: number
  attractiveness_note: string
  relationship: number
  relationship_note: string
  quadrant: Quadrant
  assessed_by: string | null
  assessed_by_name: string | null
  assessed_at: number
}

const toKam = (r: KamRow): KamAssessment => ({
  clientId: r.client_id,
  attractiveness: r.attractiveness,
  attractivenessNote: r.attractiveness_note,
  relationship: r.relationship,
  relationshipNote: r.relationship_note,
  quadrant: r.quadrant,
  assessedBy: r.assessed_by,
  assessedByName: r.assessed_by_name,
  assessedAt: iso(r.assessed_at),
})

export async function getKam(db: D1Database, clientId: string): Promise<KamAssessment | null> {
  const row = await db
    .prepare(
      `SELECT k.*, COALESCE(u.name, 'API: ' || t.name) AS assessed_by_name FROM client_kam k
       LEFT JOIN users u ON u.id = k.assessed_by LEFT JOIN api_tokens t ON t.id = k.assessed_by
       WHERE k.client_id = ?1`,
    )
    .bind(clientId)
    .first<KamRow>()
  return row ? toKam(row) : null
}

export interface KamWrite {
  clientId: string
  /** The client's version the caller saw: the assessment is an edit of the client. */
  version: number
  attractiveness: number
  attractivenessNote: string
  relationship: number
  relationshipNote: string
  quadrant: Quadrant
  previous: Quadrant | null
  actorId: string | null
  now: number
}

/**
 * Writes the assessment as one versioned change of the client: the history event (guarded by
 * the version), the version bump, and the assessment itself only if that event landed.
 */
export async function writeKam(db: D1Database, k: KamWrite): Promise<boolean> {
  const op = crypto.randomUUID()
  const g = opGuardSql({ clientId: k.clientId, op }, 9)
  const data = {
    attractiveness: k.attractiveness,
    relationship: k.relationship,
    quadrant: k.quadrant,
    previous: k.previous,
  }
  const results = await db.batch([
    appendEventIf(
      db,
      k.clientId,
      k.version,
      { kind: 'kam_assessed', actorId: k.actorId, data, op },
      k.now,
    ),
    db
      .prepare(
        `INSERT INTO client_kam (client_id, attractiveness, attractiveness_note, relationship,
           relationship_note, quadrant, assessed_by, assessed_at)
         SELECT ?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8 WHERE ${g.sql}
         ON CONFLICT (client_id) DO UPDATE SET attractiveness = excluded.attractiveness,
           attractiveness_note = excluded.attractiveness_note, relationship = excluded.relationship,
           relationship_note = excluded.relationship_note, quadrant = excluded.quadrant,
           assessed_by = excluded.assessed_by, assessed_at = excluded.assessed_at`,
      )
      .bind(
        k.clientId,
        k.attractiveness,
        k.attractivenessNote,
        k.relationship,
        k.relationshipNote,
        k.quadrant,
        k.actorId,
        k.now,
        ...g.params,
      ),
    db
      .prepare(
        'UPDATE clients SET version = version + 1, updated_at = ?1 WHERE id = ?2 AND version = ?3',
      )
      .bind(k.now, k.clientId, k.version),
  ])
  return (results[2]?.meta.changes ?? 0) > 0
}

/** Live tier-A clients without a quadrant, with their account manager and that person's manager. */
export async function tierAWithoutKam(db: D1Database) {
  const { results } = await db
    .prepare(
      `SELECT c.id AS client_id, c.name, c.company, c.stage_id, p.member_id AS am_id,
         m.manager_id AS lead_id
       FROM clients c
       LEFT JOIN client_people p ON p.client_id = c.id AND p.role_id = 'account_manager'
       LEFT JOIN members m ON m.id = p.member_id
       WHERE c.archived = 0 AND c.tier = 'A'
         AND NOT EXISTS (SELECT 1 FROM client_kam k WHERE k.client_id = c.id)
       ORDER BY c.company, c.id`,
    )
    .all<{
      client_id: string
      name: string
      company: string
      stage_id: string
      am_id: string | null
      lead_id: string | null
    }>()
  return results.map((r): KamMissing => ({
    clientId: r.client_id,
    name: r.name,
    company: r.company,
    stageId: r.stage_id,
    accountManagerId: r.am_id,
    leadId: r.lead_id,
  }))
}
