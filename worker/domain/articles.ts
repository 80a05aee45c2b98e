/** What an edit can change on an article, as the edit planner sees it. */
export interface ArticleState {
  title: string
  body: string
  kind: 'instruction' | 'article'
  tags: string[]
  stageIds: string[]
  roleIds: string[]
  archived: boolean
  /** Epoch ms of the last review. */
  reviewedAt: number
  /** The original this is a translation of (null: an original). */
  translationOf: string | null
}

export interface ArticleEditInput {
  title?: string
  body?: string
  kind?: 'instruction' | 'article'
  tags?: string[]
  stageIds?: string[]
  roleIds?: string[]
  archived?: boolean
  /** "I checked it and it is still right": restarts the yearly review clock. */
  reviewed?: true
  /** null detaches a translation from its original (attaching is done at creation). */
  translationOf?: null
}

/** A planned edit: the next state, what changed (for the history), and what it replaced. */
export interface ArticleEdit {
  next: ArticleState
  fields: string[]
  summary: string
  previous: { title: string | null; body: string | null }
}

/**
 * When an article reviewed at `reviewedAt` is due again: the same instant a calendar year
 * later, in UTC (29 February rolls to 1 March).
 */
export function reviewDueAfter(reviewedAt: number): number {
  const due = new Date(reviewedAt)
  due.setUTCFullYear(due.getUTCFullYear() + 1)
  return due.getTime()
}

/** Whether an article is past its yearly review (archived ones never are). */
export function isReviewOverdue(reviewDue: number, archived: boolean, now: number): boolean {
  return !archived && reviewDue <= now
}

/** Trimmed, de-duplicated, in first-seen order. */
export function cleanList(items: readonly string[]): string[] {
  return [...new Set(items.map((s) => s.trim()).filter((s) => s !== ''))]
}

/** Lines added and removed, counted as multisets: cheap, and honest enough for a summary. */
export function lineChanges(before: string, after: string): { added: number; removed: number } {
  const counts = new Map<string, number>()
  for (const line of before.split('\n')) counts.set(line, (counts.get(line) ?? 0) + 1)
  let added = 0
  for (const line of after.split('\n')) {
    const left = counts.get(line) ?? 0
    if (left > 0) counts.set(line, left - 1)
    else added++
  }
  const removed = [...counts.values()].reduce((a, b) => a + b, 0)
  return { added, removed }
}

function setChange(name: string, before: string[], after: string[]): string | null {
  const added = after.filter((x) => !before.includes(x))
  const removed = before.filter((x) => !after.includes(x))
  if (added.length === 0 && removed.length === 0) return null
  return `${name} ${[...added.map((x) => `+${x}`), ...removed.map((x) => `−${x}`)].join(' ')}`
}

/**
 * Plans an edit: the article after applying `input` to `before`, the fields that actually
 * changed and a one-line summary for the history. Returns null when nothing would change, so a
 * no-op save leaves no version bump and no history entry.
 */
export function planArticleEdit(
  before: ArticleState,
  input: ArticleEditInput,
  now: number,
): ArticleEdit | null {
  const next: ArticleState = {
    title: input.title ?? before.title,
    body: input.body ?? before.body,
    kind: input.kind ?? before.kind,
    tags: input.tags ? cleanList(input.tags) : before.tags,
    stageIds: input.stageIds ? cleanList(input.stageIds).sort() : before.stageIds,
    roleIds: input.roleIds ? cleanList(input.roleIds).sort() : before.roleIds,
    archived: input.archived ?? before.archived,
    reviewedAt: input.reviewed ? now : before.reviewedAt,
    translationOf: input.translationOf === null ? null : before.translationOf,
  }
  const parts: string[] = []
  const fields: string[] = []
  const note = (field: string, text: string | null) => {
    if (text === null) return
    fields.push(field)
    parts.push(text)
  }
  note('title', next.title !== before.title ? 'title' : null)
  if (next.body !== before.body) {
    const { added, removed } = lineChanges(before.body, next.body)
    note('body', `body +${added} −${removed} lines`)
  }
  note('kind', next.kind !== before.kind ? `kind ${before.kind} → ${next.kind}` : null)
  note('tags', setChange('tags', before.tags, next.tags))
  note('stageIds', setChange('stages', before.stageIds, next.stageIds))
  note('roleIds', setChange('roles', before.roleIds, next.roleIds))
  note(
    'archived',
    next.archived !== before.archived ? (next.archived ? 'archived' : 'restored') : null,
  )
  note('reviewedAt', input.reviewed ? 'reviewed' : null)
  note(
    'translationOf',
    next.translationOf !== before.translationOf ? `detached from ${before.translationOf}` : null,
  )
  if (fields.length === 0) return null
  return {
    next,
    fields,
    summary: parts.join('; '),
    previous: {
      title: next.title !== before.title ? before.title : null,
      body: next.body !== before.body ? before.body : null,
    },
  }
}
