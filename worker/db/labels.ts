import type { Label, LabelColor } from '../../schema/labels'
import { opGuardSql, type OpGuard } from './op-guard'
import { iso } from './time'

interface LabelRow {
  id: string
  name: string
  color: LabelColor
  version: number
  created_at: number
  updated_at: number
}

const toLabel = (r: LabelRow): Label => ({
  id: r.id,
  name: r.name,
  color: r.color,
  version: r.version,
  createdAt: iso(r.created_at),
  updatedAt: iso(r.updated_at),
})

/** The organisation's labels, by name. */
export async function listLabels(db: D1Database): Promise<Label[]> {
  const { results } = await db
    .prepare('SELECT * FROM labels ORDER BY name COLLATE NOCASE, id')
    .all<LabelRow>()
  return results.map(toLabel)
}

export async function getLabel(db: D1Database, id: string): Promise<Label | null> {
  const row = await db.prepare('SELECT * FROM labels WHERE id = ?1').bind(id).first<LabelRow>()
  return row ? toLabel(row) : null
}

/** Whether another label already has this name (case aside). */
export async function labelNameTaken(db: D1Database, name: string, exceptId = '') {
  const row = await db
    .prepare('SELECT 1 AS taken FROM labels WHERE name = ?1 COLLATE NOCASE AND id != ?2')
    .bind(name, exceptId)
    .first<{ taken: number }>()
  return row !== null
}

export async function insertLabel(
  db: D1Database,
  l: { id: string; name: string; color: LabelColor },
  now: number,
) {
  await db
    .prepare(
      'INSERT INTO labels (id, name, color, version, created_at, updated_at) VALUES (?1, ?2, ?3, 1, ?4, ?4)',
    )
    .bind(l.id, l.name, l.color, now)
    .run()
}

/** Renames or recolours a label if it is still at `version`; false when it was not. */
export async function updateLabel(
  db: D1Database,
  id: string,
  version: number,
  l: { name: string; color: LabelColor },
  now: number,
) {
  const result = await db
    .prepare(
      `UPDATE labels SET name = ?1, color = ?2, version = version + 1, updated_at = ?3
       WHERE id = ?4 AND version = ?5`,
    )
    .bind(l.name, l.color, now, id, version)
    .run()
  return result.meta.changes > 0
}

/** Removes a label from the list and from every card that carried it, in one batch. */
export async function deleteLabel(db: D1Database, id: string, version: number) {
  const [, removed] = await db.batch([
    db
      .prepare(
        'DELETE FROM client_labels WHERE label_id = ?1 AND EXISTS (SELECT 1 FROM labels WHERE id = ?1 AND version = ?2)',
      )
      .bind(id, version),
    db.prepare('DELETE FROM labels WHERE id = ?1 AND version = ?2').bind(id, version),
  ])
  return (removed?.meta.changes ?? 0) > 0
}

/**
 * Replaces a card's labels, only if the guarded change (its history event) was written; label
 * ids that are gone meanwhile are skipped.
 */
export function cardLabelStatements(
  db: D1Database,
  clientId: string,
  labelIds: readonly string[],
  guard: OpGuard,
): D1PreparedStatement[] {
  const g = opGuardSql(guard, 2)
  return [
    db
      .prepare(`DELETE FROM client_labels WHERE client_id = ?1 AND ${g.sql}`)
      .bind(clientId, ...g.params),
    db
      .prepare(
        `INSERT INTO client_labels (client_id, label_id)
         SELECT ?1, id FROM labels WHERE id IN (SELECT value FROM json_each(?4)) AND ${g.sql}`,
      )
      .bind(clientId, ...g.params, JSON.stringify(labelIds)),
  ]
}
