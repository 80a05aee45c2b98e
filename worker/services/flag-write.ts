import type { Flag, FlagCreate, FlagPatch } from '../../schema/flags'
import { slaDeadlines } from '../../shared/clock'
import { FLAG_DEFAULTS } from '../../shared/flags'
import { getFlag, insertFlag, listFlags, updateFlag } from '../db/flags'
import { unknownMembers } from '../db/members'
import { AppError, notFound, staleVersion } from '../errors'
import { loadCalendar } from './calendar'
import { requireClient } from './known-client'

/** Refuses an owner who is not a member, naming the field. */
async function checkOwner(db: D1Database, ownerId: string | null | undefined) {
  if (ownerId && (await unknownMembers(db, [ownerId])).length > 0) {
    const message = `No member ${JSON.stringify(ownerId)}`
    throw new AppError(422, 'invalid', message, {}, { ownerId: [message] })
  }
}

/**
 * Raises a flag on a live card: the owner defaults to the client's person for the kind's role,
 * the SLA to the kind's, counted in working time. One open flag per kind: a second is a 409
 * carrying the open one.
 */
export async function raiseFlag(
  db: D1Database,
  clientId: string,
  input: FlagCreate,
  actorId: string | null,
  now: number,
): Promise<Flag> {
  const client = await requireClient(db, clientId)
  if (client.archived) throw new AppError(409, 'archived', `Client ${clientId} is archived`)
  await checkOwner(db, input.ownerId)
  const defaults = FLAG_DEFAULTS[input.kind]
  const slaDays = input.slaDays ?? defaults.slaDays
  const { value: calendar } = await loadCalendar(db)
  const { dueAt, due2At } = slaDeadlines(now, slaDays, calendar)
  const id = crypto.randomUUID()
  const raised = await insertFlag(db, {
    id,
    clientId,
    kind: input.kind,
    note: input.note,
    ownerId: input.ownerId === undefined ? (client.people[defaults.roleId] ?? null) : input.ownerId,
    slaDays,
    dueAt,
    due2At,
    actorId,
    now,
  })
  if (!raised) {
    const open = (await listFlags(db, clientId)).find(
      (f) => f.kind === input.kind && f.resolvedAt === null,
    )
    throw new AppError(
      409,
      'flag_open',
      `Client ${clientId} already has an open ${input.kind} flag`,
      { current: open ?? null },
      { kind: ['Already raised on this card'] },
    )
  }
  const flag = await getFlag(db, id)
  if (!flag) throw notFound('Flag', id)
  return flag
}

/** Edits an open flag (note, owner) or resolves it, on the version the writer saw. */
export async function editFlag(
  db: D1Database,
  id: string,
  { version, ...patch }: FlagPatch,
  actorId: string | null,
  now: number,
): Promise<Flag> {
  const flag = await getFlag(db, id)
  if (!flag) throw notFound('Flag', id)
  if (flag.resolvedAt !== null) {
    throw new AppError(409, 'resolved', `Flag ${id} is resolved`, { current: flag })
  }
  if (flag.version !== version) throw staleVersion('Flag', id, flag)
  await checkOwner(db, patch.ownerId)
  const written = await updateFlag(db, {
    flag,
    note: patch.note ?? flag.note,
    ownerId: patch.ownerId === undefined ? flag.ownerId : patch.ownerId,
    resolution: patch.resolution ?? null,
    actorId,
    now,
  })
  const current = await getFlag(db, id)
  if (!current) throw notFound('Flag', id)
  if (!written) throw staleVersion('Flag', id, current)
  return current
}
