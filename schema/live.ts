import { z } from '@hono/zod-openapi'
import { Client } from './clients'
import { Id, IsoTime } from './common'

/** What a change is about; each kind has a read rule (worker/domain/live.ts). */
export const ChangeEntity = z.enum(['client', 'task', 'member', 'stage', 'phase'])
export type ChangeEntity = z.infer<typeof ChangeEntity>

/** A committed change as the feed records it; `id` is the cursor. */
export const BoardChange = z
  .object({
    id: z.number().int().min(1),
    entity: ChangeEntity,
    entityId: Id,
    /** The card the change belongs to (a client's own change, or one of its tasks). */
    clientId: Id.nullable(),
    kind: z.string(),
    version: z.number().int().nullable(),
    at: IsoTime,
  })
  .openapi('BoardChange')
export type BoardChange = z.infer<typeof BoardChange>

/** Cursor 0 means "from now": the answer carries the current cursor and nothing else. */
export const ChangesQuery = z.object({
  since: z.coerce.number().int().min(0).openapi({ example: 1200 }),
})

/**
 * The changes after a cursor, coalesced (the latest per thing), and the cards they touched as
 * they are now. `reset`: too far behind (or the feed has forgotten that far) — reload the board.
 */
export const ChangesPage = z
  .object({
    from: z.number().int().min(0),
    cursor: z.number().int().min(0),
    reset: z.boolean(),
    changes: z.array(BoardChange),
    clients: z.array(Client),
  })
  .openapi('ChangesPage')
export type ChangesPage = z.infer<typeof ChangesPage>

/** Someone with the board open, and the card they are dragging, if any. */
export const PresentUser = z.object({
  id: Id,
  name: z.string(),
  dragging: Id.nullable(),
})
export type PresentUser = z.infer<typeof PresentUser>

/**
 * What the board's socket sends: on opening, the object's cursor (a board behind it catches up
 * over REST); then changes (a ChangesPage) and who is there.
 */
export type LiveMessage =
  | { type: 'hello'; cursor: number }
  | ({ type: 'changes' } & ChangesPage)
  | { type: 'presence'; users: PresentUser[] }

/** What a browser may send on the socket: the card it picked up (null: put down). */
export const LiveRequest = z.discriminatedUnion('type', [
  z.object({ type: z.literal('drag'), clientId: Id.nullable() }).strict(),
])
export type LiveRequest = z.infer<typeof LiveRequest>
