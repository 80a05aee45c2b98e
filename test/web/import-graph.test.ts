import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { folderCycles, folderGraph, foldersImportedFrom } from './import-graph'

const src = path.resolve(import.meta.dirname, '../../web/src')
const graph = folderGraph(src)
const importsOf = (folder: string) => [...(graph.get(folder) ?? [])].sort()

describe("the web app's folders", () => {
  it('import each other without a loop', () => {
    expect(folderCycles(graph)).toEqual([])
  })

  it('keep the API clients free of the app: they import only schema/ and shared/', () => {
    expect(importsOf('api')).toEqual([])
  })

  it('keep shared parts free of features: components/ imports only api, i18n and routing', () => {
    expect(importsOf('components')).toEqual(['api', 'i18n'])
    expect(importsOf('routing')).toEqual(['api'])
    expect(importsOf('i18n')).toEqual([])
  })

  it('take rules from schema/ and shared/, never from the Worker', () => {
    expect(foldersImportedFrom(src, path.resolve(src, '../..'))).toEqual(['schema', 'shared'])
  })

  it('find a loop when there is one', () => {
    const looped = new Map([
      ['a', new Set(['b'])],
      ['b', new Set(['c'])],
      ['c', new Set(['a'])],
      ['d', new Set(['a'])],
    ])
    expect(folderCycles(looped)).toEqual([['a', 'b', 'c', 'a']])
  })
})
