import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs'
import path from 'node:path'

/** Folder → folders it imports, for the web app's top-level folders under web/src. */
export type FolderGraph = Map<string, Set<string>>

// `import … from`, `export … from`, bare `import './x.css'` and lazy `import('./x')`.
const importPattern =
  /(?:import|export)\s[^'"]*?from\s+['"]([^'"]+)['"]|import\s*\(?\s*['"]([^'"]+)['"]/g

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name)
    if (statSync(full).isDirectory()) return sourceFiles(full)
    return /\.tsx?$/.test(name) ? [full] : []
  })
}

/** The top-level folder a file (or an imported folder's index) sits in; web/src's own files are ".". */
function folderOf(srcRoot: string, file: string): string {
  const parts = path.relative(srcRoot, file).split(path.sep)
  const isFolder = existsSync(file) && statSync(file).isDirectory()
  return parts.length > 1 || isFolder ? (parts[0] ?? '.') : '.'
}

/** The absolute paths a file imports by a relative path. */
function relativeImports(file: string): string[] {
  return [...readFileSync(file, 'utf8').matchAll(importPattern)]
    .map((match) => match[1] ?? match[2] ?? '')
    .filter((spec) => spec.startsWith('.'))
    .map((spec) => path.resolve(path.dirname(file), spec))
}

/** Reads every .ts/.tsx file under srcRoot and records which folder imports which. */
export function folderGraph(srcRoot: string): FolderGraph {
  const graph: FolderGraph = new Map()
  for (const file of sourceFiles(srcRoot)) {
    const from = folderOf(srcRoot, file)
    const targets = graph.get(from) ?? new Set<string>()
    graph.set(from, targets)
    for (const target of relativeImports(file)) {
      if (!target.startsWith(srcRoot + path.sep)) continue
      const to = folderOf(srcRoot, target)
      if (to !== from) targets.add(to)
    }
  }
  return graph
}

/** The repository's top-level folders that files under srcRoot import from outside web/. */
export function foldersImportedFrom(srcRoot: string, repoRoot: string): string[] {
  const folders = new Set<string>()
  for (const file of sourceFiles(srcRoot))
    for (const target of relativeImports(file)) {
      const [top] = path.relative(repoRoot, target).split(path.sep)
      if (top && top !== 'web') folders.add(top)
    }
  return [...folders].sort()
}

/** Every cycle's folders, found by depth-first search; an empty list means the graph is a DAG. */
export function folderCycles(graph: FolderGraph): string[][] {
  const cycles: string[][] = []
  const state = new Map<string, 'open' | 'done'>()
  const stack: string[] = []
  const visit = (node: string): void => {
    state.set(node, 'open')
    stack.push(node)
    for (const next of [...(graph.get(node) ?? [])].sort()) {
      if (state.get(next) === 'open') cycles.push([...stack.slice(stack.indexOf(next)), next])
      else if (!state.has(next)) visit(next)
    }
    stack.pop()
    state.set(node, 'done')
  }
  for (const node of [...graph.keys()].sort()) if (!state.has(node)) visit(node)
  return cycles
}
