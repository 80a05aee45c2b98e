import { fileURLToPath } from 'node:url'
import { gzipSync } from 'node:zlib'
import preact from '@preact/preset-vite'
import { defineConfig, type Plugin } from 'vite'

const root = fileURLToPath(new URL('.', import.meta.url))

/**
 * Prints what the browser must download before the board can render: the entry chunk plus
 * everything it imports statically, gzipped. Lazy chunks are left out on purpose.
 */
function initialJsSize(): Plugin {
  let report = ''
  return {
    name: 'journey-board:initial-js-size',
    apply: 'build',
    generateBundle(_options, bundle) {
      const seen = new Set<string>()
      const queue = Object.values(bundle).flatMap((file) =>
        file.type === 'chunk' && file.isEntry ? [file.fileName] : [],
      )
      let bytes = 0
      while (queue.length > 0) {
        const name = queue.pop()
        const file = name === undefined ? undefined : bundle[name]
        if (!name || seen.has(name) || !file || file.type !== 'chunk') continue
        seen.add(name)
        bytes += gzipSync(file.code, { level: 9 }).length
        queue.push(...file.imports)
      }
      report = `initial JS: ${(bytes / 1024).toFixed(1)} KB gzipped (${seen.size} chunk${seen.size === 1 ? '' : 's'})`
    },
    closeBundle() {
      if (report) console.log(`\n${report}\n`)
    },
  }
}

export default defineConfig({
  root,
  plugins: [preact(), initialJsSize()],
  resolve: {
    // dnd-kit imports react; these must point at preact/compat or it silently breaks.
    alias: [
      { find: /^react\/jsx-runtime$/, replacement: 'preact/compat/jsx-runtime' },
      { find: /^react\/jsx-dev-runtime$/, replacement: 'preact/compat/jsx-dev-runtime' },
      { find: /^react-dom\/client$/, replacement: 'preact/compat/client' },
      { find: /^react-dom$/, replacement: 'preact/compat' },
      { find: /^react$/, replacement: 'preact/compat' },
    ],
  },
  build: {
    outDir: fileURLToPath(new URL('../dist/web', import.meta.url)),
    emptyOutDir: true,
  },
  server: {
    proxy: { '/api': 'http://localhost:8787' },
  },
})
