import { Validator, type OutputUnit, type Schema } from '@cfworker/json-schema'
import { api } from '../helpers'

/** The parts of the OpenAPI document the contract tests read. */
export interface OpenApiDoc {
  openapi: string
  paths: Record<string, Record<string, Operation>>
  components: { schemas: Record<string, Schema> } & Record<string, unknown>
  [key: string]: unknown
}

export interface Parameter {
  name: string
  in: 'path' | 'query' | 'header' | 'cookie'
  required?: boolean
  schema: Schema
}

export interface Operation {
  operationId?: string
  parameters?: Parameter[]
  requestBody?: { required?: boolean; content: Record<string, { schema: Schema }> }
  responses: Record<string, { content?: Record<string, { schema: Schema }> }>
  security?: Record<string, string[]>[]
}

/** The document the Worker serves, as anyone may read it. */
export async function servedDocument(): Promise<OpenApiDoc> {
  const res = await api('/openapi.json', { as: 'anonymous' })
  if (res.status !== 200) throw new Error(`no OpenAPI document: ${res.status}`)
  return res.body as unknown as OpenApiDoc
}

/**
 * Checks JSON against a schema of the document (its `#/components/…` references resolve
 * against the document). A JSON Schema 2020-12 validator without code generation: workerd
 * allows no `eval`, so Ajv cannot run here.
 */
export function schemaCheck(doc: OpenApiDoc, schema: Schema) {
  const root = { ...schema, components: doc.components } as Schema
  const validator = new Validator(root, '2020-12', false)
  return (value: unknown): OutputUnit[] => {
    const { valid, errors } = validator.validate(value)
    return valid ? [] : errors
  }
}

/** The JSON schema documented for an operation's answer with this status, if any. */
export function documentedBody(doc: OpenApiDoc, path: string, method: string, status: number) {
  const answer = doc.paths[path]?.[method]?.responses[String(status)]
  return answer?.content?.['application/json']?.schema
}
