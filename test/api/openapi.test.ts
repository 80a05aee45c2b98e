import { exports } from 'cloudflare:workers'
import { describe, expect, it } from 'vitest'
import { POLICY } from '../../schema/access'
import { ROUTE_ACCESS } from '../../worker/route-access'
import { TEST_PASSWORD } from '../setup/accounts'
import { servedDocument, type Operation } from './contract/documented'
import { api } from './helpers'

/** Every value in the document, with the JSON path to it. */
function* nodes(value: unknown, at = '#'): Generator<[string, Record<string, unknown>]> {
  if (typeof value !== 'object' || value === null) return
  if (!Array.isArray(value)) yield [at, value as Record<string, unknown>]
  for (const [key, child] of Object.entries(value)) yield* nodes(child, `${at}/${key}`)
}

describe('the OpenAPI document', () => {
  it('writes every nullable reference so that it accepts null', async () => {
    const doc = await servedDocument()
    // A branch of allOf that allows null cannot make the whole accept it.
    const allowsNull = (part: unknown) => {
      const type = (part as { type?: unknown }).type
      return type === 'null' || (Array.isArray(type) && type.includes('null'))
    }
    const nullInAllOf = [...nodes(doc)]
      .filter(([, node]) => Array.isArray(node.allOf) && node.allOf.some(allowsNull))
      .map(([at]) => at)
    expect(nullInAllOf).toEqual([])
    expect(doc.components.schemas.StageGuide).toMatchObject({
      properties: {
        instruction: { anyOf: [{ $ref: '#/components/schemas/Article' }, { type: 'null' }] },
      },
    })
  })

  it('builds each component from its own schema, not from a nullable use of it', async () => {
    const doc = await servedDocument()
    const schemas = doc.components.schemas as Record<string, { type?: unknown; enum?: unknown[] }>
    const takingNull = Object.entries(schemas)
      .filter(
        ([, s]) => (Array.isArray(s.type) && s.type.includes('null')) || s.enum?.includes(null),
      )
      .map(([name]) => name)
    expect(takingNull).toEqual([])
    // The nullable use keeps its null: a client is not rated until someone rates it.
    const kam = doc.paths['/api/clients/{id}/kam']?.get as Operation
    expect(JSON.stringify(kam.responses)).toContain(
      '"kam":{"anyOf":[{"$ref":"#/components/schemas/KamAssessment"},{"type":"null"}]}',
    )
  })

  it('names each operation once, and says which need no caller', async () => {
    const doc = await servedDocument()
    const ops = operations(doc)
    const ids = ops.map(([, , op]) => op.operationId)
    expect(ids.filter((id) => !id)).toEqual([])
    expect(new Set(ids).size).toBe(ids.length)
    const open = ops.filter(([, , op]) => op.security?.length === 0).map(([key]) => key)
    expect(open.sort()).toEqual(['GET /api/health', 'POST /api/auth/login'])
    expect(doc.servers).toEqual([expect.objectContaining({ url: '/' })])
    expect(doc.info).toMatchObject({ license: { name: expect.any(String) } })
  })

  it('documents 400, 401, 403, 415 and 422 wherever the middleware can give them', async () => {
    const doc = await servedDocument()
    const missing: string[] = []
    for (const [key, method, op] of operations(doc)) {
      const rule = ROUTE_ACCESS[key.replaceAll(/\{(\w+)\}/g, ':$1')]
      const expected = [
        ...(op.requestBody ? ['400', '415', '422'] : []),
        ...(op.parameters?.length ? ['422'] : []),
        ...(rule !== 'public' ? ['401'] : []),
        ...(rule !== 'public' && rule && POLICY[rule].length < 4 ? ['403'] : []),
        ...(rule !== 'public' && method !== 'get' ? ['403'] : []),
      ]
      for (const status of expected) if (!op.responses[status]) missing.push(`${key} ${status}`)
    }
    expect(missing).toEqual([])
  })

  it('names the session cookie as it is set over HTTPS and over plain HTTP', async () => {
    const doc = await servedDocument()
    const cookieNames = Object.values(
      doc.components.securitySchemes as Record<string, { in?: string; name?: string }>,
    )
      .filter((scheme) => scheme.in === 'cookie')
      .map((scheme) => scheme.name)
    for (const origin of ['https://board.test', 'http://board.test']) {
      const res = await exports.default.fetch(`${origin}/api/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', origin },
        body: JSON.stringify({ email: 'viewer@board.test', password: TEST_PASSWORD }),
      })
      expect(res.status).toBe(200)
      const name = res.headers.get('set-cookie')?.split('=')[0]
      expect(cookieNames).toContain(name)
    }
  })
})

describe('a method a path does not take', () => {
  it('gets 405 with the methods it does take, and an unknown path still 404', async () => {
    const wrong = await api('/clients', { method: 'DELETE' })
    expect(wrong.status).toBe(405)
    expect(wrong.headers.get('allow')?.split(', ').sort()).toEqual(['GET', 'HEAD', 'POST'])
    expect(wrong.body.error.code).toBe('method_not_allowed')
    const byId = await api('/clients/some-id', { method: 'PUT', as: 'anonymous' })
    expect(byId.status).toBe(405)
    expect(byId.headers.get('allow')?.split(', ').sort()).toEqual(['GET', 'HEAD', 'PATCH'])
    expect((await api('/no-such-thing', { method: 'DELETE' })).status).toBe(404)
  })
})

/** Every operation as `METHOD /path`, its method and the operation. */
function operations(doc: { paths: Record<string, Record<string, Operation>> }) {
  return Object.entries(doc.paths).flatMap(([path, ops]) =>
    Object.entries(ops).map(
      ([method, op]) => [`${method.toUpperCase()} ${path}`, method, op] as const,
    ),
  )
}
