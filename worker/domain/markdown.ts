import type { Block, Inline } from './markdown-ast'
import { parseBlocks } from './markdown-blocks'
import { escapeHtml } from './safe-url'

/** Longer bodies are refused by the API; the renderer stops here regardless. */
const MAX_SOURCE = 200_000

const LINK_REL = 'nofollow noopener noreferrer'

function inlineHtml(nodes: Inline[]): string {
  return nodes
    .map((n) => {
      switch (n.type) {
        case 'text':
          return escapeHtml(n.text)
        case 'code':
          return `<code>${escapeHtml(n.text)}</code>`
        case 'em':
        case 'strong':
          return `<${n.type}>${inlineHtml(n.children)}</${n.type}>`
        case 'link':
          return n.href === null
            ? inlineHtml(n.children)
            : `<a href="${escapeHtml(n.href)}" rel="${LINK_REL}">${inlineHtml(n.children)}</a>`
        case 'br':
          return '<br>'
      }
    })
    .join('')
}

function blockHtml(block: Block, tight = false): string {
  switch (block.type) {
    case 'heading':
      return `<h${block.level}>${inlineHtml(block.children)}</h${block.level}>`
    case 'paragraph':
      return tight ? inlineHtml(block.children) : `<p>${inlineHtml(block.children)}</p>`
    case 'code':
      return `<pre><code>${escapeHtml(block.text)}</code></pre>`
    case 'quote':
      return `<blockquote>${blocksHtml(block.children)}</blockquote>`
    case 'hr':
      return '<hr>'
    case 'list': {
      const tag = block.ordered ? 'ol' : 'ul'
      const start = block.ordered && block.start !== 1 ? ` start="${block.start}"` : ''
      const items = block.items.map((item) => `<li>${blocksHtml(item, block.tight)}</li>`)
      return `<${tag}${start}>${items.join('')}</${tag}>`
    }
  }
}

function blocksHtml(blocks: Block[], tight = false): string {
  return blocks.map((b) => blockHtml(b, tight)).join('\n')
}

/**
 * Renders the knowledge base's Markdown subset — headings, paragraphs, bold / italic, code,
 * lists, links, blockquotes, rules — to HTML. Every character of the source reaches the output
 * escaped; the only markup is what this function writes itself, the only attributes are a
 * checked `href` (http(s), mailto or relative: see safeHref), `rel` and a numeric `start`.
 * Raw HTML in the source shows as text; images become links.
 */
export function renderMarkdown(source: string): string {
  return blocksHtml(parseBlocks(source.slice(0, MAX_SOURCE)))
}

function inlineText(nodes: Inline[]): string {
  return nodes
    .map((n) => {
      if (n.type === 'text' || n.type === 'code') return n.text
      if (n.type === 'br') return '\n'
      return inlineText(n.children)
    })
    .join('')
}

function blockText(block: Block): string {
  switch (block.type) {
    case 'heading':
    case 'paragraph':
      return inlineText(block.children)
    case 'code':
      return block.text
    case 'quote':
      return block.children.map(blockText).join('\n')
    case 'hr':
      return ''
    case 'list':
      return block.items.map((item) => item.map(blockText).join('\n')).join('\n')
  }
}

/**
 * The body as plain text — what a reader sees, without markup or link targets — for the
 * search index and its snippets.
 */
export function markdownToText(source: string): string {
  return parseBlocks(source.slice(0, MAX_SOURCE))
    .map(blockText)
    .filter((t) => t !== '')
    .join('\n')
}
