import { env } from 'cloudflare:workers'
import { describe, expect, it } from 'vitest'
import { api } from './helpers'

describe('the regulations a deployment starts with (migration 0017)', () => {
  it('has a Russian regulation and its English translation for every live stage', async () => {
    const { results } = await env.DB.prepare(
      `SELECT s.id,
         (SELECT COUNT(*) FROM article_stages x JOIN articles a ON a.id = x.article_id
          WHERE x.stage_id = s.id AND a.kind = 'instruction' AND a.lang = 'ru') AS ru,
         (SELECT COUNT(*) FROM article_stages x JOIN articles a ON a.id = x.article_id
          WHERE x.stage_id = s.id AND a.kind = 'instruction' AND a.lang = 'en'
            AND a.translation_of IS NOT NULL) AS en
       FROM stages s WHERE s.archived = 0`,
    ).all<{ id: string; ru: number; en: number }>()
    expect(results).toHaveLength(40)
    for (const r of results) expect({ ...r, ru: 1, en: 1 }).toEqual(r)
  })

  it('serves them in the stage guide and finds them by search, in both languages', async () => {
    const guide = await api('/stages/kickoff/guide?roleId=account_manager', { as: 'viewer' })
    expect(guide.status).toBe(200)
    expect(guide.body.instruction).toMatchObject({ id: 'kb-stage-kickoff-ru' })
    const ru = await api(`/articles?q=${encodeURIComponent('стартовая встреча')}`, { as: 'viewer' })
    expect(ru.body.articles.map((a: { id: string }) => a.id)).toContain('kb-stage-kickoff-ru')
    const en = await api('/articles?q=kickoff&lang=en', { as: 'viewer' })
    expect(en.body.articles.map((a: { id: string }) => a.id)).toContain('kb-stage-kickoff-en')
  })

  it('lets leads edit a regulation and keeps members from it', async () => {
    const edit = (as: 'lead' | 'member') =>
      api('/articles/kb-stage-kickoff-en', {
        method: 'PATCH',
        as,
        json: { version: 1, title: 'Regulation: Kickoff (ours)' },
      })
    expect((await edit('member')).status).toBe(403)
    expect((await edit('lead')).status).toBe(200)
  })
})
