import { env } from 'cloudflare:workers'
import { beforeAll, describe, expect, it } from 'vitest'
import {
  demoKnowledge,
  type KnowledgeRole,
  type KnowledgeStage,
} from '../../scripts/demo-knowledge'
import { loadJourney } from '../../worker/db/journey'
import { renderMarkdown } from '../../shared/markdown'

describe('the demo knowledge base', () => {
  let stages: KnowledgeStage[]
  let roles: KnowledgeRole[]
  beforeAll(async () => {
    // The shipped template, as the migrations leave it.
    const journey = await loadJourney(env.DB)
    roles = journey.roles
    stages = journey.phases.flatMap((p) =>
      p.stages.map((s) => ({ ...s, phase: p.name, description: s.description })),
    )
  })

  it('writes a regulation for each of the 40 stages, in Russian and in English', () => {
    const { articles } = demoKnowledge(stages, roles, 0)
    expect(stages).toHaveLength(40)
    for (const stage of stages) {
      const [ru, en] = ['ru', 'en'].map((lang) =>
        articles.find(
          (a) => a.stageIds.includes(stage.id) && a.kind === 'instruction' && a.lang === lang,
        ),
      )
      expect(ru?.title).toBe(`Регламент: ${stage.name.ru}`)
      expect(en?.translationOf).toBe(ru?.id)
      expect(ru?.roleIds).toEqual([...new Set(Object.values(stage.roles))].sort())
      expect(ru?.body).toContain('## Кто что делает')
      expect(ru?.body).toContain('Этап завершён, когда')
      expect(en?.body).toContain('Done when')
      expect(renderMarkdown(en?.body ?? '')).toContain('<h2>Who does what</h2>')
    }
  })

  it('names each of the three roles and its part', () => {
    const { articles } = demoKnowledge(stages, roles, 0)
    const demo = articles.find((a) => a.id === 'kb-stage-platform-demo-en')
    expect(demo?.body).toContain('**Owner — BizDev.**')
    expect(demo?.body).toContain('**Communicator — Sales.**')
    expect(demo?.body).toContain('**Support — Product.**')
    const kickoff = articles.find((a) => a.id === 'kb-stage-kickoff-ru')
    expect(kickoff?.body).toContain('**Ответственный и коммуникатор — Аккаунт-менеджер.**')
  })

  it('gives every role a track of existing articles and a 4–6 item first-week checklist', () => {
    const { articles, tracks } = demoKnowledge(stages, roles, 0)
    const ids = new Set(articles.map((a) => a.id))
    expect(ids.size).toBe(articles.length)
    expect(tracks.map((t) => t.roleId)).toEqual(roles.map((r) => r.id))
    for (const track of tracks) {
      const reading = track.items.filter((i) => i.kind === 'article')
      const checklist = track.items.filter((i) => i.kind === 'checklist')
      expect(reading.length).toBeGreaterThanOrEqual(4)
      for (const item of reading) expect(ids.has(item.articleId)).toBe(true)
      expect(checklist.length).toBeGreaterThanOrEqual(4)
      expect(checklist.length).toBeLessThanOrEqual(6)
    }
  })

  it('ships the feedback, handoff and overdue articles in both languages', () => {
    const { articles } = demoKnowledge(stages, roles, 0)
    for (const key of ['kb-feedback', 'kb-handoff', 'kb-overdue']) {
      expect(articles.filter((a) => a.id.startsWith(`${key}-`)).map((a) => a.lang)).toEqual([
        'ru',
        'en',
      ])
    }
    expect(articles.find((a) => a.id === 'kb-feedback-ru')?.body).toMatch(/письменно.*две недели/s)
  })
})
