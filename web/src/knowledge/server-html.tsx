import './prose.css'

/**
 * HTML that may be inserted as is: an article's `html` or a search `snippet` from the server, or
 * the same renderer's output in the editor's preview (shared/markdown.ts, which escapes
 * every character of the source and writes only its own tags). Never give it anything else.
 */
export function ServerHtml({ html, class: className }: { html: string; class?: string }) {
  return <div class={className} dangerouslySetInnerHTML={{ __html: html }} />
}
