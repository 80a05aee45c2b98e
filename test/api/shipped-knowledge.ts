import { env } from 'cloudflare:workers'

/**
 * Removes the regulations migration 0017 ships, for tests that count or search the articles
 * they write themselves (every shipped regulation mentions stages, roles and contracts too).
 */
export async function withoutShippedRegulations() {
  const shipped = "SELECT id FROM articles WHERE id LIKE 'kb-stage-%'"
  await env.DB.batch([
    env.DB.prepare(`DELETE FROM article_stages WHERE article_id IN (${shipped})`),
    env.DB.prepare(`DELETE FROM article_roles WHERE article_id IN (${shipped})`),
    env.DB.prepare(`DELETE FROM article_revisions WHERE article_id IN (${shipped})`),
    env.DB.prepare(`DELETE FROM article_stem_rows WHERE article_id IN (${shipped})`),
    // Translations first: they point at the Russian originals.
    env.DB.prepare(
      `DELETE FROM articles WHERE id LIKE 'kb-stage-%' AND translation_of IS NOT NULL`,
    ),
    env.DB.prepare(`DELETE FROM articles WHERE id LIKE 'kb-stage-%'`),
  ])
}
