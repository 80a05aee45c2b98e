import { env } from 'cloudflare:workers'
import { beforeAll, describe, expect, it } from 'vitest'
import { api } from './helpers'

interface Item {
  id: string
  kind: string
  status: string
  at: string | null
  title: { ru: string; en: string }
  articleIds: { ru: string | null; en: string | null } | null
}
interface Track {
  id: string
  roleId: string
  total: number
  completed: number
  items: Item[]
}

const write = async (json: Record<string, unknown>) => {
  const res = await api('/articles', { method: 'POST', json: { lang: 'ru', ...json } })
  expect(res.status).toBe(201)
  return res.body.id as string
}

const progress = (itemId: string, status: string, as: 'member' | 'viewer' | 'admin' = 'member') =>
  api('/onboarding/progress', { method: 'POST', as, json: { itemId, status } })

const me = async () => (await api('/onboarding/me', { as: 'member' })).body
const track = (body: { tracks?: unknown }, roleId: string) =>
  (body.tracks as Track[]).find((t) => t.roleId === roleId) as Track
const item = (t: Track, id: string) => t.items.find((i) => i.id === id) as Item

describe('onboarding', () => {
  beforeAll(async () => {
    const welcome = await write({ title: 'Добро пожаловать', body: 'Как устроен путь клиента.' })
    await write({ lang: 'en', title: 'Welcome', translationOf: welcome })
    const handoff = await write({ title: 'Передача от продаж' })
    const now = Date.now()
    const track = (id: string, roleId: string, ru: string, en: string) =>
      env.DB.prepare(
        `INSERT INTO onboarding_tracks (id, role_id, title_ru, title_en, created_at, updated_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?5)`,
      ).bind(id, roleId, ru, en, now)
    const entry = (
      id: string,
      trackId: string,
      position: number,
      articleId: string | null,
      ru = '',
      en = '',
    ) =>
      env.DB.prepare(
        `INSERT INTO onboarding_items (id, track_id, position, kind, article_id, title_ru, title_en, created_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)`,
      ).bind(id, trackId, position, articleId ? 'article' : 'checklist', articleId, ru, en, now)
    await env.DB.batch([
      track('t-am', 'account_manager', 'Аккаунт-менеджер', 'Account manager'),
      track('t-sales', 'sales', 'Продажи', 'Sales'),
      track('t-finance', 'finance', 'Финансы', 'Finance'),
      entry('am-1', 't-am', 1, welcome),
      entry('am-2', 't-am', 2, handoff),
      entry('am-3', 't-am', 3, null, 'Познакомиться с командой', 'Meet the team'),
      entry('sales-1', 't-sales', 1, welcome),
      entry('sales-2', 't-sales', 2, null, 'Разобрать пять карточек', 'Walk through five cards'),
      entry('fin-1', 't-finance', 1, null, 'Сверить счета', 'Check the invoices'),
    ])
    const member = (await api('/members/t-member')).body
    const res = await api('/members/t-member', {
      method: 'PATCH',
      json: { version: member.version, roleIds: ['account_manager', 'sales'], managerId: 't-lead' },
    })
    expect(res.status).toBe(200)
  })

  it('lists every role’s track in role order, articles in each language', async () => {
    const res = await api('/onboarding/tracks', { as: 'viewer' })
    expect(res.status).toBe(200)
    expect(res.body.tracks.map((t: Track) => t.roleId)).toEqual([
      'sales',
      'account_manager',
      'finance',
    ])
    const am = track(res.body, 'account_manager')
    expect(am.items.map((i) => i.id)).toEqual(['am-1', 'am-2', 'am-3'])
    expect(am.items[0]).toMatchObject({
      kind: 'article',
      title: { ru: 'Добро пожаловать', en: 'Welcome' },
    })
    expect(am.items[0]?.articleIds?.en).toBeTruthy()
    expect(am.items[1]).toMatchObject({
      title: { ru: 'Передача от продаж', en: 'Передача от продаж' },
    })
    expect(am.items[1]?.articleIds?.en).toBeNull()
    expect(am.items[2]).toMatchObject({
      kind: 'checklist',
      title: { ru: 'Познакомиться с командой', en: 'Meet the team' },
      articleIds: null,
    })
  })

  it('gives a member the tracks of their roles and the stages they take part in', async () => {
    const body = await me()
    expect(body).toMatchObject({
      memberId: 't-member',
      roleIds: ['account_manager', 'sales'],
      total: 5,
      completed: 0,
    })
    expect(body.tracks.map((t: Track) => t.roleId)).toEqual(['sales', 'account_manager'])
    const journey = (await api('/journey')).body as {
      phases: { stages: { id: string; roles: Record<string, string> }[] }[]
    }
    const theirs = journey.phases
      .flatMap((p) => p.stages)
      .filter((st) => Object.values(st.roles).some((r) => r === 'account_manager' || r === 'sales'))
      .map((st) => st.id)
    expect(body.stageIds).toEqual(theirs)
    expect(body.stageIds).toContain('kickoff')
    expect(track(body, 'sales').items.every((i) => i.status === 'todo' && i.at === null)).toBe(true)
  })

  it('records reads and checks, counting a text read once wherever it appears', async () => {
    const read = await progress('am-1', 'read')
    expect(read.status).toBe(200)
    expect(read.body).toMatchObject({ itemId: 'am-1', status: 'read' })
    expect((await progress('am-3', 'done')).status).toBe(200)
    const body = await me()
    expect(item(track(body, 'account_manager'), 'am-1').status).toBe('read')
    // The same article in the sales track counts as read too.
    expect(item(track(body, 'sales'), 'sales-1').status).toBe('read')
    expect(track(body, 'account_manager')).toMatchObject({ total: 3, completed: 2 })
    expect(track(body, 'sales')).toMatchObject({ total: 2, completed: 1 })
    expect(body).toMatchObject({ total: 5, completed: 3 })

    const again = await progress('am-1', 'read')
    expect(again.body.at).toBe(read.body.at)
    const cleared = await progress('am-3', 'todo')
    expect(cleared.body).toMatchObject({ status: 'todo', at: null })
    expect(item(track(await me(), 'account_manager'), 'am-3').status).toBe('todo')
  })

  it('refuses a mark that does not fit the item, and an unknown item', async () => {
    const wrong = await progress('am-2', 'done')
    expect(wrong.status).toBe(422)
    expect(wrong.body.error.fields.status).toBeDefined()
    expect((await progress('am-3', 'read')).status).toBe(422)
    expect((await progress('nope', 'read')).status).toBe(404)
    expect((await progress('am-2', 'finished')).status).toBe(422)
  })

  it('has nothing to track for an account that is no member', async () => {
    const viewer = await api('/onboarding/me', { as: 'viewer' })
    expect(viewer.body).toEqual({
      memberId: null,
      roleIds: [],
      mentor: null,
      stageIds: [],
      tracks: [],
      total: 0,
      completed: 0,
    })
    // A viewer account is read-only; an admin account acting as no member has no progress.
    expect((await progress('am-1', 'read', 'viewer')).body.error.code).toBe('forbidden')
    const admin = await progress('am-1', 'read', 'admin')
    expect(admin.status).toBe(403)
    expect(admin.body.error.code).toBe('no_member')
  })

  it("shows a lead their team's progress, an admin everyone's, and a member nothing", async () => {
    await progress('am-3', 'done')
    const lead = await api('/onboarding/team', { as: 'lead' })
    expect(lead.status).toBe(200)
    expect(lead.body.members).toHaveLength(1)
    expect(lead.body.members[0]).toMatchObject({
      memberId: 't-member',
      roleIds: ['account_manager', 'sales'],
      total: 5,
      completed: 3,
      tracks: [
        { trackId: 't-sales', roleId: 'sales', total: 2, completed: 1 },
        { trackId: 't-am', roleId: 'account_manager', total: 3, completed: 2 },
      ],
    })
    expect(lead.body.members[0].lastActivityAt).not.toBeNull()
    const admin = await api('/onboarding/team', { as: 'admin' })
    expect(admin.body.members.map((m: { memberId: string }) => m.memberId)).toEqual(
      expect.arrayContaining(['t-member', 't-lead']),
    )
    expect((await api('/onboarding/team', { as: 'member' })).status).toBe(403)
    expect((await api('/onboarding/team', { as: 'viewer' })).status).toBe(403)
  })

  it('drops an item whose article is archived in every language', async () => {
    const handoff = track((await api('/onboarding/tracks')).body, 'account_manager').items[1]
    const articleId = handoff?.articleIds?.ru ?? ''
    await api(`/articles/${articleId}`, { method: 'PATCH', json: { version: 1, archived: true } })
    const am = track((await api('/onboarding/tracks')).body, 'account_manager')
    expect(am.items.map((i) => i.id)).toEqual(['am-1', 'am-3'])
  })
})
