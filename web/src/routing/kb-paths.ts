/** The knowledge base's own paths, under /kb. */
export const KB_PATH = '/kb'

export type KbView =
  | { view: 'list' }
  | { view: 'new' }
  | { view: 'article'; id: string }
  | { view: 'edit'; id: string }
  | { view: 'stage'; stageId: string }

export const isKbPath = (path: string): boolean =>
  path === KB_PATH || path.startsWith(`${KB_PATH}/`)

const decode = (part: string): string | null => {
  try {
    return decodeURIComponent(part)
  } catch {
    return null
  }
}

/**
 * Which page of the knowledge base a path shows: `/kb` (the list), `/kb/new`,
 * `/kb/stages/:stageId` (a stage's regulation), `/kb/:id` and `/kb/:id/edit`. Anything else is
 * null (the page answers "not found").
 */
export function parseKbPath(path: string): KbView | null {
  if (!isKbPath(path)) return null
  const parts = path.slice(KB_PATH.length).split('/').filter(Boolean).map(decode)
  if (parts.some((p) => p === null)) return null
  const [first, second, ...rest] = parts as string[]
  if (rest.length > 0) return null
  if (first === undefined) return { view: 'list' }
  if (first === 'new') return second === undefined ? { view: 'new' } : null
  if (first === 'stages') return second ? { view: 'stage', stageId: second } : null
  if (second === undefined) return { view: 'article', id: first }
  return second === 'edit' ? { view: 'edit', id: first } : null
}

const withQuery = (path: string, params: Record<string, string | null | undefined>) => {
  const search = new URLSearchParams()
  for (const [key, value] of Object.entries(params)) if (value) search.set(key, value)
  const query = search.toString()
  return query ? `${path}?${query}` : path
}

/** In-app URLs of the knowledge base's pages. */
export const kbUrl = {
  article: (id: string) => `${KB_PATH}/${encodeURIComponent(id)}`,
  edit: (id: string) => `${KB_PATH}/${encodeURIComponent(id)}/edit`,
  /** A new article; `translationOf` + `lang` start a translation, `stage` pre-links a stage. */
  create: (params: { translationOf?: string; lang?: string; stage?: string; kind?: string } = {}) =>
    withQuery(`${KB_PATH}/new`, params),
  /** A stage's regulation, as the person in `role` should read it. */
  stage: (stageId: string, role?: string | null) =>
    withQuery(`${KB_PATH}/stages/${encodeURIComponent(stageId)}`, { role }),
}
