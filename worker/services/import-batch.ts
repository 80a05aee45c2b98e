import type { Client } from '../../schema/clients'
import type { Stage } from '../../schema/journey'
import type { ImportRow, RowError } from '../../schema/imports'
import { loadJourney } from '../db/journey'
import { activeMemberIdsByEmail } from '../db/members'
import {
  clientsByExternalId,
  lastKeys,
  type ClientUpdateRow,
  type EventRow,
  type NewClientRow,
  type PersonRow,
} from '../db/imports'
import { liveSources, recordStates } from '../db/import-record'
import { slaDeadlines, type Calendar } from '../../shared/clock'
import { planRecord, type ContactWrite, type ProfileWrite } from '../domain/import-record-plan'
import { checkRow, lookupKey, type CheckedRow } from '../domain/import-row'
import { keysAfter } from '../domain/ordering'
import type { Identity } from '../env'
import { AppError } from '../errors'
import { loadCalendar } from './calendar'
import { vetPeople, type PickFields } from './people'
import { prospect, type Target } from './suggestions'
import { teamSnapshot, type TeamSnapshot } from './team-snapshot'

/** The reason every imported person carries: the pick came from the file, not a suggestion. */
export const IMPORT_REASON = 'imported from a file'

const FIELDS: PickFields = { member: (roleId) => `people.${roleId}`, reason: 'people' }

/** What a batch would do: the rows left out with why, and the writes for the rest. */
export interface BatchPlan {
  errors: RowError[]
  failedLines: number
  creates: NewClientRow[]
  updates: ClientUpdateRow[]
  events: EventRow[]
  people: PersonRow[]
  record: {
    contactInserts: ContactWrite[]
    contactUpdates: ContactWrite[]
    profiles: ProfileWrite[]
  }
  unchanged: number
}

interface Context {
  stages: Map<string, Stage>
  /** The team's load, read only for a batch that names people (it reads every live client). */
  snap: TeamSnapshot | null
  calendar: Calendar
  identity: Identity | null
  existing: Map<string, Client>
  records: Awaited<ReturnType<typeof recordStates>>
}

async function context(db: D1Database, rows: ImportRow[], identity: Identity | null, now: number) {
  const namesPeople = rows.some((r) => Object.values(r.people ?? {}).some((e) => e.trim()))
  const [journey, snap, { value: calendar }, members, sources] = await Promise.all([
    loadJourney(db),
    namesPeople ? teamSnapshot(db, now) : Promise.resolve(null),
    loadCalendar(db),
    activeMemberIdsByEmail(db),
    liveSources(db),
  ])
  const stages = new Map(journey.phases.flatMap((p) => p.stages).map((s) => [s.id, s]))
  const byName = new Map<string, string>()
  for (const s of stages.values()) {
    for (const key of [s.id, s.name.ru, s.name.en]) byName.set(lookupKey(key), s.id)
  }
  const lookups = {
    stages: byName,
    members,
    roles: new Set(journey.roles.map((r) => r.id)),
    sources: new Map(
      sources.flatMap((o) => [o.id, o.name_ru, o.name_en].map((k) => [lookupKey(k), o.id])),
    ),
  }
  const externalIds = rows.map((r) => (r.externalId ?? '').trim()).filter(Boolean)
  const existing = await clientsByExternalId(db, [...new Set(externalIds)])
  const records = await recordStates(
    db,
    [...existing.values()].map((c) => c.id),
  )
  const ctx: Context = { stages, snap, calendar, identity, existing, records }
  return { ctx, lookups }
}

/** The people a row changes: roles it names with someone other than who is there now. */
function peopleChanges(row: CheckedRow, current: Client['people']) {
  return Object.fromEntries(Object.entries(row.people).filter(([r, m]) => current[r] !== m))
}

/**
 * The same gate as the API: each person eligible for the role on this client (grade for the
 * tier, plays the role, present, capacity), a lead within their team. The pick's reason is the
 * import itself. An AppError becomes the row's errors.
 */
function vet(
  snap: TeamSnapshot,
  ctx: Context,
  target: Target,
  people: Record<string, string>,
  line: number,
) {
  try {
    return {
      vetted: vetPeople(snap, target, { people, reason: IMPORT_REASON }, ctx.identity, FIELDS),
      errors: [],
    }
  } catch (e) {
    if (!(e instanceof AppError)) throw e
    const fields = e.fields ?? { people: [e.message] }
    const errors = Object.entries(fields).flatMap(([field, messages]) =>
      messages.map((message) => ({ line, field, message })),
    )
    return { vetted: null, errors }
  }
}

/** Counts the batch's own assignments in the team's load, so later rows see them. */
function remember(
  snap: TeamSnapshot,
  ctx: Context,
  target: Target,
  id: string,
  row: CheckedRow,
  version: number,
) {
  const stage = ctx.stages.get(row.stageId)
  if (!stage) return
  const live = {
    id,
    name: row.name,
    company: row.company,
    score: row.score,
    version,
    tier: row.tier,
    stageId: stage.id,
    phaseId: stage.phaseId,
    slotRoles: stage.roles,
    people: { ...target.people, ...row.people },
    parts: snap.roleParts.get(stage.phaseId) ?? new Map(),
    overdueLevel: 0,
  }
  snap.clients = [...snap.clients.filter((c) => c.id !== id), live]
}

/** The client a row's people are vetted on: as the row leaves it (tier, stage), or a new one. */
function targetFor(snap: TeamSnapshot, stage: Stage, row: CheckedRow, before: Client | undefined) {
  const live = before ? snap.clients.find((c) => c.id === before.id) : undefined
  if (!live) return prospect(snap, stage, row.tier, row.score)
  return {
    ...live,
    tier: row.tier,
    stageId: stage.id,
    phaseId: stage.phaseId,
    slotRoles: stage.roles,
    parts: snap.roleParts.get(stage.phaseId) ?? new Map(),
  }
}

