import type { BoardChange, ChangesPage, LiveMessage } from '../../../schema/live'
import { SIGNED_OUT } from '../../../schema/live-codes'
import { getChanges } from '../api/live'
import type { BoardStore } from './board-store'
import type { DragStore } from './drag-store'
import { applyRemote, movedBy } from './live-apply'
import { locate } from './board-state'
import type { PresenceStore } from './presence-store'
import { slide } from './slide'

/** connecting: first attempt; live: the socket is open; paused: lost, reconnecting. */
export type LiveStatus = 'connecting' | 'live' | 'paused'

const PING_MS = 25_000
const PONG_WAIT_MS = 10_000
const BACKOFF_MS = [500, 1000, 2000, 5000, 10_000, 20_000]

interface Options {
  store: BoardStore
  drag: DragStore
  presence: PresenceStore
  /** The feed cursor taken before the board's data was loaded. */
  cursor: number
  /** Too far behind, or the journey / team changed: load the board afresh. */
  reload: () => void
}

/**
 * Keeps an open board current: a socket to the board's object, reconnecting with backoff, and
 * a catch-up from the cursor over REST whenever the object says it is ahead of us. Other people's changes land
 * in the store — after the drag in progress, if any — and the cards they moved slide there.
 */
export class LiveBoard {
  private socket: WebSocket | null = null
  private cursor: number
  private attempt = 0
  private stopped = false
  private retryTimer: ReturnType<typeof setTimeout> | undefined
  private pingTimer: ReturnType<typeof setInterval> | undefined
  private pongTimer: ReturnType<typeof setTimeout> | undefined
  /** Messages and catch-ups run one at a time, in arrival order. */
  private queue: Promise<void> = Promise.resolve()
  private held: ChangesPage['clients'] = []
  private statusNow: LiveStatus = 'connecting'
  private readonly statusWatchers = new Set<(s: LiveStatus) => void>()
  private readonly changeWatchers = new Set<(changes: readonly BoardChange[]) => void>()
  private readonly cleanups: (() => void)[] = []

  constructor(private readonly o: Options) {
    this.cursor = o.cursor
  }

  get status(): LiveStatus {
    return this.statusNow
  }

  start(): void {
    const offline = () => this.socket?.close()
    const online = () => this.reconnectNow()
    addEventListener('offline', offline)
    addEventListener('online', online)
    this.cleanups.push(
      () => removeEventListener('offline', offline),
      () => removeEventListener('online', online),
      this.o.drag.watchActive((activeId) => {
        this.send({ type: 'drag', clientId: activeId })
        // After the drop's move has taken its snapshot: a change to the dropped card that came
        // during the drag must meet that move as a conflict, not be silently overwritten.
        if (activeId === null) setTimeout(() => this.release(), 0)
      }),
    )
    this.connect()
  }

  stop(): void {
    this.stopped = true
    for (const cleanup of this.cleanups.splice(0)) cleanup()
    clearTimeout(this.retryTimer)
    this.stopHeartbeat()
    this.socket?.close(1000, 'left the board')
    this.socket = null
  }

  /** Status changes: the banner and the presence row follow them. */
  watchStatus(watcher: (s: LiveStatus) => void): () => void {
    this.statusWatchers.add(watcher)
    return () => this.statusWatchers.delete(watcher)
  }

  /** Every applied batch of changes (an open drawer refreshes its history and tasks). */
  watchChanges(watcher: (changes: readonly BoardChange[]) => void): () => void {
    this.changeWatchers.add(watcher)
    return () => this.changeWatchers.delete(watcher)
  }

