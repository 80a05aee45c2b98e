import type { SocketState } from '../domain/live'

// Apart from board-room.ts so routes can use these without importing `cloudflare:workers`
// (the OpenAPI document is also built in Node for `npm run lint:api`).

/** The header the Worker passes the authenticated caller in (the object is not reachable else). */
export const LIVE_USER_HEADER = 'x-live-user'

/** Who opened a socket, as the Worker authenticated them. */
export interface LiveCaller extends Omit<SocketState, 'dragging'> {
  sessionId: string | null
}

/**
 * The caller as a header value. Names are mostly Cyrillic, and header values are bytes meant to
 * be ASCII (workerd warns and passes raw UTF-8 as a quirk): percent-encoded, they are plain ASCII.
 */
export const callerHeader = (caller: LiveCaller) => encodeURIComponent(JSON.stringify(caller))

/** The caller back from the header; null when there is none. */
export const callerFrom = (header: string | null): LiveCaller | null =>
  header === null ? null : (JSON.parse(decodeURIComponent(header)) as LiveCaller)

/** The tag of the sockets a session opened (`disconnect` closes them on sign-out). */
export const sessionTag = (sessionId: string) => `session:${sessionId}`
