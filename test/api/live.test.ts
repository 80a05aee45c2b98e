import { evictDurableObject } from 'cloudflare:test'
import { env } from 'cloudflare:workers'
import { afterEach, describe, expect, it } from 'vitest'
import type { LiveMessage } from '../../schema/live'
import { boardRoom } from '../../worker/services/publish'
import { SWEEP, runCron } from '../jobs/run-cron'
import { api, createClient } from './helpers'
import {
  cardAt,
  cookieOf,
  cursorNow,
  isChanges,
  openSocket,
  upgrade,
  type TestSocket,
} from './live-helpers'

const open: TestSocket[] = []
afterEach(() => {
  for (const s of open.splice(0)) s.ws.close(1000, 'done')
})

async function socketAs(role: 'admin' | 'lead' | 'member' | 'viewer') {
  const socket = await openSocket({ cookie: await cookieOf(role) })
  open.push(socket)
  return socket
}

describe('opening the live board', () => {
  it('answers 401 to an upgrade without a session', async () => {
    const res = await upgrade({})
    expect(res.status).toBe(401)
    expect(res.webSocket).toBeNull()
  })

  it('answers 403 to an upgrade carrying our cookie from another site', async () => {
    const res = await upgrade({ cookie: await cookieOf('member'), origin: 'https://evil.example' })
    expect(res.status).toBe(403)
    expect(((await res.json()) as { error: { code: string } }).error.code).toBe('cross_site')
  })

  it('greets a socket with the object’s cursor, so a board behind it knows to catch up', async () => {
    const socket = await socketAs('viewer')
    const hello = await socket.next(
      (m): m is Extract<LiveMessage, { type: 'hello' }> => m.type === 'hello',
    )
    expect(hello.cursor).toBe(await cursorNow())
  })

  it('answers 426 to a plain GET', async () => {
    const res = await api('/live', { as: 'member' })
    expect(res.status).toBe(426)
  })

  it('opens for an API token without any origin', async () => {
    const created = await api('/tokens', { method: 'POST', json: { name: 'wall', scope: 'read' } })
    const socket = await openSocket({ authorization: `Bearer ${created.body.token}`, origin: '' })
    open.push(socket)
    const client = await createClient('kickoff')
    await socket.next(cardAt(client.id, 1))
  })
})

describe('fan-out', () => {
  it('delivers one move to every socket of the board, viewers included', async () => {
    const sockets = [await socketAs('admin'), await socketAs('lead'), await socketAs('viewer')]
    const client = await createClient('kickoff')
    const moved = await api(`/clients/${client.id}/move`, {
      as: 'member',
      method: 'POST',
      json: { stageId: 'onboarding-plan', version: client.version },
    })
    expect(moved.status).toBe(200)
    // The message with the move's change: the cards ride with the changes read just before
    // them, so an earlier message may hold the creation's change with the card already moved.
    const hasMove = (m: LiveMessage): m is Extract<LiveMessage, { type: 'changes' }> =>
      isChanges(m) && m.changes.some((c) => c.entityId === client.id && c.kind === 'moved')
    for (const socket of sockets) {
      const message = await socket.next(hasMove)
      const card = message.clients.find((c) => c.id === client.id)
      expect(card?.stageId).toBe('onboarding-plan')
      const change = message.changes.find((c) => c.entityId === client.id)
      expect(change).toMatchObject({ entity: 'client', kind: 'moved', version: 2 })
      expect(message.cursor).toBeGreaterThanOrEqual(change?.id ?? Infinity)
    }
  })

  it('wakes a hibernated object and delivers', async () => {
    const socket = await socketAs('viewer')
    await evictDurableObject(boardRoom(env), { webSockets: 'hibernate' })
    const client = await createClient('kickoff')
    await socket.next(cardAt(client.id, 1))
  })

  it('publishes what the sweep does: a card flagged overdue', async () => {
    const socket = await socketAs('lead')
    const client = await createClient('kickoff')
    await env.DB.prepare('UPDATE clients SET due_at = 1 WHERE id = ?1').bind(client.id).run()
    await runCron(SWEEP, Date.now())
    const message = await socket.next(
      (m): m is Extract<LiveMessage, { type: 'changes' }> =>
        isChanges(m) && m.clients.some((c) => c.id === client.id && c.overdueLevel === 1),
    )
    expect(message.changes.find((c) => c.entityId === client.id)?.kind).toBe('overdue')
  })

  it('publishes a new task with the card it belongs to', async () => {
    const socket = await socketAs('member')
    const client = await createClient('kickoff')
    const task = await api(`/clients/${client.id}/tasks`, {
      method: 'POST',
      json: { title: 'Call back' },
    })
    expect(task.status).toBe(201)
    const message = await socket.next(
      (m): m is Extract<LiveMessage, { type: 'changes' }> =>
        isChanges(m) && m.changes.some((c) => c.entity === 'task' && c.entityId === task.body.id),
    )
    expect(message.changes.find((c) => c.entity === 'task')?.clientId).toBe(client.id)
  })
})

