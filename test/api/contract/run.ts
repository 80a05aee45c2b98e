import fc from 'fast-check'
import { beforeAll, describe, expect, it } from 'vitest'
import type { AccessRole } from '../../../schema/access'
import { TEST_PASSWORD } from '../../setup/accounts'
import { createClient, fetchWorker, signIn } from '../helpers'
import { mutations, valid as validValues } from './arbitraries'
import { schemaCheck, servedDocument, type Operation } from './documented'
import { invalidParameterValues, urlOf, validRequests, type ContractRequest } from './requests'

/** Requests per operation: valid ones, then ones the document says are invalid. */
const VALID = 8
const INVALID = 6

/** The document the Worker serves: the run follows whatever operations it lists today. */
const doc = await servedDocument()

/** The test accounts' users stay as they are, so the run keeps its callers. */
const PROTECTED = new Set(['u-admin', 'u-lead', 'u-member', 'u-viewer'])

/** Every operation, reads before writes so that ids seen in answers feed later requests. */
const ORDER = ['get', 'post', 'patch', 'put', 'delete']
const operations = Object.entries(doc.paths)
  .flatMap(([path, ops]) => Object.entries(ops).map(([method, op]) => ({ path, method, op })))
  .sort(
    (a, b) =>
      ORDER.indexOf(a.method) - ORDER.indexOf(b.method) ||
      a.path.split('{').length - b.path.split('{').length ||
      a.path.localeCompare(b.path),
  )

const cookies = new Map<AccessRole, string>()
async function cookieFor(role: AccessRole, fresh = false) {
  let cookie = cookies.get(role)
  if (!cookie || fresh) {
    cookie = await signIn(`${role}@board.test`, TEST_PASSWORD)
    cookies.set(role, cookie)
  }
  return cookie
}

type Answer = { $ref?: string; content?: Record<string, { schema: object }> }

/** The documented answer for a status, through a `#/components/responses/…` reference. */
function documented(op: Operation, status: number): Answer | undefined {
  const answer = op.responses[String(status)] as Answer | undefined
  if (!answer?.$ref) return answer
  const responses = doc.components.responses as Record<string, Answer>
  return responses[answer.$ref.replace('#/components/responses/', '')]
}

async function send(method: string, req: ContractRequest, retry = true): Promise<Response> {
  const headers = new Headers()
  if (req.as !== 'anonymous') headers.set('cookie', await cookieFor(req.as))
  // Sign-in attempts come from many addresses, so the run never locks out its own callers.
  headers.set('cf-connecting-ip', `10.0.${Math.floor(Math.random() * 250)}.1`)
  let body: string | undefined
  if (req.body && 'json' in req.body) {
    headers.set('content-type', 'application/json')
    body = JSON.stringify(req.body.json)
  } else if (req.body) {
    headers.set('content-type', req.body.type)
    body = req.body.raw
  }
  const res = await fetchWorker(urlOf(req), { method, headers, body })
  // A run may sign out or revoke its own session (logout, DELETE /sessions/:id): sign in again.
  if (res.status === 401 && req.as !== 'anonymous' && retry) {
    await cookieFor(req.as, true)
    return send(method, req, false)
  }
  return res
}

/** What is wrong with an answer, by the document: nothing when it keeps the contract. */
async function breaches(method: string, op: Operation, req: ContractRequest, res: Response) {
  const text = await res.text()
  const breach = (problem: string) => [
    `${res.status} ${problem} — ${method.toUpperCase()} ${urlOf(req).slice(0, 160)} as ${req.as}`,
  ]
  if (res.status >= 500) return breach(`server error: ${text.slice(0, 200)}`)
  if (req.invalid && res.status < 300) return breach('accepted an invalid request')
  const answer = documented(op, res.status)
  if (!answer) return breach('is not a documented status')
  // A documented CSV answer (reports' `format=csv`) is text, not JSON.
  const type = res.headers.get('content-type') ?? ''
  if (type.startsWith('text/csv')) {
    return answer.content?.['text/csv'] ? [] : breach('undocumented CSV answer')
  }
  const schema = answer.content?.['application/json']?.schema
  if (!schema) return text === '' ? [] : breach(`undocumented body ${text.slice(0, 200)}`)
  let json: unknown
  try {
    json = JSON.parse(text)
  } catch {
    return breach(`not JSON: ${text.slice(0, 200)}`)
  }
  const errors = schemaCheck(doc, schema)(json)
  return errors.length === 0
    ? []
    : breach(`body off its schema: ${JSON.stringify(errors.slice(0, 3))} in ${text.slice(0, 300)}`)
}

