import { env } from 'cloudflare:workers'
import { describe, expect, it } from 'vitest'
import { Params } from '../../worker/db/params'

describe('Params', () => {
  it('numbers placeholders in the order values are bound', () => {
    const p = new Params()
    expect([p.add('a'), p.add(2), p.list(['x'])]).toEqual([
      '?1',
      '?2',
      '(SELECT value FROM json_each(?3))',
    ])
    expect(p.values).toEqual(['a', 2, '["x"]'])
  })

  it('binds a list of 500 ids as one parameter, past D1’s limit of 100', async () => {
    const p = new Params()
    const ids = Array.from({ length: 500 }, (_, i) => `id-${i}`)
    const sql = `SELECT COUNT(*) AS n FROM json_each(${p.add('[1,2,3]')})
      WHERE ${p.add('id-7')} IN ${p.list(ids)} AND ${p.add('id-9')} IN ${p.list(ids)}`
    const row = await env.DB.prepare(sql)
      .bind(...p.values)
      .first<{ n: number }>()
    expect(row?.n).toBe(3)
  })
})
