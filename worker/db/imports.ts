import type { Client } from '../../schema/clients'
import type { ImportCreate, ImportJob, RowError } from '../../schema/imports'
import type { ContactWrite, ProfileWrite } from '../domain/import-record-plan'
import { getClientsByIds, searchText } from './clients'
import { recordWriteStatements } from './import-record'
import { iso } from './time'

interface JobRow {
  id: string
  file_name: string
  file_hash: string
  total_rows: number
  batch_size: number
  mapping: string
  status: 'running' | 'done'
  batches_done: number
  rows_done: number
  created: number
  updated: number
  unchanged: number
  failed: number
  errors: string
  created_at: number
  updated_at: number
}

const toJob = (r: JobRow): ImportJob => ({
  id: r.id,
  fileName: r.file_name,
  fileHash: r.file_hash,
  totalRows: r.total_rows,
  batchSize: r.batch_size,
  mapping: JSON.parse(r.mapping) as Record<string, string>,
  status: r.status,
  batchesDone: r.batches_done,
  rowsDone: r.rows_done,
  created: r.created,
  updated: r.updated,
  unchanged: r.unchanged,
  failed: r.failed,
  errors: JSON.parse(r.errors) as RowError[],
  createdAt: iso(r.created_at),
  updatedAt: iso(r.updated_at),
})

export async function insertJob(
  db: D1Database,
  id: string,
  j: ImportCreate,
  actorId: string | null,
  now: number,
) {
  await db
    .prepare(
      `INSERT INTO import_jobs (id, file_name, file_hash, total_rows, batch_size, mapping,
         created_by, created_at, updated_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?8)`,
    )
    .bind(
      id,
      j.fileName,
      j.fileHash,
      j.totalRows,
      j.batchSize,
      JSON.stringify(j.mapping),
      actorId,
      now,
    )
    .run()
}

export async function getJob(db: D1Database, id: string): Promise<ImportJob | null> {
  const row = await db.prepare('SELECT * FROM import_jobs WHERE id = ?1').bind(id).first<JobRow>()
  return row ? toJob(row) : null
}

/** The unfinished import of the same file, to resume instead of starting over. */
export async function runningJobFor(db: D1Database, fileHash: string) {
  const row = await db
    .prepare(
      `SELECT * FROM import_jobs WHERE file_hash = ?1 AND status = 'running'
       ORDER BY created_at DESC LIMIT 1`,
    )
    .bind(fileHash)
    .first<JobRow>()
  return row ? toJob(row) : null
}

/** Clients already imported under these external ids (archived ones too), by external id. */
export async function clientsByExternalId(
  db: D1Database,
  externalIds: readonly string[],
): Promise<Map<string, Client>> {
  if (externalIds.length === 0) return new Map()
  const { results } = await db
    .prepare(
      'SELECT id, external_id FROM clients WHERE external_id IN (SELECT value FROM json_each(?1))',
    )
    .bind(JSON.stringify(externalIds))
    .all<{ id: string; external_id: string }>()
  const clients = new Map(
    (
      await getClientsByIds(
        db,
        results.map((r) => r.id),
      )
    ).map((c) => [c.id, c]),
  )
  return new Map(
    results.flatMap((r) => {
      const c = clients.get(r.id)
      return c ? [[r.external_id, c] as const] : []
    }),
  )
}

/** The last position key of each stage's column. */
export async function lastKeys(db: D1Database, stageIds: readonly string[]) {
  const { results } = await db
    .prepare(
      `SELECT stage_id, MAX(position) AS position FROM clients
       WHERE stage_id IN (SELECT value FROM json_each(?1)) GROUP BY stage_id`,
    )
    .bind(JSON.stringify(stageIds))
    .all<{ stage_id: string; position: string }>()
  return new Map(results.map((r) => [r.stage_id, r.position]))
}

export interface NewClientRow {
  id: string
  externalId: string
  name: string
  company: string
  tier: string
  score: number | null
  stageId: string
  position: string
  dueAt: number | null
  due2At: number | null
}

export interface ClientUpdateRow {
  id: string
  /** The version the update was planned on: the batch rolls back if the client moved past it. */
  version: number
  name: string
  company: string
  tier: string
  score: number | null
  stageId: string
  /** Set when the stage changes: the new column position and deadlines. */
  move: { position: string; dueAt: number | null; due2At: number | null } | null
}

export interface EventRow {
  clientId: string
  kind: string
  fromStageId: string | null
  toStageId: string | null
  version: number
  data: Record<string, unknown> | null
}

export interface PersonRow {
  clientId: string
  roleId: string
  memberId: string
}

export interface BatchWrite {
  jobId: string
  batchNo: number
  creates: NewClientRow[]
  updates: ClientUpdateRow[]
  events: EventRow[]
  people: PersonRow[]
  /** Contacts, source and money the rows bring to the clients' records. */
  record: {
    contactInserts: ContactWrite[]
    contactUpdates: ContactWrite[]
    profiles: ProfileWrite[]
  }
  counts: { rows: number; created: number; updated: number; unchanged: number; failed: number }
  errors: RowError[]
  actorId: string | null
  reason: string
  now: number
}

/** Errors kept on the job for its report; the counts stay exact past this. */
const KEPT_ERRORS = 2000

/**
 * One import batch as one D1 batch, all or nothing. Its first statement records the batch: a
 * batch applied before, or out of turn, or one whose clients changed since it was planned,
 * fails there and the rest never runs. Then the rows, set-based (one JSON parameter per
 * statement, never a statement per row), and the job's progress.
 */
