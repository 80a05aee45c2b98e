import { DurableObject } from 'cloudflare:workers'
import { LiveRequest, type LiveMessage } from '../../schema/live'
import { SIGNED_OUT } from '../../schema/live-codes'
import { latestCursor } from '../db/changes'
import { ACCESS_ROLES, can, type AccessRole } from '../../schema/access'
import { presence, visiblePage, type SocketState } from '../domain/live'
import type { Env } from '../env'
import { callerFrom, LIVE_USER_HEADER, sessionTag } from './caller'
import { readChanges } from '../services/board-feed'

const CURSOR_KEY = 'cursor'

/** Presence changes within this window go out as one message (500 tabs opening at once). */
const PRESENCE_COALESCE_MS = 50

/**
 * One board's open sockets, held through the WebSocket Hibernation API: between changes the
 * object is evicted and its sockets stay open, so an idle board costs nothing. D1 is the truth;
 * the object keeps only its feed cursor, and per socket who it is and what they drag.
 */
export class BoardRoom extends DurableObject<Env> {
  /** Another change arrived while the feed was being read: read again before resting. */
  private pending = false
  private draining: Promise<void> | null = null
  private presenceTimer: ReturnType<typeof setTimeout> | undefined
  /** The presence last sent to everyone: an unchanged one is not sent again. */
  private presenceSent = ''

  constructor(ctx: DurableObjectState, env: Env) {
    super(ctx, env)
    // Keep-alive pings are answered without waking the object.
    ctx.setWebSocketAutoResponse(new WebSocketRequestResponsePair('ping', 'pong'))
  }

  /** A socket the Worker has authenticated (the caller is in LIVE_USER_HEADER). */
  override async fetch(request: Request): Promise<Response> {
    const caller = callerFrom(request.headers.get(LIVE_USER_HEADER))
    if (!caller) return new Response('No caller', { status: 400 })
    // The first socket in a while starts the cursor at now: each board catches up on its own.
    let cursor = await this.ctx.storage.get<number>(CURSOR_KEY)
    if (cursor === undefined || this.ctx.getWebSockets().length === 0) {
      cursor = await latestCursor(this.env.DB)
      await this.ctx.storage.put(CURSOR_KEY, cursor)
    }
    const { 0: client, 1: server } = new WebSocketPair()
    // Tagged by user (presence, one person in many tabs) and by role (the fan-out's filter).
    // (and by session, so signing out closes that session's sockets).
    const { sessionId, ...state } = caller
    const tags = [caller.id, roleTag(caller.role)]
    this.ctx.acceptWebSocket(server, sessionId ? [...tags, sessionTag(sessionId)] : tags)
    server.serializeAttachment({ ...state, dragging: null } satisfies SocketState)
    sendQuietly(server, serialize({ type: 'hello', cursor }))
    // The last presence sent, at once; the burst's broadcast adds this arrival to everyone.
    sendQuietly(server, this.presenceSent || this.presenceJson())
    this.schedulePresence()
    return new Response(null, { status: 101, webSocket: client })
  }

  /**
   * RPC from the Worker after a write committed (or a job ran). Changes arriving while the feed
   * is being read make one more read, not one each: bursts coalesce.
   */
  changed(): Promise<void> {
    this.pending = true
    this.draining ??= this.drain().finally(() => {
      this.draining = null
    })
    return this.draining
  }

  /**
   * RPC after a sign-out or a revocation: the sockets opened with that session, user or token
   * (a tag) close, so nobody keeps receiving the board on credentials that have ended.
   */
  disconnect(tag: string): void {
    for (const ws of this.ctx.getWebSockets(tag)) closeQuietly(ws, SIGNED_OUT)
    this.schedulePresence()
  }

  override async webSocketMessage(ws: WebSocket, message: string | ArrayBuffer): Promise<void> {
    const parsed = LiveRequest.safeParse(parseJson(message))
    const state = ws.deserializeAttachment() as SocketState
    if (!parsed.success || !can(state.role, 'clients.write')) return
    if (state.dragging === parsed.data.clientId) return
    ws.serializeAttachment({ ...state, dragging: parsed.data.clientId } satisfies SocketState)
    this.schedulePresence()
  }

  override async webSocketClose(ws: WebSocket, code: number): Promise<void> {
    closeQuietly(ws, code)
    this.schedulePresence()
  }

  override async webSocketError(ws: WebSocket): Promise<void> {
    closeQuietly(ws, 1011)
    this.schedulePresence()
  }

  private async drain(): Promise<void> {
    while (this.pending) {
      this.pending = false
      await this.deliver()
    }
  }

  /** Reads the feed after the cursor and sends each socket what its role may read. */
  private async deliver(): Promise<void> {
    if (this.ctx.getWebSockets().length === 0) return
    const since = (await this.ctx.storage.get<number>(CURSOR_KEY)) ?? 0
    const page = await readChanges(this.env.DB, since)
    if (page.cursor === since && !page.reset) return
    await this.ctx.storage.put(CURSOR_KEY, page.cursor)
    for (const role of ACCESS_ROLES) {
      const sockets = this.ctx.getWebSockets(roleTag(role))
      if (sockets.length === 0) continue
      const json = serialize({ type: 'changes', ...visiblePage(role, page) })
      for (const ws of sockets) sendQuietly(ws, json)
    }
  }

  private openSockets(): WebSocket[] {
    return this.ctx.getWebSockets().filter((ws) => ws.readyState === WebSocket.OPEN)
  }

  private presenceJson(): string {
    const states = this.openSockets().map((ws) => ws.deserializeAttachment() as SocketState)
    return serialize({ type: 'presence', users: presence(states) })
  }

  /** Who is here now, to everyone, once per burst of arrivals, departures and drags. */
  private schedulePresence(): void {
    if (this.presenceTimer !== undefined) return
    this.presenceTimer = setTimeout(() => {
      this.presenceTimer = undefined
      const json = this.presenceJson()
      if (json === this.presenceSent) return
      this.presenceSent = json
      for (const ws of this.openSockets()) sendQuietly(ws, json)
    }, PRESENCE_COALESCE_MS)
  }
}

const serialize = (message: LiveMessage) => JSON.stringify(message)
const roleTag = (role: AccessRole) => `role:${role}`

function parseJson(message: string | ArrayBuffer): unknown {
  try {
    return JSON.parse(typeof message === 'string' ? message : new TextDecoder().decode(message))
  } catch {
    return null
  }
}

/**
 * A send never waits for the reader: the runtime buffers per socket, so a slow socket delays
 * nobody else. One that is gone is left for its close event.
 */
function sendQuietly(ws: WebSocket, text: string) {
  try {
    ws.send(text)
  } catch {
    // Closed or closing: webSocketClose tidies up.
  }
}

function closeQuietly(ws: WebSocket, code: number) {
  try {
    ws.close(
      code === 1005 || code === 1006 ? 1000 : code,
      code === SIGNED_OUT ? 'signed out' : 'bye',
    )
  } catch {
    // Already closed (the runtime may have answered the close itself).
  }
}
