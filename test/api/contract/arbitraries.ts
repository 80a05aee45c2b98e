import fc from 'fast-check'
import type { OpenApiDoc } from './documented'

/** A JSON Schema of the document, read loosely: only the keywords zod emits matter here. */
type Schema = { [key: string]: unknown }

const asSchema = (v: unknown): Schema => (typeof v === 'object' && v !== null ? (v as Schema) : {})
const num = (v: unknown) => (typeof v === 'number' ? v : undefined)

/** Letters a board is typed in, plus the characters SQL patterns and URLs treat specially. */
const CHARS = fc.constantFrom(
  ...'abcxyzABC019 -_%\\\'"/?#&.абвгдеёжзиклмнопрстуфхцчшщыэюяАБВЁЯ«»—'.split(''),
)

/** The schema a `$ref` points to (the document's components only). */
export function resolve(doc: OpenApiDoc, schema: Schema): Schema {
  const ref = schema.$ref
  if (typeof ref !== 'string') return schema
  const name = ref.replace('#/components/schemas/', '')
  return resolve(doc, asSchema(doc.components.schemas[name]))
}

/** Ids seen in earlier answers: a string shaped like an id is often one of them. */
export type KnownIds = readonly string[]

function stringArbitrary(s: Schema, ids: KnownIds): fc.Arbitrary<string> {
  const minLength = num(s.minLength) ?? 0
  const maxLength = num(s.maxLength) ?? 80
  const idShaped = minLength === 1 && maxLength === 64 && s.format === undefined
  if (idShaped && ids.length > 0) {
    return fc.oneof(
      { arbitrary: fc.constantFrom(...ids), weight: 3 },
      { arbitrary: stringArbitrary(s, []), weight: 1 },
    )
  }
  if (s.format === 'date-time' || s.format === 'date') {
    const at = fc
      .date({ min: new Date('2000-01-01'), max: new Date('2100-01-01'), noInvalidDate: true })
      .map((d) => d.toISOString())
    return s.format === 'date' ? at.map((iso) => iso.slice(0, 10)) : at
  }
  if (s.format === 'email') return fc.emailAddress()
  if (s.format === 'uri') {
    // fc.webUrl() takes seconds per sample at this size; a host and a path are enough here.
    const host = fc.string({ unit: fc.constantFrom(...'abcxyz'), minLength: 1, maxLength: 12 })
    return host.map((h) => `https://${h}.test/hook`)
  }
  if (typeof s.pattern === 'string') return fc.stringMatching(new RegExp(s.pattern))
  return fc.oneof(
    fc.string({ unit: CHARS, minLength, maxLength: Math.min(maxLength, 40) }),
    fc.string({ unit: CHARS, minLength: maxLength, maxLength }),
  )
}

function typedArbitrary(doc: OpenApiDoc, s: Schema, type: unknown, depth: number, ids: KnownIds) {
  switch (type) {
    case 'null':
      return fc.constant(null)
    case 'boolean':
      return fc.boolean()
    case 'integer':
      return fc.integer({ min: num(s.minimum) ?? -1_000_000, max: num(s.maximum) ?? 1_000_000 })
    case 'number':
      return fc.double({
        min: num(s.minimum) ?? -1e9,
        max: num(s.maximum) ?? 1e9,
        noNaN: true,
        noDefaultInfinity: true,
      })
    case 'string':
      return stringArbitrary(s, ids)
    case 'array':
      return fc.array(valid(doc, asSchema(s.items), ids, depth + 1), {
        minLength: num(s.minItems) ?? 0,
        maxLength: Math.min(num(s.maxItems) ?? 4, depth > 2 ? 1 : 4),
      })
    case 'object': {
      const properties = Object.entries(asSchema(s.properties))
      if (properties.length === 0 && typeof s.additionalProperties === 'object') {
        const value = valid(doc, asSchema(s.additionalProperties), ids, depth + 1)
        return fc.dictionary(fc.string({ unit: CHARS, maxLength: 10 }), value, { maxKeys: 3 })
      }
      const model = Object.fromEntries(
        properties.map(([key, p]) => [key, valid(doc, asSchema(p), ids, depth + 1)]),
      )
      const required = Array.isArray(s.required) ? (s.required as string[]) : []
      return fc.record(model, { requiredKeys: required })
    }
    default:
      return fc.jsonValue({ maxDepth: 2 })
  }
}

/** Values the schema accepts (the document's reading of them, checked by its validator). */
export function valid(
  doc: OpenApiDoc,
  schema: object,
  ids: KnownIds = [],
  depth = 0,
): fc.Arbitrary<unknown> {
  const s = resolve(doc, asSchema(schema))
  if ('const' in s) return fc.constant(s.const)
  if (Array.isArray(s.enum)) return fc.constantFrom(...(s.enum as unknown[]))
  const choices = (s.anyOf ?? s.oneOf) as Schema[] | undefined
  if (choices) return fc.oneof(...choices.map((c) => valid(doc, c, ids, depth + 1)))
  if (Array.isArray(s.allOf)) {
    const parts = (s.allOf as Schema[]).map((p) => valid(doc, p, ids, depth + 1))
    return fc.tuple(...parts).map((values) => Object.assign({}, ...values) as unknown)
  }
  if (Array.isArray(s.type)) {
    return fc.oneof(...s.type.map((t) => typedArbitrary(doc, s, t, depth, ids)))
  }
  return typedArbitrary(doc, s, s.type, depth, ids)
}

/** Something of another JSON type than the schema asks for. */
const WRONG_TYPES = [{}, [], 'x', 12345, true, null]

/**
 * Values near a valid one that the schema refuses: a required field dropped, a field of the
 * wrong type or too long, an unknown field where none is allowed, the whole of the wrong type.
 * The caller keeps only those the document's validator refuses too.
 */
export function mutations(doc: OpenApiDoc, schema: object, value: unknown): unknown[] {
  const s = resolve(doc, asSchema(schema))
  const out: unknown[] = WRONG_TYPES.filter((w) => typeof w !== typeof value)
  if (typeof s.maxLength === 'number') out.push('я'.repeat(s.maxLength + 1))
  if (typeof s.maximum === 'number') out.push(s.maximum + 1)
  if (Array.isArray(s.enum)) out.push('not-one-of-them')
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return out
  const record = value as Record<string, unknown>
  const properties = asSchema(s.properties)
  for (const key of Array.isArray(s.required) ? (s.required as string[]) : []) {
    const { [key]: _dropped, ...rest } = record
    out.push(rest)
  }
  for (const [key, p] of Object.entries(properties)) {
    for (const wrong of mutations(doc, asSchema(p), record[key]))
      out.push({ ...record, [key]: wrong })
  }
  if (s.additionalProperties === false) out.push({ ...record, notAField: 1 })
  return out
}