  private connect(): void {
    if (this.stopped) return
    const scheme = location.protocol === 'https:' ? 'wss' : 'ws'
    const socket = new WebSocket(`${scheme}://${location.host}/api/live`)
    this.socket = socket
    socket.onopen = () => {
      this.attempt = 0
      this.setStatus('live')
      this.startHeartbeat(socket)
      const dragging = this.o.drag.current.activeId
      if (dragging) this.send({ type: 'drag', clientId: dragging })
    }
    socket.onmessage = (event: MessageEvent) => {
      if (event.data === 'pong') {
        clearTimeout(this.pongTimer)
        return
      }
      const message = JSON.parse(String(event.data)) as LiveMessage
      if (message.type === 'presence') this.o.presence.set(message.users)
      // The object is past our cursor (a gap since the board loaded or the socket dropped).
      else if (message.type === 'hello') this.enqueue(() => this.catchUpTo(message.cursor))
      else this.enqueue(() => this.receive(message))
    }
    socket.onclose = (event: CloseEvent) => {
      if (this.socket !== socket) return
      // Signed out or revoked: any REST call now answers 401, and the app asks to sign in.
      if (event.code === SIGNED_OUT) void getChanges(this.cursor).catch(() => undefined)
      this.socket = null
      this.stopHeartbeat()
      this.o.presence.set([])
      this.setStatus('paused')
      this.retryTimer = setTimeout(() => this.connect(), this.backoff())
    }
  }

  private reconnectNow(): void {
    clearTimeout(this.retryTimer)
    this.attempt = 0
    if (!this.socket) this.connect()
  }

  private backoff(): number {
    const base = BACKOFF_MS[Math.min(this.attempt, BACKOFF_MS.length - 1)] ?? 20_000
    this.attempt += 1
    return base / 2 + Math.random() * (base / 2)
  }

  /** A socket can die silently (sleep, a proxy): no pong in time and it is replaced. */
  private startHeartbeat(socket: WebSocket): void {
    this.stopHeartbeat()
    this.pingTimer = setInterval(() => {
      socket.send('ping')
      this.pongTimer = setTimeout(() => socket.close(), PONG_WAIT_MS)
    }, PING_MS)
  }

  private stopHeartbeat(): void {
    clearInterval(this.pingTimer)
    clearTimeout(this.pongTimer)
  }

  private send(message: { type: 'drag'; clientId: string | null }): void {
    if (this.socket?.readyState === WebSocket.OPEN) this.socket.send(JSON.stringify(message))
  }

  private setStatus(status: LiveStatus): void {
    if (this.statusNow === status) return
    this.statusNow = status
    for (const watcher of this.statusWatchers) watcher(status)
  }

  private enqueue(work: () => Promise<void>): void {
    this.queue = this.queue.then(work).catch(() => {
      // A failed catch-up leaves the cursor where it was: the next connection tries again.
    })
  }

  private async receive(page: ChangesPage): Promise<void> {
    if (page.reset) return this.o.reload()
    if (page.cursor <= this.cursor) return
    // The socket's page starts after what we have: fetch the gap (and everything up to now).
    if (page.from > this.cursor) return this.catchUp()
    this.apply(page)
  }

  private async catchUpTo(cursor: number): Promise<void> {
    if (cursor > this.cursor) await this.catchUp()
  }

  private async catchUp(): Promise<void> {
    const page = await getChanges(this.cursor)
    if (page.reset) return this.o.reload()
    this.apply(page)
  }

  private apply(page: ChangesPage): void {
    this.cursor = Math.max(this.cursor, page.cursor)
    if (page.changes.some((c) => c.entity !== 'client' && c.entity !== 'task')) {
      return this.o.reload()
    }
    this.held.push(...page.clients)
    this.release()
    if (page.changes.length > 0) for (const watcher of this.changeWatchers) watcher(page.changes)
  }

  /** Lands held cards, unless a drag is in progress: the board must not shift under it. */
  private release(): void {
    if (this.o.drag.current.activeId !== null || this.held.length === 0) return
    const clients = this.held
    this.held = []
    const { store } = this.o
    // A card the board has not loaded (its column is paged, or it is filtered out) changes the
    // counts without being here to count: the board asks the server for them.
    const unknown = clients.some((c) => !locate(store.snapshot, c.id))
    slide(movedBy(store.snapshot, clients), () =>
      store.update((columns) => applyRemote(columns, clients)),
    )
    if (unknown) store.recount()
  }
}