describe('presence', () => {
  it('shows who is on the board and which card someone drags', async () => {
    const lead = await socketAs('lead')
    const member = await socketAs('member')
    await lead.next(
      (m): m is Extract<LiveMessage, { type: 'presence' }> =>
        m.type === 'presence' && m.users.some((u) => u.name === 'Member'),
    )
    member.ws.send(JSON.stringify({ type: 'drag', clientId: 'some-card' }))
    const seen = await lead.next(
      (m): m is Extract<LiveMessage, { type: 'presence' }> =>
        m.type === 'presence' && m.users.some((u) => u.dragging === 'some-card'),
    )
    expect(seen.users.find((u) => u.dragging === 'some-card')?.name).toBe('Member')
  })

  it('ignores a drag from a viewer, who cannot move cards', async () => {
    const lead = await socketAs('lead')
    const viewer = await socketAs('viewer')
    viewer.ws.send(JSON.stringify({ type: 'drag', clientId: 'viewer-card' }))
    viewer.ws.send('not json')
    await socketAs('member')
    const after = await lead.next(
      (m): m is Extract<LiveMessage, { type: 'presence' }> =>
        m.type === 'presence' && m.users.some((u) => u.name === 'Member'),
    )
    expect(after.users.some((u) => u.dragging === 'viewer-card')).toBe(false)
  })
})

describe('GET /api/changes', () => {
  it('answers the cursor for since=0, then the coalesced changes after it', async () => {
    const start = (await api('/changes?since=0', { as: 'viewer' })).body
    expect(start).toMatchObject({ from: 0, reset: false, changes: [], clients: [] })
    const client = await createClient('kickoff')
    let version = client.version
    for (const stageId of ['onboarding-plan', 'setup-integrations', 'product-training']) {
      const moved = await api(`/clients/${client.id}/move`, {
        method: 'POST',
        json: { stageId, version },
      })
      version = moved.body.version as number
    }
    const page = (await api(`/changes?since=${start.cursor}`, { as: 'viewer' })).body
    expect(page.reset).toBe(false)
    expect(page.changes.filter((c: { entityId: string }) => c.entityId === client.id)).toEqual([
      expect.objectContaining({ kind: 'moved', version }),
    ])
    expect(page.clients).toEqual([expect.objectContaining({ id: client.id, version })])
    expect(page.cursor).toBeGreaterThan(start.cursor)
    const again = (await api(`/changes?since=${page.cursor}`, { as: 'viewer' })).body
    expect(again).toMatchObject({ cursor: page.cursor, changes: [], reset: false })
  })

  it('answers the board with the cursor as of its cards: the changes after it are exactly the later ones', async () => {
    const before = await createClient('kickoff')
    const board = (await api('/board?limit=0', { as: 'viewer' })).body
    const newest = (await api('/changes?since=0', { as: 'viewer' })).body.cursor as number
    expect(board.feedCursor).toBe(newest)
    expect(board.feedCursor).toBeGreaterThan(0)
    const after = await createClient('kickoff')
    const page = (await api(`/changes?since=${board.feedCursor}`, { as: 'viewer' })).body
    const ids = page.changes.map((c: { entityId: string }) => c.entityId)
    expect(ids).toContain(after.id)
    expect(ids).not.toContain(before.id)
  })

  it('says reset when the cursor is from another database (ahead of the feed)', async () => {
    const page = await api('/changes?since=999999999', { as: 'viewer' })
    expect(page.body).toMatchObject({ reset: true, changes: [] })
  })

  it('says reset when more changes were missed than a page holds', async () => {
    const since = (await api('/changes?since=0')).body.cursor as number
    await env.DB.prepare(
      `WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 501)
       INSERT INTO board_changes (entity, entity_id, kind, at) SELECT 'member', 'm' || i, 'updated', 0 FROM n`,
    ).run()
    const page = (await api(`/changes?since=${since}`)).body
    expect(page).toMatchObject({ reset: true, changes: [], cursor: since + 501 })
  })

  it('rejects a cursor that is not a number, naming the field', async () => {
    const res = await api('/changes?since=abc')
    expect(res.status).toBe(422)
    expect(Object.keys(res.body.error.fields)).toContain('since')
  })
})

describe('ended credentials', () => {
  const closed = (socket: TestSocket) =>
    new Promise<number>((resolve) => socket.ws.addEventListener('close', (e) => resolve(e.code)))

  it('closes the sockets of a session when it signs out, and only those', async () => {
    const cookie = await cookieOf('member')
    const leaving = await openSocket({ cookie })
    const staying = await socketAs('member')
    const code = closed(leaving)
    const out = await api('/auth/logout', { method: 'POST', as: { cookie } })
    expect(out.status).toBe(204)
    expect(await code).toBe(4001)
    const client = await createClient('kickoff')
    await staying.next(cardAt(client.id, 1))
  })

  it('closes the sockets of a revoked API token', async () => {
    const created = await api('/tokens', { method: 'POST', json: { name: 'tv', scope: 'read' } })
    const socket = await openSocket({ authorization: `Bearer ${created.body.token}`, origin: '' })
    const code = closed(socket)
    expect((await api(`/tokens/${created.body.id}`, { method: 'DELETE' })).status).toBe(204)
    expect(await code).toBe(4001)
  })
})
