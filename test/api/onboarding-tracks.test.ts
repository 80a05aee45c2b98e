import { beforeAll, describe, expect, it } from 'vitest'
import { api } from './helpers'

interface Step {
  id: string
  kind: 'article' | 'checklist'
  title: { ru: string; en: string }
  articleIds: { ru: string | null; en: string | null } | null
  dueDays: number | null
}
interface Track {
  id: string
  roleId: string
  retired: boolean
  version: number
  items: Step[]
}

let article = ''
const checklist = (ru: string, dueDays: number | null = null) => ({
  kind: 'checklist',
  title: { ru, en: `${ru} (en)` },
  dueDays,
})
const create = (json: Record<string, unknown>, as: 'admin' | 'lead' | 'member' = 'lead') =>
  api('/onboarding/tracks', { method: 'POST', as, json })
const patch = (id: string, json: Record<string, unknown>, as: 'admin' | 'lead' = 'lead') =>
  api(`/onboarding/tracks/${id}`, { method: 'PATCH', as, json })

describe('editing onboarding tracks', () => {
  beforeAll(async () => {
    const res = await api('/articles', {
      method: 'POST',
      json: { lang: 'ru', title: 'Как мы ведём клиента', body: 'Путь клиента.' },
    })
    article = res.body.id as string
    const member = (await api('/members/t-member')).body
    await api('/members/t-member', {
      method: 'PATCH',
      json: { version: member.version, roleIds: ['finance'], managerId: 't-lead' },
    })
  })

  it('lets a lead create a track whose steps link articles, in the order given', async () => {
    const res = await create({
      roleId: 'finance',
      title: { ru: 'Финансы: первая неделя', en: 'Finance: first week' },
      steps: [{ kind: 'article', articleId: article, dueDays: 2 }, checklist('Сверить счета')],
    })
    expect(res.status).toBe(201)
    const track = res.body as Track
    expect(track).toMatchObject({ roleId: 'finance', retired: false, version: 1 })
    expect(track.items.map((s) => s.kind)).toEqual(['article', 'checklist'])
    expect(track.items[0]).toMatchObject({
      title: { ru: 'Как мы ведём клиента' },
      articleIds: { ru: article },
      dueDays: 2,
    })
    const me = (await api('/onboarding/me', { as: 'member' })).body
    expect(me.tracks.map((t: Track) => t.id)).toContain(track.id)
  })

  it('refuses members and viewers, and names the field of bad input', async () => {
    const body = { roleId: 'finance', title: { ru: 'Т', en: 'T' } }
    expect((await create(body, 'member')).status).toBe(403)
    expect(
      (await api('/onboarding/tracks', { method: 'POST', as: 'viewer', json: body })).status,
    ).toBe(403)
    const noRole = await create({ ...body, roleId: 'astronaut' })
    expect(noRole.status).toBe(422)
    expect(noRole.body.error.fields).toHaveProperty('roleId')
    const noArticle = await create({ ...body, steps: [{ kind: 'article', articleId: 'nope' }] })
    expect(noArticle.status).toBe(422)
    expect(noArticle.body.error.fields).toHaveProperty(['steps.0.articleId'])
    const noTitle = await create({ ...body, steps: [{ kind: 'checklist' }] })
    expect(noTitle.status).toBe(422)
    expect(Object.keys(noTitle.body.error.fields).join()).toMatch(/steps\.0/)
    const badDue = await create({ ...body, steps: [checklist('Шаг', 0)] })
    expect(badDue.status).toBe(422)
    expect(badDue.body.error.fields).toHaveProperty(['steps.0.dueDays'])
  })

  it('reorders steps keeping their ids and marks, drops removed ones, and detects stale edits', async () => {
    const made = (
      await create({
        roleId: 'finance',
        title: { ru: 'Порядок', en: 'Order' },
        steps: [checklist('Первый'), checklist('Второй'), checklist('Третий')],
      })
    ).body as Track
    const [first, second, third] = made.items as [Step, Step, Step]
    const marked = await api('/onboarding/progress', {
      method: 'POST',
      as: 'member',
      json: { itemId: second.id, status: 'done' },
    })
    expect(marked.status).toBe(200)
    const steps = [
      { id: second.id, kind: 'checklist', title: second.title },
      { id: first.id, kind: 'checklist', title: { ru: 'Первый, иначе', en: 'First, reworded' } },
      checklist('Новый'),
    ]
    const res = await patch(made.id, { version: 1, steps })
    expect(res.status).toBe(200)
    const after = res.body as Track
    expect(after.version).toBe(2)
    expect(after.items.slice(0, 2).map((s) => s.id)).toEqual([second.id, first.id])
    expect(after.items.map((s) => s.title.ru)).toEqual(['Второй', 'Первый, иначе', 'Новый'])
    expect(after.items.some((s) => s.id === third.id)).toBe(false)
    const me = (await api('/onboarding/me', { as: 'member' })).body
    const mine = me.tracks.find((t: Track) => t.id === made.id)
    expect(mine.items[0]).toMatchObject({ id: second.id, status: 'done' })

    const stale = await patch(made.id, { version: 1, title: { ru: 'Старое', en: 'Old' } })
    expect(stale.status).toBe(409)
    expect(stale.body.current.version).toBe(2)
    const foreign = await patch(made.id, {
      version: 2,
      steps: [{ id: 'someone-elses', kind: 'checklist', title: { ru: 'Х', en: 'X' } }],
    })
    expect(foreign.status).toBe(422)
    expect(foreign.body.error.fields).toHaveProperty(['steps.0.id'])
  })

  it('retires a track out of newcomers’ sight and restores it', async () => {
    const made = (await create({ roleId: 'finance', title: { ru: 'Старый', en: 'Old' } }, 'admin'))
      .body as Track
    expect((await patch(made.id, { version: 1, retired: true }, 'admin')).status).toBe(200)
    const live = (await api('/onboarding/tracks', { as: 'viewer' })).body.tracks as Track[]
    expect(live.some((t) => t.id === made.id)).toBe(false)
    const all = (await api('/onboarding/tracks?retired=include')).body.tracks as Track[]
    expect(all.find((t) => t.id === made.id)?.retired).toBe(true)
    const me = (await api('/onboarding/me', { as: 'member' })).body
    expect(me.tracks.some((t: Track) => t.id === made.id)).toBe(false)
    const back = await patch(made.id, { version: 2, retired: false })
    expect(back.body).toMatchObject({ retired: false, version: 3 })
  })
})

