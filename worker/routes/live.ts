import { createRoute } from '@hono/zod-openapi'
import { ChangesPage, ChangesQuery } from '../../schema/live'
import { visiblePage } from '../domain/live'
import { AppError } from '../errors'
import { callerHeader, LIVE_USER_HEADER, type LiveCaller } from '../live/caller'
import { refuseCrossSite } from '../middleware/authenticate'
import { createRouter, jsonResponse } from '../router'
import { readChanges } from '../services/board-feed'
import { boardRoom } from '../services/publish'

/** The live board: its socket, and the catch-up after any gap. */
export const live = createRouter()
  .openapi(
    createRoute({
      method: 'get',
      path: '/changes',
      summary: 'What changed after a cursor (the catch-up of an open board); since=0: the cursor',
      request: { query: ChangesQuery },
      responses: { 200: jsonResponse(ChangesPage, 'Changes, coalesced, with the cards now') },
    }),
    async (c) => {
      const identity = c.get('identity')
      if (!identity) throw new AppError(401, 'unauthenticated', 'Sign in first')
      const page = await readChanges(c.env.DB, c.req.valid('query').since)
      return c.json(visiblePage(identity.role, page), 200)
    },
  )
  .get('/live', async (c) => {
    if (c.req.header('upgrade')?.toLowerCase() !== 'websocket') {
      throw new AppError(426, 'upgrade_required', 'Open /api/live as a WebSocket')
    }
    const identity = c.get('identity')
    if (!identity) throw new AppError(401, 'unauthenticated', 'Sign in first')
    // A page on another site can open a socket that carries our cookie: refuse it (tokens are
    // never sent by a browser on its own, so they need no such check).
    if (identity.kind !== 'token') refuseCrossSite(c)
    const caller: LiveCaller = {
      id: identity.id,
      name: identity.user?.name ?? 'API',
      role: identity.role,
      sessionId: identity.sessionId,
    }
    return boardRoom(c.env).fetch('https://board.internal/live', {
      headers: { upgrade: 'websocket', [LIVE_USER_HEADER]: callerHeader(caller) },
    })
  })
