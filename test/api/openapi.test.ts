import { describe, expect, it } from 'vitest'
import { servedDocument } from './contract/documented'

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
})