/**
 * Checks a batch of rows against the board and plans its writes, without writing: the dry
 * run answers from this, the import writes it. Positions are planned after the current last
 * card of each column.
 */
export async function planBatch(
  db: D1Database,
  rows: ImportRow[],
  identity: Identity | null,
  now: number,
): Promise<BatchPlan> {
  const { ctx, lookups } = await context(db, rows, identity, now)
  const plan: BatchPlan = {
    errors: [],
    failedLines: 0,
    creates: [],
    updates: [],
    events: [],
    people: [],
    record: { contactInserts: [], contactUpdates: [], profiles: [] },
    unchanged: 0,
  }
  const seen = new Map<string, number>()
  const arrivals: { stageId: string; set: (key: string) => void }[] = []
  const deadlines = (stage: Stage) => slaDeadlines(now, stage.slaDays, ctx.calendar)
  for (const raw of rows) {
    const checked = checkRow(raw, lookups)
    const errors: RowError[] = [...checked.errors]
    const row = checked.row
    const first = row ? seen.get(row.externalId) : undefined
    if (row && first !== undefined) {
      errors.push({
        line: row.line,
        field: 'externalId',
        message: `repeats the external id of line ${first}`,
      })
    }
    const stage = row ? ctx.stages.get(row.stageId) : undefined
    if (!row || !stage || errors.length) {
      plan.errors.push(...errors)
      plan.failedLines += 1
      continue
    }
    seen.set(row.externalId, row.line)
    const before = ctx.existing.get(row.externalId)
    const changes = peopleChanges(row, before?.people ?? {})
    const snap = ctx.snap
    const target = snap && Object.keys(changes).length ? targetFor(snap, stage, row, before) : null
    const { vetted, errors: vetErrors } =
      snap && target
        ? vet(snap, ctx, target, changes, row.line)
        : { vetted: { changes: [], events: [] }, errors: [] }
    if (!vetted) {
      plan.errors.push(...vetErrors)
      plan.failedLines += 1
      continue
    }
    const id = before?.id ?? crypto.randomUUID()
    const version = before ? before.version + 1 : 1
    const record = planRecord(
      id,
      row.record,
      ctx.records.get(id) ?? { contacts: [], profile: null },
      lookupKey,
      () => crypto.randomUUID(),
    )
    const events: EventRow[] = [...vetted.events, ...record.events].map((e) => ({
      clientId: id,
      kind: e.kind,
      fromStageId: null,
      toStageId: null,
      version,
      data: e.data ?? null,
    }))
    const people = vetted.changes.flatMap((ch) =>
      ch.memberId ? [{ clientId: id, roleId: ch.roleId, memberId: ch.memberId }] : [],
    )
    if (!before) {
      const due = deadlines(stage)
      const create: NewClientRow = {
        id,
        externalId: row.externalId,
        name: row.name,
        company: row.company,
        tier: row.tier,
        score: row.score,
        stageId: stage.id,
        position: '',
        dueAt: due.dueAt,
        due2At: due.due2At,
      }
      arrivals.push({ stageId: stage.id, set: (key) => (create.position = key) })
      plan.creates.push(create)
      plan.events.push(
        {
          clientId: id,
          kind: 'created',
          fromStageId: null,
          toStageId: stage.id,
          version: 1,
          data: { source: 'import', line: row.line, externalId: row.externalId },
        },
        ...events,
      )
    } else {
      const edited: Record<string, { from: unknown; to: unknown }> = {}
      for (const key of ['name', 'company', 'tier', 'score'] as const) {
        if (before[key] !== row[key]) edited[key] = { from: before[key], to: row[key] }
      }
      const moves = before.stageId !== stage.id
      if (!moves && Object.keys(edited).length === 0 && events.length === 0) {
        plan.unchanged += 1
        continue
      }
      const update: ClientUpdateRow = { ...row, id, version: before.version, move: null }
      if (moves) {
        const due = deadlines(stage)
        const move = { position: '', dueAt: due.dueAt, due2At: due.due2At }
        arrivals.push({ stageId: stage.id, set: (key) => (move.position = key) })
        update.move = move
        events.unshift({
          clientId: id,
          kind: 'moved',
          fromStageId: before.stageId,
          toStageId: stage.id,
          version,
          data: { source: 'import', line: row.line },
        })
      }
      if (Object.keys(edited).length) {
        events.unshift({
          clientId: id,
          kind: 'edited',
          fromStageId: null,
          toStageId: null,
          version,
          data: edited,
        })
      }
      plan.updates.push(update)
      plan.events.push(...events)
    }
    plan.people.push(...people)
    if (record.contactInsert) plan.record.contactInserts.push(record.contactInsert)
    if (record.contactUpdate) plan.record.contactUpdates.push(record.contactUpdate)
    if (record.profile) plan.record.profiles.push(record.profile)
    if (snap && target) remember(snap, ctx, target, id, row, version)
  }
  const last = await lastKeys(db, [...new Set(arrivals.map((a) => a.stageId))])
  const byStage = new Map<string, typeof arrivals>()
  for (const a of arrivals) byStage.set(a.stageId, [...(byStage.get(a.stageId) ?? []), a])
  for (const [stageId, list] of byStage) {
    keysAfter(last.get(stageId) ?? null, list.length).forEach((key, i) => list[i]?.set(key))
  }
  return plan
}
