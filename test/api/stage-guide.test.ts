import { beforeAll, describe, expect, it } from 'vitest'
import { documentedBody, schemaCheck, servedDocument } from './contract/documented'
import { api } from './helpers'
import { withoutShippedRegulations } from './shipped-knowledge'

const write = async (json: Record<string, unknown>) => {
  const res = await api('/articles', { method: 'POST', json: { lang: 'ru', ...json } })
  expect(res.status).toBe(201)
  return res.body.id as string
}

const guide = (stageId: string, query = '') =>
  api(`/stages/${stageId}/guide${query}`, { as: 'viewer' })

describe('the stage guide: "what do I do here"', () => {
  const id: Record<string, string> = {}
  beforeAll(async () => {
    await withoutShippedRegulations()
    // Kickoff: owner and communicator account_manager, support product.
    id.regulation = await write({
      kind: 'instruction',
      title: 'Стартовая встреча — регламент',
      body: '**Аккаунт** ведёт встречу, **продакт** помогает.',
      stageIds: ['kickoff'],
      roleIds: ['account_manager', 'product'],
    })
    id.regulationEn = await write({
      lang: 'en',
      kind: 'instruction',
      title: 'Kickoff — regulation',
      body: 'The **account manager** runs the meeting.',
      stageIds: ['kickoff'],
      roleIds: ['account_manager', 'product'],
      translationOf: id.regulation,
    })
    id.general = await write({
      kind: 'instruction',
      title: 'Общие правила встреч',
      stageIds: ['kickoff'],
    })
    id.forAm = await write({
      title: 'Шаблон протокола',
      stageIds: ['kickoff'],
      roleIds: ['account_manager'],
    })
    id.other = await write({ title: 'Алфавит: заметка', stageIds: ['kickoff'] })
    id.elsewhere = await write({ kind: 'instruction', title: 'Пилот', stageIds: ['pilot'] })
    const archived = await write({
      kind: 'instruction',
      title: 'Старый регламент',
      stageIds: ['kickoff'],
      roleIds: ['account_manager'],
    })
    await api(`/articles/${archived}`, { method: 'PATCH', json: { version: 1, archived: true } })
  })

  it("puts the role's instruction first, with its rendered body", async () => {
    const res = await guide('kickoff', '?roleId=account_manager')
    expect(res.status).toBe(200)
    expect(res.body).toMatchObject({
      stageId: 'kickoff',
      roleId: 'account_manager',
      lang: 'ru',
      forRole: true,
    })
    expect(res.body.instruction).toMatchObject({ id: id.regulation, kind: 'instruction' })
    expect(res.body.instruction.html).toContain('<strong>Аккаунт</strong>')
    // Other instructions first, then the role's articles, then the rest.
    expect(res.body.articles.map((a: { id: string }) => a.id)).toEqual([
      id.general,
      id.forAm,
      id.other,
    ])
  })

  it('offers the stage regulation in the asked language', async () => {
    const res = await guide('kickoff', '?roleId=product&lang=en')
    expect(res.body.instruction.id).toBe(id.regulationEn)
    expect(res.body.instruction.html).toContain('<strong>account manager</strong>')
    // Texts with no English version still come, in Russian.
    expect(res.body.articles.map((a: { id: string }) => a.id)).toContain(id.general)
    expect(res.body.articles.map((a: { id: string }) => a.id)).not.toContain(id.regulation)
  })

  it("falls back to the stage's general instruction for a role it does not name", async () => {
    const res = await guide('kickoff', '?roleId=finance')
    expect(res.body).toMatchObject({ forRole: false, roleId: 'finance' })
    expect(res.body.instruction.id).toBe(id.general)
    const anyone = await guide('kickoff')
    expect(anyone.body.roleId).toBeNull()
    expect(anyone.body.instruction.id).toBe(id.general)
  })

  it('answers an empty guide for a stage with nothing written, and errors for bad ids', async () => {
    const empty = await guide('referral', '?roleId=sales')
    expect(empty.body).toMatchObject({ instruction: null, forRole: false, articles: [] })
    expect((await guide('no-such-stage')).status).toBe(404)
    const role = await guide('kickoff', '?roleId=wizard')
    expect(role.status).toBe(422)
    expect(role.body.error.fields.roleId).toBeDefined()
    expect((await guide('kickoff', '?lang=de')).status).toBe(422)
  })

  it('answers as its OpenAPI schema says, with or without an instruction', async () => {
    const doc = await servedDocument()
    const schema = documentedBody(doc, '/api/stages/{id}/guide', 'get', 200)
    if (!schema) throw new Error('the guide has no documented 200')
    const check = schemaCheck(doc, schema)
    const empty = await guide('referral', '?roleId=sales')
    expect(empty.body.instruction).toBeNull()
    expect(check(empty.body)).toEqual([])
    const written = await guide('kickoff', '?roleId=account_manager')
    expect(written.body.instruction).not.toBeNull()
    expect(check(written.body)).toEqual([])
    expect(check({ ...written.body, instruction: 'none' })).not.toEqual([])
  })
})
