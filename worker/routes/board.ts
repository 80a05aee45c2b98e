import { createRoute, z } from '@hono/zod-openapi'
import { Board, BoardQuery, ColumnPage, ColumnQuery } from '../../schema/board'
import { Id } from '../../schema/common'
import { readBoard, readColumnPage } from '../db/board'
import { AppError } from '../errors'
import { createRouter, errorResponses, jsonResponse, NOT_MODIFIED } from '../router'

/** The board's data by column: the first page of every column, then a column's next pages. */
export const board = createRouter()
  .openapi(
    createRoute({
      method: 'get',
      path: '/board',
      summary:
        'The first cards of every column with per-column counts, filtered (limit 0: counts only)',
      request: { query: BoardQuery },
      responses: { 200: jsonResponse(Board, 'The columns'), ...NOT_MODIFIED },
    }),
    async (c) => {
      const { limit, ...filters } = c.req.valid('query')
      return c.json(await readBoard(c.env.DB, filters, limit, Date.now()), 200)
    },
  )
  .openapi(
    createRoute({
      method: 'get',
      path: '/board/columns/{stageId}',
      summary: "A column's next page of cards, after the `next` of the page before",
      request: { params: z.object({ stageId: Id }), query: ColumnQuery },
      responses: {
        200: jsonResponse(ColumnPage, 'The cards'),
        ...NOT_MODIFIED,
        ...errorResponses({ 404: 'No such stage' }),
      },
    }),
    async (c) => {
      const { stageId } = c.req.valid('param')
      const { after, limit, ...filters } = c.req.valid('query')
      const page = await readColumnPage(c.env.DB, stageId, after, filters, limit, Date.now())
      if (!page) {
        const message = 'after must be the `next` of an earlier page'
        throw new AppError(422, 'invalid', message, {}, { after: [message] })
      }
      return c.json({ stageId, ...page }, 200)
    },
  )
