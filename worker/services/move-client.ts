import type { Client, ClientMove } from '../../schema/clients'
import {
  clientFrom,
  clientQuery,
  clientQueryUnless,
  columnKeys,
  getClient,
  moveStatements,
  rekeyColumn,
} from '../db/clients'
import { answeredClaimStatements, IDEMPOTENCY_TTL_MS, type StoredClaim } from '../db/idempotency'
import { keyFrom, keyQuery, readForMove, type KeyRow } from '../db/move-reads'
import { enqueueStatement } from '../db/webhooks'
import { planMove, type MoveRefusal } from '../domain/move-plan'
import { freshKeys } from '../domain/ordering'
import type { KeyedRequest } from '../middleware/idempotency'
import { AppError, notFound, staleVersion } from '../errors'
import { entryAfter } from './enter-stage'

export const versionConflict = (current: Client) => staleVersion('Client', current.id, current)

/** Gives the column fresh keys in its current order (the moving card left out). */
async function rekey(db: D1Database, stageId: string, excludeId: string) {
  const rows = await columnKeys(db, stageId, excludeId)
  await rekeyColumn(db, rows, freshKeys(rows.length))
}

function refusal(why: MoveRefusal, clientId: string, m: ClientMove): AppError {
  switch (why.kind) {
    case 'client_not_found':
      return notFound('Client', clientId)
    case 'stage_not_found':
      return notFound('Stage', m.stageId)
    case 'version_conflict':
      return versionConflict(why.current)
    case 'archived':
      return new AppError(409, 'archived', `Client ${clientId} is archived`)
    case 'bad_anchor': {
      const message = `${why.anchorId} is not another card of stage ${m.stageId}`
      return new AppError(422, 'invalid', message, {}, { [why.field]: [message] })
    }
    case 'rekey':
      return new AppError(500, 'rekey', 'Column keys still equal after re-keying')
  }
}

const replayOf = (s: KeyRow, keyed: KeyedRequest): MoveAnswer => ({
  kind: 'replay',
  stored: { status: s.status, body: s.body, requestHash: s.request_hash },
  requestHash: keyed.requestHash,
})

async function storedKey(db: D1Database, keyed: KeyedRequest): Promise<KeyRow | null> {
  return keyQuery(db, keyed).first<KeyRow>()
}

/** The key's first answer, unless it has expired (an expired key is claimed afresh). */
async function liveKey(db: D1Database, keyed: KeyedRequest, now: number) {
  const stored = await storedKey(db, keyed)
  return stored && stored.created_at >= now - IDEMPOTENCY_TTL_MS ? stored : null
}

/** What a move answers: the card, or the first answer to the same idempotent request. */
export type MoveAnswer =
  { kind: 'moved'; client: Client } | { kind: 'replay'; stored: StoredClaim; requestHash: string }

/**
 * Who moves the card. The route may read the caller's session in the move's read batch
 * (`session`); `admit` gets its result before anything is planned or written, refuses the caller
 * by throwing, and names who acts and under which idempotency key.
 */
export interface MoveCaller {
  session: D1PreparedStatement | null
  admit(session: D1Result | undefined): Promise<{
    actorId: string | null
    keyed: KeyedRequest | null
  }>
}

/**
 * Moves a card to a stage and a place in its column in two D1 round trips, the caller's session
 * included: one read batch (session, card, stage, neighbour keys, calendar, automations, who to
 * tell if the card arrives unstaffed), a pure plan, one write batch (event, row, entry effects,
 * webhook, the idempotency claim with its answer, the card read back if the move lost a race or
 * added tasks). Exactly one of several moves carrying the same version wins; the others get
 * `version_conflict` with the card as it is now. A retry of a move that landed is refused by the
 * plan (the card moved on) or loses the write's race, and only then reads its key for the first
 * answer. The one rare extra trip: a column whose keys need re-spacing.
 */
export async function moveCard(
  db: D1Database,
  clientId: string,
  m: ClientMove,
  now: number,
  caller: MoveCaller,
): Promise<MoveAnswer> {
  const reads = await readForMove(db, clientId, m, caller.session)
  const { actorId, keyed } = await caller.admit(reads.session)
  let plan = planMove(m, reads, now)
  if (plan.kind === 'refused' && plan.why.kind === 'rekey') {
    // Two equal neighbour keys, left by a past race: re-space the column and read again.
    await rekey(db, m.stageId, clientId)
    plan = planMove(m, await readForMove(db, clientId, m, null), now)
  }
  if (plan.kind === 'refused') {
    const stored = keyed ? await liveKey(db, keyed, now) : null
    if (stored && keyed) return replayOf(stored, keyed)
    throw refusal(plan.why, clientId, m)
  }
  const { client, stage } = reads
  if (!client || !stage) throw notFound('Client', clientId)

  const op = crypto.randomUUID()
  const guard = { clientId, op }
  const payload = {
    clientId,
    company: client.company,
    from: client.stageId,
    to: m.stageId,
    acting: plan.result.acting,
    text: `${client.company}: ${client.stageId} → ${stage.name.ru}`,
  }
  const after = plan.changesStage
    ? [
        ...entryAfter(db, client, stage, now, op, reads),
        enqueueStatement(db, 'client.moved', `moved:${op}`, payload, now, guard),
      ]
    : []
  const claim = keyed
    ? answeredClaimStatements(
        db,
        keyed,
        { status: 200, body: JSON.stringify(plan.result) },
        now,
        guard,
      )
    : []
  const statements = moveStatements(db, {
    id: clientId,
    version: m.version,
    fromStageId: client.stageId,
    toStageId: m.stageId,
    position: plan.position,
    wipLimit: plan.wipLimit,
    actorId,
    now,
    op,
    dueAt: plan.dueAt,
    due2At: plan.due2At,
    after: [...after, ...claim],
  })
  // A landed move answers with its plan, unless the entry adds tasks (the card counts them):
  // then the card is read back; otherwise it is read only when the move lost a race.
  const addsTasks = plan.changesStage && reads.automations.some((a) => a.kind === 'task')
  const readBack = addsTasks ? clientQuery(db, clientId) : clientQueryUnless(db, clientId, guard)
  let results: D1Result[]
  try {
    results = await db.batch([...statements, readBack, ...(keyed ? [keyQuery(db, keyed)] : [])])
  } catch (error) {
    // Another request with the same key claimed it between our read and write: its batch won,
    // this one (the move with it) wrote nothing.
    const stored = keyed && String(error).includes('UNIQUE') ? await storedKey(db, keyed) : null
    if (stored && keyed) return replayOf(stored, keyed)
    throw error
  }
  const moved = (results[1]?.meta.changes ?? 0) > 0
  const current = clientFrom(results[statements.length]) ?? (moved ? plan.result : null)
  if (!current) throw notFound('Client', clientId)
  // A retry that lost the race to its own first request: answer with what that one did.
  const stored = keyed && !moved ? keyFrom(results[statements.length + 1]) : null
  if (stored && keyed) return replayOf(stored, keyed)
  if (!moved) {
    if (current.version !== m.version) throw versionConflict(current)
    throw new AppError(
      409,
      'wip_limit',
      `Stage ${stage.name.en} is at its WIP limit of ${stage.wipLimit}; send "force": true to move anyway`,
      { current, wipLimit: stage.wipLimit },
    )
  }
  if (plan.rekeyAfter) {
    await rekey(db, m.stageId, '')
    return { kind: 'moved', client: (await getClient(db, clientId)) ?? current }
  }
  return { kind: 'moved', client: current }
}