/** Strings that look like ids in an answer, kept to address resources in later requests. */
function harvest(value: unknown, into: Set<string>) {
  if (Array.isArray(value)) for (const v of value) harvest(v, into)
  else if (typeof value === 'object' && value !== null) {
    for (const [key, v] of Object.entries(value)) {
      if (key === 'id' && typeof v === 'string' && !PROTECTED.has(v)) into.add(v)
      else harvest(v, into)
    }
  }
}

/** The invalid variants of some valid requests: a broken body or parameter the document refuses. */
function invalidRequests(op: Operation, samples: ContractRequest[]): ContractRequest[] {
  const schema = op.requestBody?.content['application/json']?.schema
  const out: ContractRequest[] = []
  for (const req of samples) {
    if (schema && req.body && 'json' in req.body) {
      const check = schemaCheck(doc, schema)
      for (const json of mutations(doc, schema as object, req.body.json)) {
        if (check(json).length) out.push({ ...req, body: { json }, invalid: true })
      }
    }
    for (const p of op.parameters ?? []) {
      const where = p.in === 'path' ? 'params' : 'query'
      for (const value of invalidParameterValues(p.schema as Record<string, unknown>)) {
        out.push({ ...req, [where]: { ...req[where], [p.name]: value }, invalid: true })
      }
    }
  }
  const size = Math.min(out.length, INVALID)
  return fc.sample(fc.shuffledSubarray(out, { minLength: size, maxLength: size }), 1)[0] ?? []
}

/**
 * Sends valid and invalid requests, generated from the document's schemas, to every operation
 * of one part of the document, through the real Worker and D1, and checks each answer against
 * the document: never a 5xx, never an undocumented status, every body as its schema says.
 */
export function contractSuite(part: number, parts: number) {
  const mine = operations.filter((_, i) => i % parts === part - 1)
  const ids = new Set<string>(['kickoff', 'contract-signed', 'account_manager'])

  describe(`the API keeps its contract (part ${part} of ${parts})`, () => {
    // A board with cards on it: filters and searches then run over rows, not an empty table.
    beforeAll(async () => {
      for (const stage of ['inbound-lead', 'kickoff', 'contract-draft']) {
        ids.add((await createClient(stage)).id)
      }
    })

    it.each(mine.map((o) => [`${o.method.toUpperCase()} ${o.path}`, o] as const))(
      '%s',
      async (_, { path, method, op }) => {
        const seed = Date.now() ^ (part * 7919)
        const valid = fc.sample(validRequests(doc, path, op, [...ids]), { numRuns: VALID, seed })
        const first = valid[0]
        const extra: ContractRequest[] = []
        if (first && op.security?.length !== 0) extra.push({ ...first, as: 'anonymous' })
        if (first?.body) {
          extra.push({
            ...first,
            body: { raw: '{"broken": ', type: 'application/json' },
            invalid: true,
          })
          extra.push({ ...first, body: { raw: 'name=x', type: 'text/plain' }, invalid: true })
        }
        // Each query parameter alone too: combined filters rarely match a row, a single one does.
        for (const p of first ? (op.parameters ?? []).filter((p) => p.in === 'query') : []) {
          const values = fc.sample(validValues(doc, p.schema as object, [...ids]), {
            numRuns: 2,
            seed,
          })
          for (const value of values)
            if (first) extra.push({ ...first, query: { [p.name]: value } })
        }
        const found: string[] = []
        for (const req of [...valid, ...extra, ...invalidRequests(op, valid)]) {
          const res = await send(method, req)
          if (res.status < 300 && res.headers.get('content-type')?.includes('json')) {
            harvest(await res.clone().json(), ids)
          }
          found.push(...(await breaches(method, op, req, res)))
        }
        expect(found, `seed ${seed}`).toEqual([])
      },
      30_000,
    )
  })
}
