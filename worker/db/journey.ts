import type {
  Journey,
  Phase,
  PhasePatch,
  Role,
  Stage,
  StageCreate,
  StagePatch,
} from '../../schema/journey'

interface RoleRow {
  id: string
  name_ru: string
  name_en: string
  position: number
}
interface PhaseRow extends RoleRow {
  version: number
}
interface StageRow {
  id: string
  phase_id: string
  position: number
  name_ru: string
  name_en: string
  owner_role_id: string
  communicator_role_id: string
  support_role_id: string
  sla_days: number
  overdue_policy: 'flag' | 'return'
  wip_limit: number | null
  description_ru: string
  description_en: string
  archived: number
  version: number
}

const toRole = (r: RoleRow): Role => ({
  id: r.id,
  name: { ru: r.name_ru, en: r.name_en },
  position: r.position,
})

const toStage = (r: StageRow, automationCount = 0): Stage => ({
  id: r.id,
  phaseId: r.phase_id,
  name: { ru: r.name_ru, en: r.name_en },
  position: r.position,
  slaDays: r.sla_days,
  overduePolicy: r.overdue_policy,
  wipLimit: r.wip_limit,
  description: { ru: r.description_ru, en: r.description_en },
  roles: {
    owner: r.owner_role_id,
    communicator: r.communicator_role_id,
    support: r.support_role_id,
  },
  archived: r.archived === 1,
  version: r.version,
  automationCount,
})

/** The whole template in three reads sent as one batch, ordered by position. */
export async function loadJourney(db: D1Database, includeArchived = false): Promise<Journey> {
  const [roles, phases, stages, automations] = await db.batch<
    RoleRow | PhaseRow | StageRow | { stage_id: string; n: number }
  >([
    db.prepare('SELECT * FROM roles ORDER BY position'),
    db.prepare('SELECT * FROM phases ORDER BY position, id'),
    db.prepare(
      `SELECT * FROM stages ${includeArchived ? '' : 'WHERE archived = 0'} ORDER BY position, id`,
    ),
    db.prepare(
      'SELECT stage_id, COUNT(*) AS n FROM stage_automations WHERE active = 1 GROUP BY stage_id',
    ),
  ])
  const counts = new Map(
    ((automations?.results ?? []) as { stage_id: string; n: number }[]).map((r) => [
      r.stage_id,
      r.n,
    ]),
  )
  const byPhase = new Map<string, Stage[]>()
  for (const row of (stages?.results ?? []) as StageRow[]) {
    const stage = toStage(row, counts.get(row.id))
    byPhase.set(stage.phaseId, [...(byPhase.get(stage.phaseId) ?? []), stage])
  }
  return {
    roles: ((roles?.results ?? []) as RoleRow[]).map(toRole),
    phases: ((phases?.results ?? []) as PhaseRow[]).map((p): Phase => ({
      ...toRole(p),
      version: p.version,
      stages: byPhase.get(p.id) ?? [],
    })),
  }
}

/** One stage by id, as a statement a caller can batch with other reads. */
export const stageQuery = (db: D1Database, id: string) =>
  db
    .prepare(
      `SELECT s.*, (SELECT COUNT(*) FROM stage_automations a WHERE a.stage_id = s.id AND a.active = 1)
         AS automation_count FROM stages s WHERE s.id = ?1`,
    )
    .bind(id)

/** The stage in a batch result of `stageQuery`, if any. */
export const stageFrom = (result: D1Result | undefined): Stage | null => {
  const row = (result?.results ?? [])[0] as (StageRow & { automation_count: number }) | undefined
  return row ? toStage(row, row.automation_count) : null
}

export async function getStage(db: D1Database, id: string): Promise<Stage | null> {
  return stageFrom(await stageQuery(db, id).all())
}

export async function getPhase(db: D1Database, id: string) {
  return db.prepare('SELECT * FROM phases WHERE id = ?1').bind(id).first<PhaseRow>()
}

export async function roleExists(db: D1Database, ids: string[]): Promise<string[]> {
  if (ids.length === 0) return []
  const { results } = await db
    .prepare(`SELECT id FROM roles WHERE id IN (${ids.map((_, i) => `?${i + 1}`).join(',')})`)
    .bind(...ids)
    .all<{ id: string }>()
  const known = new Set(results.map((r) => r.id))
  return ids.filter((id) => !known.has(id))
}

/** Sibling ids of a phase's live stages, in order. */
async function stageOrder(db: D1Database, phaseId: string): Promise<string[]> {
  const { results } = await db
    .prepare('SELECT id FROM stages WHERE phase_id = ?1 AND archived = 0 ORDER BY position, id')
    .bind(phaseId)
    .all<{ id: string }>()
  return results.map((r) => r.id)
}

