/**
 * What the browser downloads before the board can render: the entry script, everything it
 * imports statically, and the stylesheets index.html links, gzipped at level 9 (as the Vite
 * build's own report). Chunks loaded later (`import()`) are listed apart.
 */
import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { brotliCompressSync, gzipSync } from 'node:zlib'

const STATIC_IMPORT = /(?:\bfrom|\bimport)\s*["'`](\.\/[^"'`]+\.js)["'`]/g

export interface Bundle {
  initialJsGzip: number
  initialJsBrotli: number
  initialJsRaw: number
  cssGzip: number
  cssRaw: number
  files: string[]
  lazy: { file: string; gzip: number }[]
}

export function measureBundle(distWeb: string): Bundle {
  const html = readFileSync(join(distWeb, 'index.html'), 'utf8')
  const refs = (re: RegExp) => [...html.matchAll(re)].map((m) => (m[1] ?? '').replace(/^\//, ''))
  const queue = refs(/<script[^>]*type="module"[^>]*src="([^"]+)"/g)
  queue.push(...refs(/<link[^>]*rel="modulepreload"[^>]*href="([^"]+)"/g))
  const css = refs(/<link[^>]*rel="stylesheet"[^>]*href="([^"]+)"/g)
  const seen = new Set<string>()
  while (queue.length > 0) {
    const file = queue.pop()
    if (file === undefined || seen.has(file)) continue
    seen.add(file)
    const code = readFileSync(join(distWeb, file), 'utf8')
    const dir = file.slice(0, file.lastIndexOf('/') + 1)
    for (const m of code.matchAll(STATIC_IMPORT)) queue.push(dir + (m[1] ?? '').slice(2))
  }
  const size = (files: Iterable<string>, pack: (b: Buffer) => Buffer) =>
    [...files].reduce((n, f) => n + pack(readFileSync(join(distWeb, f))).length, 0)
  const gzip = (b: Buffer) => gzipSync(b, { level: 9 })
  const lazy = readdirSync(join(distWeb, 'assets'))
    .map((f) => `assets/${f}`)
    .filter((f) => f.endsWith('.js') && !seen.has(f))
  return {
    initialJsGzip: size(seen, gzip),
    initialJsBrotli: size(seen, (b) => brotliCompressSync(b)),
    initialJsRaw: size(seen, (b) => b),
    cssGzip: size(css, gzip),
    cssRaw: size(css, (b) => b),
    files: [...seen, ...css],
    lazy: lazy.map((file) => ({ file, gzip: size([file], gzip) })),
  }
}
