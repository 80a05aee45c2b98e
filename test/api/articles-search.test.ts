import { beforeAll, describe, expect, it } from 'vitest'
import { api } from './helpers'
import { withoutShippedRegulations } from './shipped-knowledge'

interface Hit {
  id: string
  title: string
  snippet?: string
}

const search = async (q: string, extra = '') => {
  const res = await api(`/articles?q=${encodeURIComponent(q)}${extra}`, { as: 'viewer' })
  expect(res.status).toBe(200)
  return res.body.articles as Hit[]
}

const ids = (hits: Hit[]) => hits.map((h) => h.id)

const write = async (json: Record<string, unknown>) => {
  const res = await api('/articles', { method: 'POST', json: { lang: 'ru', ...json } })
  expect(res.status).toBe(201)
  return res.body.id as string
}

describe('full-text search in Russian and English', () => {
  const id: Record<string, string> = {}
  beforeAll(async () => {
    await withoutShippedRegulations()
    id.contract = await write({
      title: 'Договор с клиентом',
      body: 'Юрист готовит **договор**; аккаунт сверяет реквизиты.',
    })
    id.invoice = await write({
      title: 'Счёт и оплата',
      body: 'После подписания договора финансы выставляют счёт. Оплата приходит в течение недели.',
    })
    id.handoff = await write({
      lang: 'en',
      title: 'The sales to account handoff',
      body: 'Sales hands over contacts, promises and risks. The account manager confirms the handoff.',
      tags: ['handoff'],
    })
    id.feedback = await write({
      lang: 'en',
      title: 'Asking for feedback',
      body: 'Ask in writing about two weeks after delivery. Use [the form](https://example.com/nps).',
    })
    id.hostile = await write({
      title: 'Опасный текст',
      body: 'Пример: <script>alert("уязвимость")</script> не выполняется.',
    })
  })

  it('matches Cyrillic without regard to case', async () => {
    expect(ids(await search('договор'))).toEqual(expect.arrayContaining([id.contract, id.invoice]))
    expect(ids(await search('Договор'))).toEqual(ids(await search('договор')))
    expect(ids(await search('ДОГОВОР'))).toEqual(ids(await search('договор')))
  })

  it('finds partial words as prefixes, in both languages', async () => {
    expect(ids(await search('догов'))).toEqual(expect.arrayContaining([id.contract, id.invoice]))
    expect(ids(await search('подписан'))).toEqual([id.invoice])
    expect(ids(await search('hand'))).toEqual([id.handoff])
    expect(ids(await search('Feedb writ'))).toEqual([id.feedback])
  })

  it('finds other forms of a word by its stem, in both languages', async () => {
    expect(ids(await search('договорами'))).toEqual(
      expect.arrayContaining([id.contract, id.invoice]),
    )
    expect(ids(await search('оплаты'))).toEqual([id.invoice])
    expect(ids(await search('confirming handoffs'))).toEqual([id.handoff])
    const [hit] = await search('договорами юриста')
    expect(hit?.snippet).toContain('<mark>')
  })

  it('treats ё and е as the same letter', async () => {
    expect(ids(await search('счет'))).toEqual([id.invoice])
    expect(ids(await search('счёт'))).toEqual([id.invoice])
  })

  it('ranks a title match above a passing mention', async () => {
    const hits = await search('договор')
    expect(hits[0]?.id).toBe(id.contract)
  })

  it('needs every word to match', async () => {
    expect(ids(await search('договор оплата'))).toEqual([id.invoice])
    expect(await search('договор handoff')).toEqual([])
  })

  it('returns snippets with the matches marked, and nothing else as markup', async () => {
    const [hit] = await search('реквизиты')
    expect(hit?.snippet).toContain('<mark>реквизиты</mark>')
    const [hostile] = await search('уязвимость')
    expect(hostile?.id).toBe(id.hostile)
    expect(hostile?.snippet).toContain('&lt;script&gt;')
    expect(hostile?.snippet).toContain('<mark>уязвимость</mark>')
    expect(hostile?.snippet?.replace(/<\/?mark>/g, '')).not.toMatch(/[<>]/)
  })

  it('indexes what a reader sees, not link targets or markup', async () => {
    expect(await search('example')).toEqual([])
    expect(ids(await search('**договор**'))).toContain(id.contract)
  })

  it('treats search syntax as plain words and never fails on odd input', async () => {
    for (const q of ['"', 'NEAR(a b)', 'title:договор', '*', 'a OR', '-договор', "'; DROP TABLE"]) {
      const res = await api(`/articles?q=${encodeURIComponent(q)}`)
      expect(res.status, q).toBe(200)
    }
    expect(await search('!!!')).toEqual([])
    expect(ids(await search('"договор*'))).toContain(id.contract)
  })

  it('follows edits and archiving', async () => {
    const fresh = await write({ title: 'Пересмотр', body: 'Старое слово абракадабра.' })
    expect(ids(await search('абракадабра'))).toEqual([fresh])
    await api(`/articles/${fresh}`, {
      method: 'PATCH',
      json: { version: 1, body: 'Новое слово сим-салабим.' },
    })
    expect(await search('абракадабра')).toEqual([])
    expect(ids(await search('салабим'))).toEqual([fresh])
    await api(`/articles/${fresh}`, { method: 'PATCH', json: { version: 2, archived: true } })
    expect(await search('салабим')).toEqual([])
    expect(ids(await search('салабим', '&archived=true'))).toEqual([fresh])
  })

  it('combines search with the filters', async () => {
    expect(ids(await search('account', '&lang=en'))).toEqual([id.handoff])
    expect(await search('account', '&lang=ru')).toEqual([])
  })
})