export async function writeBatch(db: D1Database, w: BatchWrite) {
  const json = (v: unknown) => JSON.stringify(v)
  await db.batch([
    db
      .prepare(
        `INSERT INTO import_batches (job_id, batch_no, stale, at) SELECT ?1, ?2,
           (SELECT COUNT(*) FROM json_each(?3) j
            WHERE NOT EXISTS (SELECT 1 FROM clients c WHERE c.id = j.value ->> '$.id'
              AND c.version = j.value ->> '$.version'))
           + (SELECT COUNT(*) FROM import_jobs WHERE id = ?1 AND batches_done <> ?2), ?4`,
      )
      .bind(
        w.jobId,
        w.batchNo,
        json(w.updates.map((u) => ({ id: u.id, version: u.version }))),
        w.now,
      ),
    db
      .prepare(
        `INSERT INTO clients (id, external_id, name, company, search, tier, score, stage_id,
           position, entered_stage_at, version, created_at, updated_at, due_at, due2_at)
         SELECT j.value ->> '$.id', j.value ->> '$.externalId', j.value ->> '$.name',
           j.value ->> '$.company', j.value ->> '$.search', j.value ->> '$.tier',
           j.value ->> '$.score', j.value ->> '$.stageId', j.value ->> '$.position', ?2, 1, ?2, ?2,
           j.value ->> '$.dueAt', j.value ->> '$.due2At'
         FROM json_each(?1) j`,
      )
      .bind(json(w.creates.map((c) => ({ ...c, search: searchText(c.name, c.company) }))), w.now),
    db
      .prepare(
        `UPDATE clients SET name = u.value ->> '$.name', company = u.value ->> '$.company',
           search = u.value ->> '$.search', tier = u.value ->> '$.tier',
           score = u.value ->> '$.score', version = version + 1, updated_at = ?2,
           stage_id = u.value ->> '$.stageId',
           position = coalesce(u.value ->> '$.move.position', position),
           entered_stage_at = iif(u.value ->> '$.move' IS NULL, entered_stage_at, ?2),
           due_at = iif(u.value ->> '$.move' IS NULL, due_at, u.value ->> '$.move.dueAt'),
           due2_at = iif(u.value ->> '$.move' IS NULL, due2_at, u.value ->> '$.move.due2At'),
           overdue_level = iif(u.value ->> '$.move' IS NULL, overdue_level, 0)
         FROM json_each(?1) u WHERE clients.id = u.value ->> '$.id'`,
      )
      .bind(json(w.updates.map((u) => ({ ...u, search: searchText(u.name, u.company) }))), w.now),
    db
      .prepare(
        `INSERT INTO client_events (client_id, kind, actor_id, from_stage_id, to_stage_id, version, data, at)
         SELECT e.value ->> '$.clientId', e.value ->> '$.kind', ?2, e.value ->> '$.fromStageId',
           e.value ->> '$.toStageId', e.value ->> '$.version', e.value ->> '$.data', ?3
         FROM json_each(?1) e`,
      )
      .bind(
        json(w.events.map((e) => ({ ...e, data: e.data ? json(e.data) : null }))),
        w.actorId,
        w.now,
      ),
    db
      .prepare(
        `INSERT INTO client_people (client_id, role_id, member_id, assigned_at, assigned_by, reason)
         SELECT p.value ->> '$.clientId', p.value ->> '$.roleId', p.value ->> '$.memberId', ?2, ?3, ?4
         FROM json_each(?1) p WHERE true
         ON CONFLICT (client_id, role_id) DO UPDATE SET member_id = excluded.member_id,
           assigned_at = excluded.assigned_at, assigned_by = excluded.assigned_by,
           reason = excluded.reason`,
      )
      .bind(json(w.people), w.now, w.actorId, w.reason),
    // "Never without an assignee": open tasks that waited for a role go to its new person.
    db
      .prepare(
        `UPDATE tasks SET assignee_member_id = p.value ->> '$.memberId', version = version + 1,
           updated_at = ?2
         FROM json_each(?1) p
         WHERE tasks.client_id = p.value ->> '$.clientId' AND tasks.assignee_role_id = p.value ->> '$.roleId'
           AND tasks.assignee_member_id IS NULL AND tasks.done = 0`,
      )
      .bind(json(w.people), w.now),
    ...recordWriteStatements(db, w.record, w.now),
    db
      .prepare(
        `UPDATE import_jobs SET batches_done = batches_done + 1, rows_done = rows_done + ?2,
           created = created + ?3, updated = updated + ?4, unchanged = unchanged + ?5,
           failed = failed + ?6, updated_at = ?8,
           errors = (SELECT json_group_array(json(value)) FROM (
             SELECT value FROM json_each(errors) UNION ALL SELECT value FROM json_each(?7)
             LIMIT ${KEPT_ERRORS})),
           status = iif(rows_done + ?2 >= total_rows, 'done', 'running')
         WHERE id = ?1`,
      )
      .bind(
        w.jobId,
        w.counts.rows,
        w.counts.created,
        w.counts.updated,
        w.counts.unchanged,
        w.counts.failed,
        json(w.errors),
        w.now,
      ),
  ])
}

/** Whether a batch of a job has been applied. */
export async function batchApplied(db: D1Database, jobId: string, batchNo: number) {
  const row = await db
    .prepare('SELECT 1 AS yes FROM import_batches WHERE job_id = ?1 AND batch_no = ?2')
    .bind(jobId, batchNo)
    .first()
  return row !== null
}
