import type { OnboardingTrack } from '../../../schema/onboarding'
import type { TrackStepInput } from '../../../schema/onboarding-tracks'

// Pure: no i18n, api or DOM here, so the node tests load it as it is.

/** A step as the editor holds it: every field a text box can hold, whatever its kind. */
export interface StepDraft {
  /** The stored step's id; absent for a step added in this edit. */
  id?: string
  /** A stable key for the list while editing (the id, or a made-up one). */
  key: string
  kind: 'article' | 'checklist'
  articleId: string
  ru: string
  en: string
  dueDays: string
}

let counter = 0
const newKey = () => `new-${(counter += 1)}`

/** The editor's steps for a stored track. */
export function stepDrafts(track: Pick<OnboardingTrack, 'items'>): StepDraft[] {
  return track.items.map((i) => ({
    id: i.id,
    key: i.id,
    kind: i.kind,
    articleId: i.articleIds?.ru ?? i.articleIds?.en ?? '',
    ru: i.kind === 'checklist' ? i.title.ru : '',
    en: i.kind === 'checklist' ? i.title.en : '',
    dueDays: i.dueDays === null ? '' : String(i.dueDays),
  }))
}

/** A fresh step of a kind, to append. */
export const blankStep = (kind: StepDraft['kind']): StepDraft => ({
  key: newKey(),
  kind,
  articleId: '',
  ru: '',
  en: '',
  dueDays: '',
})

/** The list with the step at `index` moved by `by` places (a move past either end is ignored). */
export function moveStep<T>(list: readonly T[], index: number, by: -1 | 1): T[] {
  const to = index + by
  if (to < 0 || to >= list.length) return [...list]
  const next = [...list]
  const [step] = next.splice(index, 1)
  if (step !== undefined) next.splice(to, 0, step)
  return next
}

/**
 * What the API gets: the steps in order. A due-days text that is not a whole number goes as
 * the number it reads as, so the server's 422 names that step's field.
 */
export function stepInputs(steps: readonly StepDraft[]): TrackStepInput[] {
  return steps.map((s) => {
    const dueDays = s.dueDays.trim() === '' ? null : Number(s.dueDays)
    const id = s.id ? { id: s.id } : {}
    return s.kind === 'article'
      ? { ...id, kind: 'article', articleId: s.articleId, dueDays }
      : { ...id, kind: 'checklist', title: { ru: s.ru, en: s.en }, dueDays }
  })
}