describe('mentors', () => {
  it('lets a lead give a newcomer of their team a mentor, shown on the newcomer’s page', async () => {
    const res = await api('/onboarding/mentors/t-member', {
      method: 'PUT',
      as: 'lead',
      json: { mentorId: 't-lead', startedOn: '2026-11-02', version: 0 },
    })
    expect(res.status).toBe(200)
    expect(res.body).toMatchObject({
      memberId: 't-member',
      mentorId: 't-lead',
      startedOn: '2026-11-02',
      version: 1,
    })
    const me = (await api('/onboarding/me', { as: 'member' })).body
    expect(me.mentor).toEqual({ id: 't-lead', name: 'Тест Лид' })
    const dated = me.tracks.flatMap((t: Track) => t.items).find((s: Step) => s.dueDays === 2)
    // Started Monday 2 November (Moscow): due at the end of the second working day, Tuesday 18:00.
    expect(dated.dueAt).toBe('2026-11-03T15:00:00.000Z')
    const again = await api('/onboarding/mentors/t-member', {
      method: 'PUT',
      as: 'lead',
      json: { mentorId: 't-lead', version: 0 },
    })
    expect(again.status).toBe(409)
    const list = await api('/onboarding/mentors', { as: 'lead' })
    expect(list.body.mentors).toHaveLength(1)
    expect((await api('/onboarding/mentors', { as: 'member' })).status).toBe(403)
  })

  it('keeps a lead to their own team and refuses a newcomer mentoring themselves', async () => {
    const outsider = await api('/members', {
      method: 'POST',
      json: { name: 'Чужой Новичок', email: 'outsider.newcomer@board.test', grade: 'junior' },
    })
    const id = outsider.body.id as string
    const json = { mentorId: 't-member', version: 0 }
    const refused = await api(`/onboarding/mentors/${id}`, { method: 'PUT', as: 'lead', json })
    expect(refused.status).toBe(403)
    const self = await api(`/onboarding/mentors/${id}`, {
      method: 'PUT',
      json: { mentorId: id, version: 0 },
    })
    expect(self.status).toBe(422)
    expect(self.body.error.fields).toHaveProperty('mentorId')
    expect((await api(`/onboarding/mentors/${id}`, { method: 'PUT', json })).status).toBe(200)
    expect((await api(`/onboarding/mentors/${id}`, { method: 'DELETE' })).status).toBe(204)
    expect((await api(`/onboarding/mentors/${id}`, { method: 'DELETE' })).status).toBe(404)
  })
})
