import fc from 'fast-check'
import type { AccessRole } from '../../../schema/access'
import { valid, type KnownIds } from './arbitraries'
import type { OpenApiDoc, Operation, Parameter } from './documented'

/** One request of the contract run, before it is sent. */
export interface ContractRequest {
  /** The path template (`/api/clients/{id}`) and the values of its parameters. */
  template: string
  params: Record<string, unknown>
  query: Record<string, unknown>
  as: AccessRole | 'anonymous'
  /** A JSON value to send, or the raw text and content type of a broken body. */
  body?: { json: unknown } | { raw: string; type: string }
  /** The document says this request is invalid: it must not succeed. */
  invalid: boolean
}

/** Who calls: mostly the admin (who may do everything), sometimes the narrower roles. */
const CALLERS = fc.constantFrom<AccessRole>('admin', 'admin', 'admin', 'lead', 'member', 'viewer')

/** `.` and `..` are valid ids but no URL can carry them as a path segment. */
const addressable = (v: unknown) => v !== '.' && v !== '..'

const paramsIn = (op: Operation, where: Parameter['in']) =>
  (op.parameters ?? []).filter((p) => p.in === where)

/** The URL path and query of a request. */
export function urlOf(req: ContractRequest) {
  const path = req.template.replaceAll(/\{(\w+)\}/g, (_, name: string) =>
    encodeURIComponent(String(req.params[name])),
  )
  const entries = Object.entries(req.query).filter(([, v]) => v !== undefined)
  const query = new URLSearchParams(entries.map(([k, v]) => [k, String(v)]))
  return entries.length ? `${path}?${query}` : path
}

/** Requests the document says are valid: every parameter and the body from their schemas. */
export function validRequests(doc: OpenApiDoc, path: string, op: Operation, ids: KnownIds) {
  const record = (params: Parameter[]) =>
    fc.record(
      Object.fromEntries(
        params.map((p) => [p.name, valid(doc, p.schema as object, ids).filter(addressable)]),
      ),
      { requiredKeys: params.filter((p) => p.required).map((p) => p.name) },
    )
  const schema = op.requestBody?.content['application/json']?.schema
  return fc
    .record({
      path: record(paramsIn(op, 'path')),
      query: record(paramsIn(op, 'query')),
      body: schema ? valid(doc, schema as object, ids) : fc.constant(undefined),
      as: CALLERS,
    })
    .map(({ path: params, query, body, as }): ContractRequest => ({
      template: path,
      params,
      query,
      as,
      ...(schema ? { body: { json: body } } : {}),
      invalid: false,
    }))
}

/** Parameter values a schema refuses: too long, not in the enum, not a number, out of range. */
export function invalidParameterValues(schema: Record<string, unknown>): string[] {
  const out: string[] = []
  if (typeof schema.maxLength === 'number') out.push('я'.repeat(schema.maxLength + 1))
  if (Array.isArray(schema.enum)) out.push('not-one-of-them')
  if (schema.type === 'integer' || schema.type === 'number') out.push('abc')
  if (typeof schema.maximum === 'number') out.push(String(schema.maximum + 1))
  if (typeof schema.minimum === 'number') out.push(String(schema.minimum - 1))
  return out
}
