import { describe, expect, it } from 'vitest'
import { api } from './helpers'

describe('GET /api/health', () => {
  it('answers ok', async () => {
    const res = await api('/health')
    expect(res.status).toBe(200)
    expect(res.body).toEqual({ ok: true })
  })
})
