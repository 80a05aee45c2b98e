import { z } from '@hono/zod-openapi'
import { ARTICLE_KINDS, LANGS } from './enums'
import { Id, IsoTime, SingleLine, Version } from './common'

/** A regulation ("what to do at this stage") or any other note. */
export const ArticleKind = z.enum(ARTICLE_KINDS)
export type ArticleKind = z.infer<typeof ArticleKind>

/** Each article is written in one language; a translation is its own article. */
export const Lang = z.enum(LANGS)
export type Lang = z.infer<typeof Lang>

const Title = SingleLine(200)
const Body = z.string().max(50_000)
const Tags = z.array(SingleLine(40)).max(20)
const StageIds = z.array(Id).max(60)
const RoleIds = z.array(Id).max(20)

export const ArticleSummary = z
  .object({
    id: Id,
    lang: Lang,
    kind: ArticleKind,
    title: z.string(),
    stageIds: z.array(Id),
    roleIds: z.array(Id),
    tags: z.array(z.string()),
    /** The original this article translates, or null for an original. */
    translationOf: Id.nullable(),
    reviewedAt: IsoTime,
    reviewDue: IsoTime,
    overdueReview: z.boolean(),
    archived: z.boolean(),
    updatedAt: IsoTime,
    /** Search only: a passage of the body as safe HTML (escaped text, matches in <mark>). */
    snippet: z.string().optional(),
  })
  .openapi('ArticleSummary')
export type ArticleSummary = z.infer<typeof ArticleSummary>

export const ArticleTranslation = z.object({ id: Id, lang: Lang, title: z.string() })

export const Article = ArticleSummary.omit({ snippet: true })
  .extend({
    body: z.string(),
    /** The body rendered by the Worker's own Markdown renderer: safe to insert as HTML. */
    html: z.string(),
    authorId: Id.nullable(),
    authorName: z.string().nullable(),
    /** Every other language version of the same text. */
    translations: z.array(ArticleTranslation),
    version: Version,
    createdAt: IsoTime,
  })
  .openapi('Article')
export type Article = z.infer<typeof Article>

export const ArticleCreate = z
  .object({
    lang: Lang,
    kind: ArticleKind.default('article'),
    title: Title,
    body: Body.default(''),
    tags: Tags.default([]),
    stageIds: StageIds.default([]),
    roleIds: RoleIds.default([]),
    translationOf: Id.nullable().default(null),
  })
  .strict()
  .openapi('ArticleCreate')
export type ArticleCreate = z.infer<typeof ArticleCreate>

export const ArticlePatch = z
  .object({
    version: Version,
    title: Title.optional(),
    body: Body.optional(),
    kind: ArticleKind.optional(),
    tags: Tags.optional(),
    stageIds: StageIds.optional(),
    roleIds: RoleIds.optional(),
    archived: z.boolean().optional(),
    /** Marks the yearly review done: the next one falls due a year from now. */
    reviewed: z.literal(true).optional(),
    /** null detaches a translation from its original; needs the right to edit the original. */
    translationOf: z.null().optional(),
  })
  .strict()
  .openapi('ArticlePatch')
export type ArticlePatch = z.infer<typeof ArticlePatch>

export const ArticleFilters = z.object({
  stageId: Id.optional(),
  roleId: Id.optional(),
  kind: ArticleKind.optional(),
  lang: Lang.optional(),
  /** Full-text search over titles, bodies and tags: every word, as a prefix, ranked. */
  q: z.string().trim().max(200).optional(),
  archived: z.enum(['true', 'false']).optional(),
})
export type ArticleFilters = z.infer<typeof ArticleFilters>

export const ArticleRevision = z
  .object({
    id: z.number().int(),
    version: Version,
    kind: z.enum(['created', 'edited']),
    actorId: z.string().nullable(),
    actorName: z.string().nullable(),
    fields: z.array(z.string()),
    summary: z.string(),
    /** The title and body this change replaced (null when that field did not change). */
    previous: z.object({ title: z.string().nullable(), body: z.string().nullable() }),
    at: IsoTime,
  })
  .openapi('ArticleRevision')
export type ArticleRevision = z.infer<typeof ArticleRevision>

export const GuideQuery = z.object({
  roleId: Id.optional(),
  /** The language to prefer; an article missing in it comes in the other one. Default ru. */
  lang: Lang.optional(),
})

export const StageGuide = z
  .object({
    stageId: Id,
    roleId: Id.nullable(),
    lang: Lang,
    /** "What do I do here": the stage's instruction for the role, with its rendered body. */
    instruction: Article.nullable(),
    /** Whether the instruction names the role (false: the stage's general regulation). */
    forRole: z.boolean(),
    /** The stage's other articles: instructions first, then the rest, by title. */
    articles: z.array(ArticleSummary),
  })
  .openapi('StageGuide')
export type StageGuide = z.infer<typeof StageGuide>