/**
 * Statements that renumber a list 1..n with `id` at index `at` (clamped). With a guard, each
 * statement runs only while row `guard.id` still has `guard.version`: placed before the
 * versioned update in the same batch, all of them see the same version, so a stale edit changes
 * nothing at all.
 */
function renumber(
  db: D1Database,
  table: 'stages' | 'phases',
  ids: string[],
  id: string,
  at: number,
  guard?: { id: string; version: number },
) {
  const rest = ids.filter((x) => x !== id)
  rest.splice(Math.min(at, rest.length), 0, id)
  const condition = guard
    ? ` AND EXISTS (SELECT 1 FROM ${table} WHERE id = ?3 AND version = ?4)`
    : ''
  return rest.map((x, i) => {
    const stmt = db.prepare(`UPDATE ${table} SET position = ?1 WHERE id = ?2${condition}`)
    return guard ? stmt.bind(i + 1, x, guard.id, guard.version) : stmt.bind(i + 1, x)
  })
}

export async function insertStage(db: D1Database, id: string, input: StageCreate): Promise<void> {
  const order = await stageOrder(db, input.phaseId)
  await db.batch([
    db
      .prepare(
        `INSERT INTO stages (id, phase_id, position, name_ru, name_en, owner_role_id,
          communicator_role_id, support_role_id, sla_days, overdue_policy, wip_limit,
          description_ru, description_en)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13)`,
      )
      .bind(
        id,
        input.phaseId,
        order.length + 1,
        input.name.ru,
        input.name.en,
        input.roles.owner,
        input.roles.communicator,
        input.roles.support,
        input.slaDays,
        input.overduePolicy,
        input.wipLimit,
        input.description.ru,
        input.description.en,
      ),
    ...renumber(db, 'stages', [...order, id], id, (input.position ?? order.length + 1) - 1),
  ])
}

/**
 * Applies a patch only if the stage still has the version the editor saw and, when it archives
 * the stage, only if no live card sits there: both checked in the UPDATE itself, so a card moved
 * in meanwhile cannot be stranded on an archived stage. False when either did not hold.
 * Reordering renumbers the phase's stages in the same batch.
 */
export async function updateStage(
  db: D1Database,
  stage: Stage,
  patch: StagePatch,
): Promise<boolean> {
  const roles = { ...stage.roles, ...patch.roles }
  const name = patch.name ?? stage.name
  const description = patch.description ?? stage.description
  const update = db
    .prepare(
      `UPDATE stages SET name_ru = ?1, name_en = ?2, owner_role_id = ?3, communicator_role_id = ?4,
        support_role_id = ?5, sla_days = ?6, overdue_policy = ?7, wip_limit = ?8,
        description_ru = ?9, description_en = ?10, archived = ?11, version = version + 1
       WHERE id = ?12 AND version = ?13
         AND (?11 = 0 OR NOT EXISTS (SELECT 1 FROM clients WHERE stage_id = ?12 AND archived = 0))`,
    )
    .bind(
      name.ru,
      name.en,
      roles.owner,
      roles.communicator,
      roles.support,
      patch.slaDays ?? stage.slaDays,
      patch.overduePolicy ?? stage.overduePolicy,
      patch.wipLimit === undefined ? stage.wipLimit : patch.wipLimit,
      description.ru,
      description.en,
      (patch.archived ?? stage.archived) ? 1 : 0,
      stage.id,
      patch.version,
    )
  const reorder =
    patch.position === undefined || patch.archived
      ? []
      : renumber(db, 'stages', await stageOrder(db, stage.phaseId), stage.id, patch.position - 1, {
          id: stage.id,
          version: patch.version,
        })
  const results = await db.batch([...reorder, update])
  return (results.at(-1)?.meta.changes ?? 0) > 0
}

export async function updatePhase(
  db: D1Database,
  phase: PhaseRow,
  patch: PhasePatch,
): Promise<boolean> {
  const { results: all } = await db
    .prepare('SELECT id FROM phases ORDER BY position, id')
    .all<{ id: string }>()
  const name = patch.name ?? { ru: phase.name_ru, en: phase.name_en }
  const results = await db.batch([
    ...(patch.position === undefined
      ? []
      : renumber(
          db,
          'phases',
          all.map((r) => r.id),
          phase.id,
          patch.position - 1,
          { id: phase.id, version: patch.version },
        )),
    db
      .prepare(
        'UPDATE phases SET name_ru = ?1, name_en = ?2, version = version + 1 WHERE id = ?3 AND version = ?4',
      )
      .bind(name.ru, name.en, phase.id, patch.version),
  ])
  return (results.at(-1)?.meta.changes ?? 0) > 0
}
