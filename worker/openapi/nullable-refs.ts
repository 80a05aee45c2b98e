type Json = null | boolean | number | string | Json[] | { [key: string]: Json }

const isObject = (v: unknown): v is Record<string, Json> =>
  typeof v === 'object' && v !== null && !Array.isArray(v)

/**
 * The schema for "this component, or null". zod-to-openapi writes a nullable reference to an
 * already registered component as `allOf: [{$ref}, {type: [object, null]}]`, which can never
 * accept null (every branch of allOf must hold, and the component is an object). OpenAPI 3.1
 * says it with `anyOf: [{$ref}, {type: 'null'}]`; any other keys (a description) stay beside it.
 */
function nullableRef(schema: Record<string, Json>): Record<string, Json> | null {
  const parts = schema.allOf
  if (!Array.isArray(parts) || parts.length !== 2) return null
  const [ref, extra] = parts
  if (!isObject(ref) || typeof ref.$ref !== 'string' || Object.keys(ref).length !== 1) return null
  if (!isObject(extra) || !Array.isArray(extra.type) || !extra.type.includes('null')) return null
  const { type: _type, ...rest } = extra
  const { allOf: _allOf, ...outer } = schema
  return { ...outer, ...rest, anyOf: [ref, { type: 'null' }] }
}

/** The document with every nullable reference written so that it accepts null. */
export function fixNullableRefs<T>(doc: T): T {
  const walk = (node: Json): Json => {
    if (Array.isArray(node)) return node.map(walk)
    if (!isObject(node)) return node
    const fixed = nullableRef(node) ?? node
    return Object.fromEntries(Object.entries(fixed).map(([k, v]) => [k, walk(v)]))
  }
  return walk(doc as Json) as T
}
