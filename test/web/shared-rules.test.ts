import { readdirSync, readFileSync } from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import * as enums from '../../schema/enums'

const src = path.resolve(import.meta.dirname, '../../web/src')
const files = readdirSync(src, { recursive: true, encoding: 'utf8' })
  .filter((f) => /\.tsx?$/.test(f) && !f.startsWith('i18n'))
  .map((f) => ({ file: f, text: readFileSync(path.join(src, f), 'utf8') }))

/** The places in the web's code where `pattern` matches, as `file: match`. */
const found = (pattern: RegExp) =>
  files.flatMap(({ file, text }) => [...text.matchAll(pattern)].map((m) => `${file}: ${m[0]}`))

describe('the web takes the rules from schema/ instead of re-stating them', () => {
  it('asks the shared access policy, never compares access roles itself', () => {
    expect(found(/role\s*[!=]==\s*'(admin|lead|member|viewer)'/g)).toEqual([])
  })

  it('lists enums from schema/enums, never spelled out again', () => {
    const restated = Object.entries(enums).flatMap(([name, values]) => {
      // Two or more of a list's values in a row inside brackets: a copy of (part of) the list.
      const pair = values
        .slice(0, -1)
        .map((v, i) => `'${v}',\\s*'${values[i + 1]}'`)
        .join('|')
      return found(new RegExp(`\\[\\s*(${pair})`, 'g')).map((hit) => `${name} — ${hit}`)
    })
    expect(restated).toEqual([])
  })
})
