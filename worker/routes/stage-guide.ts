import { createRoute, z } from '@hono/zod-openapi'
import { GuideQuery, StageGuide } from '../../schema/articles'
import { ErrorBody, Id } from '../../schema/common'
import { getArticle, stageArticles, toSummary } from '../db/articles'
import { getStage, roleExists } from '../db/journey'
import { guideOrder, pickLanguage } from '../domain/guide'
import { AppError, notFound } from '../errors'
import { createRouter, jsonResponse } from '../router'

/** `/stages/:id/guide`: what the card drawer shows first — "what do I do here". */
export const stageGuide = createRouter().openapi(
  createRoute({
    method: 'get',
    path: '/stages/{id}/guide',
    summary: "A stage's instruction for a role, then the stage's other articles",
    request: { params: z.object({ id: Id }), query: GuideQuery },
    responses: {
      200: jsonResponse(StageGuide, 'The guide'),
      404: jsonResponse(ErrorBody, 'No such stage'),
      422: jsonResponse(ErrorBody, 'Invalid input'),
    },
  }),
  async (c) => {
    const { id } = c.req.valid('param')
    const { roleId = null, lang = 'ru' } = c.req.valid('query')
    const db = c.env.DB
    if (!(await getStage(db, id))) throw notFound('Stage', id)
    if (roleId && (await roleExists(db, [roleId])).length) {
      const message = `No role ${JSON.stringify(roleId)}`
      throw new AppError(422, 'invalid', message, {}, { roleId: [message] })
    }
    const now = Date.now()
    const summaries = (await stageArticles(db, id)).map((r) => toSummary(r, now))
    const { instruction, forRole, others } = guideOrder(pickLanguage(summaries, lang), roleId)
    return c.json(
      {
        stageId: id,
        roleId,
        lang,
        instruction: instruction ? await getArticle(db, instruction.id, now) : null,
        forRole,
        articles: others,
      },
      200,
    )
  },
)
