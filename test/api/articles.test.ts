import { beforeAll, describe, expect, it } from 'vitest'
import { api, type Caller } from './helpers'
import { withoutShippedRegulations } from './shipped-knowledge'

const write = (json: Record<string, unknown>, as: Caller = 'admin') =>
  api('/articles', { method: 'POST', as, json: { lang: 'ru', title: 'Статья', ...json } })

const patch = (id: string, json: Record<string, unknown>, as: Caller = 'admin') =>
  api(`/articles/${id}`, { method: 'PATCH', as, json })

describe('articles', () => {
  beforeAll(withoutShippedRegulations)

  it('creates an article linked to stages and roles, and serves its body as safe HTML', async () => {
    const res = await write({
      kind: 'instruction',
      title: 'Стартовая встреча: регламент',
      body: '# Что делать\n\n- **Аккаунт** ведёт встречу\n- [Шаблон](https://example.com/t)\n\n<script>alert(1)</script>',
      tags: ['kickoff', ' встреча ', 'kickoff'],
      stageIds: ['kickoff'],
      roleIds: ['account_manager', 'product'],
    })
    expect(res.status).toBe(201)
    expect(res.body).toMatchObject({
      lang: 'ru',
      kind: 'instruction',
      stageIds: ['kickoff'],
      roleIds: ['account_manager', 'product'],
      tags: ['kickoff', 'встреча'],
      translationOf: null,
      overdueReview: false,
      archived: false,
      authorId: 'u-admin',
      authorName: 'Admin',
      version: 1,
    })
    const reviewed = Date.parse(res.body.reviewedAt)
    expect(Date.parse(res.body.reviewDue) - reviewed).toBeGreaterThanOrEqual(365 * 86_400_000)
    const got = await api(`/articles/${res.body.id}`, { as: 'viewer' })
    expect(got.status).toBe(200)
    expect(got.body.html).toContain('<h1>Что делать</h1>')
    expect(got.body.html).toContain('<strong>Аккаунт</strong>')
    expect(got.body.html).toContain(
      '<a href="https://example.com/t" rel="nofollow noopener noreferrer">',
    )
    expect(got.body.html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;')
    expect(got.body.html).not.toContain('<script>')
  })

  it('lists with filters by stage, role, kind and language', async () => {
    const a = await write({ title: 'Фильтр А', stageIds: ['pilot'], roleIds: ['bizdev'] })
    const b = await write({ kind: 'instruction', title: 'Фильтр Б', stageIds: ['pilot'] })
    const c = await write({ lang: 'en', title: 'Filter C', roleIds: ['bizdev'] })
    const ids = async (query: string) =>
      (await api(`/articles?${query}`, { as: 'viewer' })).body.articles.map(
        (x: { id: string }) => x.id,
      )
    expect(await ids('stageId=pilot')).toEqual(expect.arrayContaining([a.body.id, b.body.id]))
    expect(await ids('stageId=pilot')).not.toContain(c.body.id)
    expect(await ids('roleId=bizdev')).toEqual(expect.arrayContaining([a.body.id, c.body.id]))
    expect(await ids('stageId=pilot&kind=instruction')).toEqual([b.body.id])
    expect(await ids('roleId=bizdev&lang=en')).toEqual([c.body.id])
    const listed = (await api('/articles?stageId=pilot')).body.articles[0]
    expect(Object.keys(listed).sort()).toEqual(
      [
        'archived',
        'id',
        'kind',
        'lang',
        'overdueReview',
        'reviewDue',
        'reviewedAt',
        'roleIds',
        'stageIds',
        'tags',
        'title',
        'translationOf',
        'updatedAt',
      ].sort(),
    )
  })

  it('refuses links to stages and roles that do not exist, naming the field', async () => {
    const stage = await write({ stageIds: ['kickoff', 'no-such-stage'] })
    expect(stage.status).toBe(422)
    expect(stage.body.error.fields.stageIds[0]).toContain('no-such-stage')
    const role = await write({ roleIds: ['wizard'] })
    expect(role.status).toBe(422)
    expect(role.body.error.fields.roleIds).toBeDefined()
    const long = await write({ body: 'x'.repeat(50_001) })
    expect(long.status).toBe(422)
    expect(long.body.error.fields.body).toBeDefined()
    expect((await write({ kind: 'memo' })).status).toBe(422)
    expect((await write({ author: 'u-lead' })).status).toBe(422)
    expect((await write({ lang: 'de' })).body.error.fields.lang).toBeDefined()
    const { body: ok } = await write({ title: 'Проверка' })
    expect((await patch(ok.id, { version: 1, reviewed: false })).status).toBe(422)
    expect((await patch(ok.id, { version: 1, lang: 'en' })).status).toBe(422)
    expect((await patch(ok.id, { title: 'Без версии' })).body.error.fields.version).toBeDefined()
    expect((await api('/articles/nope')).status).toBe(404)
  })

  it('keeps translations together, one per language', async () => {
    const ru = await write({ title: 'Передача клиента' })
    const en = await write({ lang: 'en', title: 'Client handoff', translationOf: ru.body.id })
    expect(en.status).toBe(201)
    expect(en.body.translationOf).toBe(ru.body.id)
    expect(en.body.translations).toEqual([
      { id: ru.body.id, lang: 'ru', title: 'Передача клиента' },
    ])
    expect((await api(`/articles/${ru.body.id}`)).body.translations).toEqual([
      { id: en.body.id, lang: 'en', title: 'Client handoff' },
    ])
    const twice = await write({ lang: 'en', title: 'Again', translationOf: ru.body.id })
    expect(twice.status).toBe(409)
    expect(twice.body.error.code).toBe('translation_exists')
    const sameLang = await write({ title: 'Снова', translationOf: ru.body.id })
    expect(sameLang.status).toBe(422)
    const ofTranslation = await write({ title: 'Цепочка', translationOf: en.body.id })
    expect(ofTranslation.status).toBe(422)
    expect(ofTranslation.body.error.fields.translationOf).toBeDefined()
  })

  it('needs the right to edit the original to attach a translation, and lets its editors detach one', async () => {
    const regulation = await write({ kind: 'instruction', title: 'Регламент передачи' })
    expect(regulation.status).toBe(201)
    // A member may write articles but not regulations: no translation of one either.
    const squat = await write(
      { lang: 'en', title: 'Not the real one', translationOf: regulation.body.id },
      'member',
    )
    expect(squat.status).toBe(403)
    expect((await api(`/articles/${regulation.body.id}`)).body.translations).toEqual([])

    // A member's translation of a member's article, wrong all the same: the lead detaches it.
    const article = await write({ title: 'Памятка' }, 'member')
    const wrong = await write(
      { lang: 'en', title: 'Something else', translationOf: article.body.id },
      'member',
    )
    expect(wrong.status).toBe(201)
    const detached = await patch(wrong.body.id, { version: 1, translationOf: null }, 'lead')
    expect(detached.status).toBe(200)
    expect(detached.body.translationOf).toBeNull()
    expect((await api(`/articles/${article.body.id}`)).body.translations).toEqual([])
    const history = (await api(`/articles/${wrong.body.id}/history`)).body.revisions
    expect(history[0].fields).toEqual(['translationOf'])

    // A member cannot detach a translation from a regulation.
    const real = await write({
      lang: 'en',
      title: 'Handoff rules',
      translationOf: regulation.body.id,
    })
    expect(real.status).toBe(201)
    const refused = await patch(real.body.id, { version: 1, translationOf: null }, 'member')
    expect(refused.status).toBe(403)
    expect((await api(`/articles/${regulation.body.id}`)).body.translations).toHaveLength(1)
  })
})

describe('editing articles', () => {
  it('writes who changed what into the history, with the replaced title and body', async () => {
    const created = await write({
      title: 'Черновик',
      body: 'строка 1\nстрока 2',
      stageIds: ['kickoff'],
    })
    const id = created.body.id
    const edited = await patch(
      id,
      { version: 1, title: 'Регламент', body: 'строка 1\nстрока 3\nстрока 4', stageIds: ['pilot'] },
      'lead',
    )
    expect(edited.status).toBe(200)
    expect(edited.body).toMatchObject({ title: 'Регламент', version: 2, stageIds: ['pilot'] })
    const history = await api(`/articles/${id}/history`, { as: 'viewer' })
    expect(history.status).toBe(200)
    expect(history.body.revisions).toHaveLength(2)
    expect(history.body.revisions[0]).toMatchObject({
      version: 2,
      kind: 'edited',
      actorId: 'u-lead',
      actorName: 'Lead',
      fields: ['title', 'body', 'stageIds'],
      summary: 'title; body +2 −1 lines; stages +pilot −kickoff',
      previous: { title: 'Черновик', body: 'строка 1\nстрока 2' },
    })
    expect(history.body.revisions[1]).toMatchObject({
      version: 1,
      kind: 'created',
      actorId: 'u-admin',
    })
  })

  it('refuses a stale version and changes nothing', async () => {
    const { body: article } = await write({ title: 'Версии' })
    expect((await patch(article.id, { version: 1, title: 'Первая правка' })).status).toBe(200)
    const stale = await patch(article.id, {
      version: 1,
      title: 'Вторая правка',
      stageIds: ['pilot'],
    })
    expect(stale.status).toBe(409)
    expect(stale.body.error.code).toBe('version_conflict')
    expect(stale.body.current).toMatchObject({ title: 'Первая правка', version: 2 })
    const now = (await api(`/articles/${article.id}`)).body
    expect(now).toMatchObject({ title: 'Первая правка', stageIds: [], version: 2 })
    expect((await api(`/articles/${article.id}/history`)).body.revisions).toHaveLength(2)
  })

  it('leaves no trace for a save that changes nothing', async () => {
    const { body: article } = await write({ title: 'Без изменений', tags: ['a'] })
    const same = await patch(article.id, { version: 1, title: 'Без изменений', tags: ['a'] })
    expect(same.status).toBe(200)
    expect(same.body.version).toBe(1)
    expect((await api(`/articles/${article.id}/history`)).body.revisions).toHaveLength(1)
  })

  it('archives and restores through PATCH, and a review restarts the yearly clock', async () => {
    const { body: article } = await write({ title: 'Архивная статья', stageIds: ['decision'] })
    const archived = await patch(article.id, { version: 1, archived: true })
    expect(archived.body.archived).toBe(true)
    const live = (await api('/articles?stageId=decision')).body.articles.map(
      (a: { id: string }) => a.id,
    )
    expect(live).not.toContain(article.id)
    const old = (await api('/articles?stageId=decision&archived=true')).body.articles
    expect(old.map((a: { id: string }) => a.id)).toContain(article.id)
    const restored = await patch(article.id, { version: 2, archived: false, reviewed: true })
    expect(restored.body).toMatchObject({ archived: false, version: 3 })
    expect(Date.parse(restored.body.reviewedAt)).toBeGreaterThanOrEqual(
      Date.parse(article.reviewedAt),
    )
    const history = (await api(`/articles/${article.id}/history`)).body.revisions
    expect(history.map((r: { summary: string }) => r.summary)).toEqual([
      'restored; reviewed',
      'archived',
      'created',
    ])
  })
})

describe('who may write', () => {
  it('lets a viewer read but never write', async () => {
    const { body: article } = await write({ title: 'Только чтение' })
    expect((await api(`/articles/${article.id}`, { as: 'viewer' })).status).toBe(200)
    const create = await write({ title: 'Нельзя' }, 'viewer')
    expect(create.status).toBe(403)
    expect(create.body.error.code).toBe('forbidden')
    expect((await patch(article.id, { version: 1, title: 'Нельзя' }, 'viewer')).status).toBe(403)
    expect((await api(`/articles/${article.id}`)).body.version).toBe(1)
  })

  it('lets a member write articles but keeps regulations for leads and admins', async () => {
    const mine = await write({ title: 'Заметка аккаунта' }, 'member')
    expect(mine.status).toBe(201)
    expect(mine.body.authorId).toBe('u-member')
    expect((await patch(mine.body.id, { version: 1, body: 'ещё' }, 'member')).status).toBe(200)
    expect((await write({ kind: 'instruction', title: 'Регламент' }, 'member')).status).toBe(403)
    const promote = await patch(mine.body.id, { version: 2, kind: 'instruction' }, 'member')
    expect(promote.status).toBe(403)
    const rule = await write({ kind: 'instruction', title: 'Регламент лида' }, 'lead')
    expect(rule.status).toBe(201)
    expect((await patch(rule.body.id, { version: 1, body: 'правка' }, 'member')).status).toBe(403)
    expect((await patch(rule.body.id, { version: 1, body: 'правка' }, 'lead')).status).toBe(200)
  })
})
