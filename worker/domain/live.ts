import type { BoardChange, ChangeEntity, ChangesPage, PresentUser } from '../../schema/live'
import { can, type AccessRole, type Action } from '../../schema/access'

/**
 * Who may receive a change: the action that reads the thing it is about. A socket or a catch-up
 * gets only the changes its role could read through the API, so nobody learns of a change they
 * could not read.
 */
export const CHANGE_READ: Record<ChangeEntity, Action> = {
  client: 'clients.read',
  task: 'tasks.read',
  member: 'members.read',
  stage: 'journey.read',
  phase: 'journey.read',
}

/** The part of a page a role may see: its changes, and the cards only with `clients.read`. */
export function visiblePage(role: AccessRole, page: ChangesPage): ChangesPage {
  return {
    ...page,
    changes: page.changes.filter((change) => can(role, CHANGE_READ[change.entity])),
    clients: can(role, CHANGE_READ.client) ? page.clients : [],
  }
}

/**
 * The latest change per thing, in feed order: a card moved five times in a burst is one entry
 * (its newest), so a slow reader catches up on state, not on a replay.
 */
export function coalesce(changes: readonly BoardChange[]): BoardChange[] {
  const latest = new Map<string, BoardChange>()
  for (const change of changes) {
    const key = `${change.entity}:${change.entityId}`
    const seen = latest.get(key)
    if (!seen || change.id > seen.id) latest.set(key, change)
  }
  return [...latest.values()].sort((a, b) => a.id - b.id)
}

/** How much of the feed is still there: its first kept id and its last id (null: empty). */
export interface FeedBounds {
  oldest: number | null
  newest: number | null
}

/**
 * Whether a reader at cursor `since` must reload instead of catching up: the feed forgot
 * changes it missed, the cursor is from another database (ahead of the feed), or it missed more
 * than a page (`rowsAfter` counts at most one more than `limit`).
 */
export function mustReset(since: number, bounds: FeedBounds, rowsAfter: number, limit: number) {
  if (since === 0) return false
  const newest = bounds.newest ?? 0
  if (since > newest) return true
  if (bounds.oldest !== null && since < bounds.oldest - 1) return true
  return rowsAfter > limit
}

/** Per-socket state that survives hibernation (serializeAttachment). */
export interface SocketState {
  id: string
  name: string
  role: AccessRole
  dragging: string | null
}

/**
 * Who is on the board: one entry per person however many tabs they have open, with the card
 * one of them is dragging. Sorted by name, so every socket draws the same row.
 */
export function presence(sockets: readonly SocketState[]): PresentUser[] {
  const users = new Map<string, PresentUser>()
  for (const s of sockets) {
    const seen = users.get(s.id)
    users.set(s.id, { id: s.id, name: s.name, dragging: s.dragging ?? seen?.dragging ?? null })
  }
  return [...users.values()].sort((a, b) => a.name.localeCompare(b.name) || (a.id < b.id ? -1 : 1))
}
