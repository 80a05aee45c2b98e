/**
 * The demo knowledge base as seed SQL (see scripts/seed.ts): only articles, tracks and items
 * missing from the DB, each insert also a no-op if the row exists, so a second run adds nothing
 * and an article someone edited keeps its edits and links.
 */
import { reviewDueAfter } from '../worker/domain/articles'
import { markdownToText } from '../shared/markdown'
import {
  demoKnowledge,
  type DemoArticle,
  type DemoTrack,
  type KnowledgeStage,
} from './demo-knowledge'

type Row = Record<string, unknown>

const lit = (v: string | number | null) =>
  v === null ? 'NULL' : typeof v === 'number' ? String(v) : `'${v.replaceAll("'", "''")}'`
const str = (row: Row, key: string) => String(row[key] ?? '')

function articleSql(a: DemoArticle, now: number): string[] {
  const author = `(SELECT id FROM users WHERE id = ${lit(a.authorId)})`
  const id = lit(a.id)
  const created = Math.min(a.reviewedAt, now)
  return [
    'INSERT INTO articles (id, lang, translation_of, kind, title, body, body_text, tags, author_id, ' +
      'reviewed_at, review_due, version, created_at, updated_at) VALUES (' +
      [
        id,
        lit(a.lang),
        a.translationOf === null
          ? 'NULL'
          : `(SELECT id FROM articles WHERE id = ${lit(a.translationOf)})`,
        lit(a.kind),
        lit(a.title),
        lit(a.body),
        lit(markdownToText(a.body)),
        lit(JSON.stringify(a.tags)),
        author,
        lit(a.reviewedAt),
        lit(reviewDueAfter(a.reviewedAt)),
        '1',
        lit(created),
        lit(created),
      ].join(', ') +
      ') ON CONFLICT DO NOTHING;',
    ...a.stageIds.map(
      (s) =>
        `INSERT INTO article_stages (article_id, stage_id) SELECT ${id}, ${lit(s)} WHERE EXISTS ` +
        `(SELECT 1 FROM articles WHERE id = ${id}) AND EXISTS (SELECT 1 FROM stages WHERE id = ${lit(s)}) ON CONFLICT DO NOTHING;`,
    ),
    ...a.roleIds.map(
      (r) =>
        `INSERT INTO article_roles (article_id, role_id) SELECT ${id}, ${lit(r)} WHERE EXISTS ` +
        `(SELECT 1 FROM articles WHERE id = ${id}) AND EXISTS (SELECT 1 FROM roles WHERE id = ${lit(r)}) ON CONFLICT DO NOTHING;`,
    ),
    `INSERT INTO article_revisions (article_id, version, kind, actor_id, fields, summary, at) SELECT ${id}, 1, ` +
      `'created', ${author}, '[]', 'created', ${lit(created)} WHERE EXISTS (SELECT 1 FROM articles WHERE id = ${id}) ` +
      `AND NOT EXISTS (SELECT 1 FROM article_revisions WHERE article_id = ${id});`,
  ]
}

function trackSql(t: DemoTrack, existingItems: ReadonlySet<string>, now: number): string[] {
  const track = lit(t.id)
  const lines = [
    'INSERT INTO onboarding_tracks (id, role_id, title_ru, title_en, created_at, updated_at) ' +
      `SELECT ${track}, ${lit(t.roleId)}, ${lit(t.title.ru)}, ${lit(t.title.en)}, ${now}, ${now} ` +
      `WHERE EXISTS (SELECT 1 FROM roles WHERE id = ${lit(t.roleId)}) ON CONFLICT DO NOTHING;`,
  ]
  t.items.forEach((item, i) => {
    if (existingItems.has(item.id)) return
    const article = item.kind === 'article' ? lit(item.articleId) : 'NULL'
    const title = item.kind === 'checklist' ? item.title : { ru: '', en: '' }
    lines.push(
      'INSERT INTO onboarding_items (id, track_id, position, kind, article_id, title_ru, title_en, created_at) ' +
        `SELECT ${lit(item.id)}, ${track}, ${i + 1}, ${lit(item.kind)}, ${article}, ${lit(title.ru)}, ${lit(title.en)}, ${now} ` +
        `WHERE EXISTS (SELECT 1 FROM onboarding_tracks WHERE id = ${track})` +
        (item.kind === 'article'
          ? ` AND EXISTS (SELECT 1 FROM articles WHERE id = ${article})`
          : '') +
        ' ON CONFLICT DO NOTHING;',
    )
  })
  return lines
}

/** Reads the template and what exists through `query`, and returns the SQL that adds the rest. */
export function knowledgeSeedSql(query: (sql: string) => Row[], now: number): string {
  const stages: KnowledgeStage[] = query(
    'SELECT s.id, s.name_ru, s.name_en, s.description_ru, s.description_en, s.owner_role_id, ' +
      's.communicator_role_id, s.support_role_id, s.sla_days, s.overdue_policy, ' +
      'p.name_ru AS phase_ru, p.name_en AS phase_en FROM stages s JOIN phases p ON p.id = s.phase_id ' +
      'WHERE s.archived = 0 ORDER BY p.position, s.position, s.id',
  ).map((r) => ({
    id: str(r, 'id'),
    name: { ru: str(r, 'name_ru'), en: str(r, 'name_en') },
    phase: { ru: str(r, 'phase_ru'), en: str(r, 'phase_en') },
    description: { ru: str(r, 'description_ru'), en: str(r, 'description_en') },
    roles: {
      owner: str(r, 'owner_role_id'),
      communicator: str(r, 'communicator_role_id'),
      support: str(r, 'support_role_id'),
    },
    slaDays: Number(r.sla_days),
    overduePolicy: r.overdue_policy === 'return' ? 'return' : 'flag',
  }))
  const roles = query('SELECT id, name_ru, name_en FROM roles ORDER BY position, id').map((r) => ({
    id: str(r, 'id'),
    name: { ru: str(r, 'name_ru'), en: str(r, 'name_en') },
  }))
  const existing = query(
    "SELECT 'article' AS kind, id FROM articles UNION ALL SELECT 'item', id FROM onboarding_items",
  )
  const has = (kind: string) =>
    new Set(existing.filter((r) => r.kind === kind).map((r) => str(r, 'id')))
  const [articles, items] = [has('article'), has('item')]
  const knowledge = demoKnowledge(stages, roles, now)
  const lines = [
    ...knowledge.articles.filter((a) => !articles.has(a.id)).flatMap((a) => articleSql(a, now)),
    ...knowledge.tracks.flatMap((t) => trackSql(t, items, now)),
  ]
  return lines.length ? lines.join('\n') + '\n' : ''
}
