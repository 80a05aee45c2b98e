import { createRoute, z } from '@hono/zod-openapi'
import type { Context } from 'hono'
import {
  Article,
  ArticleCreate,
  ArticleFilters,
  ArticlePatch,
  ArticleRevision,
  ArticleSummary,
} from '../../schema/articles'
import {
  articleExists,
  getArticle,
  listArticles,
  refreshStems,
  listRevisions,
  unknownStages,
} from '../db/articles'
import { insertArticle, updateArticle } from '../db/article-writes'
import { roleExists } from '../db/journey'
import { cleanList, planArticleEdit, reviewDueAfter } from '../domain/articles'
import { ftsQuery } from '../domain/knowledge-search'
import { markdownToText } from '../../shared/markdown'
import type { AppEnv } from '../env'
import { AppError, notFound, staleVersion } from '../errors'
import { authorize } from '../middleware/authenticate'
import { createRouter, errorResponses, IdParam, jsonBody, jsonResponse } from '../router'

const errors = errorResponses({
  404: 'No such article',
  409: 'Stale version, or the translation exists',
})

/** Search answers are ranked, so a page of the best ones is enough; lists are the whole base. */
const SEARCH_LIMIT = 50
const LIST_LIMIT = 500

const invalid = (field: string, message: string) =>
  new AppError(422, 'invalid', message, {}, { [field]: [message] })

/** Rejects links to stages or roles that do not exist, naming the field. */
async function checkLinks(db: D1Database, a: { stageIds?: string[]; roleIds?: string[] }) {
  const stages = await unknownStages(db, a.stageIds ?? [])
  if (stages.length) throw invalid('stageIds', `Unknown stage(s): ${stages.join(', ')}`)
  const roles = await roleExists(db, a.roleIds ?? [])
  if (roles.length) throw invalid('roleIds', `Unknown role(s): ${roles.join(', ')}`)
}

/** Checks that `originalId` is an original in another language than the translation's. */
async function checkOriginal(db: D1Database, originalId: string, lang: string) {
  const original = await getArticle(db, originalId, Date.now())
  if (!original) throw invalid('translationOf', `No article ${JSON.stringify(originalId)}`)
  if (original.translationOf !== null) {
    throw invalid('translationOf', `Translate the original, ${original.translationOf}`)
  }
  if (original.lang === lang) throw invalid('translationOf', `The original is already in ${lang}`)
}

/** Regulations are the leads' to write: anyone who may write articles may not touch them. */
function authorizeKind(c: Context<AppEnv>, ...kinds: (string | undefined)[]) {
  if (kinds.includes('instruction')) authorize(c, 'instructions.write')
}

/** The knowledge base: `/articles`, `/articles/:id`, `/articles/:id/history`. */
export const articles = createRouter()
  .openapi(
    createRoute({
      method: 'get',
      path: '/articles',
      summary: 'List or search articles (q: every word as a prefix, ranked, with snippets)',
      request: { query: ArticleFilters },
      responses: {
        200: jsonResponse(z.object({ articles: z.array(ArticleSummary) }), 'The articles'),
        422: errors[422],
      },
    }),
    async (c) => {
      const { q, archived, ...filters } = c.req.valid('query')
      const match = q ? ftsQuery(q) : null
      // Punctuation alone matches nothing, rather than everything.
      if (q && !match) return c.json({ articles: [] }, 200)
      if (match) await refreshStems(c.env.DB)
      const list = await listArticles(
        c.env.DB,
        {
          ...filters,
          archived: archived === 'true',
          match,
          limit: match ? SEARCH_LIMIT : LIST_LIMIT,
        },
        Date.now(),
      )
      return c.json({ articles: list }, 200)
    },
  )
  .openapi(
    createRoute({
      method: 'post',
      path: '/articles',
      summary: 'Write an article (or a translation of one)',
      request: { body: jsonBody(ArticleCreate) },
      responses: { 201: jsonResponse(Article, 'Created'), ...errors },
    }),
    async (c) => {
      const input = c.req.valid('json')
      const db = c.env.DB
      authorizeKind(c, input.kind)
      await checkLinks(db, input)
      if (input.translationOf) await checkOriginal(db, input.translationOf, input.lang)
      const id = crypto.randomUUID()
      const now = Date.now()
      const inserted = await insertArticle(
        db,
        {
          ...input,
          id,
          tags: cleanList(input.tags),
          stageIds: cleanList(input.stageIds),
          roleIds: cleanList(input.roleIds),
          bodyText: markdownToText(input.body),
          authorId: c.get('identity')?.user?.id ?? null,
          reviewedAt: now,
          reviewDue: reviewDueAfter(now),
        },
        c.get('actorId'),
        now,
      )
      if (!inserted) {
        throw new AppError(
          409,
          'translation_exists',
          `Article ${input.translationOf} already has a ${input.lang} translation`,
        )
      }
      const created = await getArticle(db, id, now)
      if (!created) throw notFound('Article', id)
      return c.json(created, 201)
    },
  )
  .openapi(
    createRoute({
      method: 'get',
      path: '/articles/{id}',
      summary: 'One article with its Markdown body and the body rendered as safe HTML',
      request: { params: IdParam },
      responses: { 200: jsonResponse(Article, 'The article'), 404: errors[404] },
    }),
    async (c) => {
      const { id } = c.req.valid('param')
      const article = await getArticle(c.env.DB, id, Date.now())
      if (!article) throw notFound('Article', id)
      return c.json(article, 200)
    },
  )
  .openapi(
    createRoute({
      method: 'patch',
      path: '/articles/{id}',
      summary: 'Edit, review or archive an article (optimistic: send the version you saw)',
      request: { params: IdParam, body: jsonBody(ArticlePatch) },
      responses: { 200: jsonResponse(Article, 'Updated'), ...errors },
    }),
    async (c) => {
      const { id } = c.req.valid('param')
      const { version, ...patch } = c.req.valid('json')
      const db = c.env.DB
      const now = Date.now()
      const article = await getArticle(db, id, now)
      if (!article) throw notFound('Article', id)
      authorizeKind(c, article.kind, patch.kind)
      const stale = async () =>
        staleVersion('Article', id, (await getArticle(db, id, now)) ?? article)
      if (article.version !== version) throw await stale()
      await checkLinks(db, patch)
      const plan = planArticleEdit(
        { ...article, reviewedAt: Date.parse(article.reviewedAt) },
        patch,
        now,
      )
      if (!plan) return c.json(article, 200)
      const saved = await updateArticle(
        db,
        id,
        version,
        {
          ...plan,
          bodyText: markdownToText(plan.next.body),
          reviewDue: patch.reviewed ? reviewDueAfter(now) : Date.parse(article.reviewDue),
        },
        c.get('actorId'),
        now,
      )
      if (!saved) throw await stale()
      return c.json((await getArticle(db, id, Date.now())) ?? article, 200)
    },
  )
  .openapi(
    createRoute({
      method: 'get',
      path: '/articles/{id}/history',
      summary: "An article's edit history, newest first: who changed what, and what it replaced",
      request: { params: IdParam },
      responses: {
        200: jsonResponse(z.object({ revisions: z.array(ArticleRevision) }), 'History'),
        404: errors[404],
      },
    }),
    async (c) => {
      const { id } = c.req.valid('param')
      const db = c.env.DB
      if (!(await articleExists(db, id))) throw notFound('Article', id)
      return c.json({ revisions: await listRevisions(db, id) }, 200)
    },
  )
