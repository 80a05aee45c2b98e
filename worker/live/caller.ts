import type { SocketState } from '../domain/live'

// Apart from board-room.ts so routes can use these without importing `cloudflare:workers`
// (the OpenAPI document is also built in Node for `npm run lint:api`).

/** The header the Worker passes the authenticated caller in (the object is not reachable else). */
export const LIVE_USER_HEADER = 'x-live-user'

/** Who opened a socket, as the Worker authenticated them. */
export interface LiveCaller extends Omit<SocketState, 'dragging'> {
  sessionId: string | null
}

/** The tag of the sockets a session opened (`disconnect` closes them on sign-out). */
export const sessionTag = (sessionId: string) => `session:${sessionId}`
