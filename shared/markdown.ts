import MarkdownIt, { type Token } from 'markdown-it'
import { escapeHtml, safeHref } from './safe-url'

/** Longer bodies are refused by the API; the renderer stops here regardless. */
const MAX_SOURCE = 200_000

const LINK_REL = 'nofollow noopener noreferrer'

/**
 * The knowledge base's Markdown: CommonMark plus bare URLs as links. Raw HTML off (it shows as
 * text), tables and strikethrough off (the article styles do not cover them), and a link target
 * only where our allowlist (http(s), mailto, relative: see safeHref) says so.
 */
const md = new MarkdownIt('default', { html: false, linkify: true, typographer: false })
md.disable(['table', 'strikethrough'])
md.validateLink = (url) => safeHref(url) !== null

// A link whose target failed validation keeps its text and loses its tag.
md.core.ruler.push('drop_refused_links', (state) => {
  for (const block of state.tokens) {
    if (!block.children) continue
    let dropping = false
    block.children = block.children.filter((t) => {
      if (t.type === 'link_open') dropping = !t.attrGet('href')
      else if (t.type !== 'link_close') return true
      const keep = !dropping
      if (t.type === 'link_close') dropping = false
      return keep
    })
  }
})

// Only the checked href and our rel: a title or anything a plugin adds is left out.
md.renderer.rules.link_open = (tokens, idx) =>
  `<a href="${escapeHtml(String(tokens[idx]?.attrGet('href') ?? ''))}" rel="${LINK_REL}">`

// Images become plain links, so nothing loads by itself when an article opens.
md.renderer.rules.image = (tokens, idx, options, env, self) => {
  const token = tokens[idx]
  const alt = escapeHtml(self.renderInlineAsText(token?.children ?? [], options, env))
  const src = String(token?.attrGet('src') ?? '')
  return src ? `<a href="${escapeHtml(src)}" rel="${LINK_REL}">${alt}</a>` : alt
}

// Fenced code without the language class: the output keeps to a fixed set of attributes.
md.renderer.rules.fence = (tokens, idx) =>
  `<pre><code>${escapeHtml(tokens[idx]?.content ?? '')}</code></pre>\n`

/**
 * Renders an article body to HTML. Every character of the source reaches the output escaped;
 * the only attributes are a checked `href`, `rel` and a numeric `start`.
 */
export function renderMarkdown(source: string): string {
  return md.render(source.slice(0, MAX_SOURCE))
}

function inlineText(tokens: Token[]): string {
  return tokens
    .map((t) => {
      if (t.type === 'softbreak' || t.type === 'hardbreak') return '\n'
      if (t.type === 'image') return inlineText(t.children ?? [])
      return t.type === 'text' || t.type === 'code_inline' ? t.content : ''
    })
    .join('')
}

/**
 * The body as plain text — what a reader sees, without markup or link targets — for the
 * search index and its snippets.
 */
export function markdownToText(source: string): string {
  return md
    .parse(source.slice(0, MAX_SOURCE), {})
    .map((t) =>
      t.type === 'inline'
        ? inlineText(t.children ?? [])
        : t.type === 'fence' || t.type === 'code_block'
          ? t.content.replace(/\n$/, '')
          : '',
    )
    .filter((t) => t !== '')
    .join('\n')
}
