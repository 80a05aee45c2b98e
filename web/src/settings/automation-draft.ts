import type { Automation, AutomationCreate, AutomationPatch } from '../../../schema/stage-clock'

export type AutomationKind = Automation['kind']

/** The automation form as typed: numbers stay text until they are sent. */
export interface AutomationDraft {
  kind: AutomationKind
  titleRu: string
  titleEn: string
  templateRu: string
  templateEn: string
  /** '' for nobody in particular. */
  assigneeRoleId: string
  delayDays: string
  /** '' for no due date. */
  dueDays: string
}

/** What the form can say is wrong, by field (the names of the server's 422 fields). */
export type DraftProblem = 'required' | 'days' | 'delay'
export type DraftProblems = Partial<Record<string, DraftProblem>>

export function draftFrom(a?: Automation): AutomationDraft {
  return {
    kind: a?.kind ?? 'task',
    titleRu: a?.title.ru ?? '',
    titleEn: a?.title.en ?? '',
    templateRu: a?.template.ru ?? '',
    templateEn: a?.template.en ?? '',
    assigneeRoleId: a?.assigneeRoleId ?? '',
    delayDays: a && a.kind === 'delayed_task' ? String(a.delayDays) : '',
    dueDays: a?.dueDays === null || a?.dueDays === undefined ? '' : String(a.dueDays),
  }
}

const days = (text: string): number | null => {
  const trimmed = text.trim()
  if (!/^\d+$/.test(trimmed)) return null
  const n = Number(trimmed)
  return n <= 365 ? n : null
}

/** Checks a draft before it is sent; the keys match the server's field paths. */
export function draftProblems(d: AutomationDraft): DraftProblems {
  const problems: DraftProblems = {}
  if (!d.titleRu.trim()) problems['title.ru'] = 'required'
  if (!d.titleEn.trim()) problems['title.en'] = 'required'
  if (d.kind === 'message') {
    if (!d.templateRu.trim()) problems['template.ru'] = 'required'
    if (!d.templateEn.trim()) problems['template.en'] = 'required'
  } else if (d.dueDays.trim() && days(d.dueDays) === null) {
    problems.dueDays = 'days'
  }
  if (d.kind === 'delayed_task' && !days(d.delayDays)) problems.delayDays = 'delay'
  return problems
}

/** The body fields of a draft; hidden fields keep what they held (the form hides, not clears). */
function fields(d: AutomationDraft) {
  return {
    title: { ru: d.titleRu.trim(), en: d.titleEn.trim() },
    template: { ru: d.templateRu, en: d.templateEn },
    assigneeRoleId: d.assigneeRoleId || null,
    delayDays: d.kind === 'delayed_task' ? (days(d.delayDays) ?? 0) : 0,
    dueDays: d.dueDays.trim() ? days(d.dueDays) : null,
  }
}

export function createBody(d: AutomationDraft): AutomationCreate {
  return { kind: d.kind, ...fields(d), active: true }
}

/** Only what changed, with the version the edit started from. */
export function patchBody(d: AutomationDraft, a: Automation): AutomationPatch {
  const next = fields({ ...d, kind: a.kind })
  const patch: AutomationPatch = { version: a.version }
  if (next.title.ru !== a.title.ru || next.title.en !== a.title.en) patch.title = next.title
  if (next.template.ru !== a.template.ru || next.template.en !== a.template.en) {
    patch.template = next.template
  }
  if (next.assigneeRoleId !== a.assigneeRoleId) patch.assigneeRoleId = next.assigneeRoleId
  if (next.delayDays !== a.delayDays) patch.delayDays = next.delayDays
  if (next.dueDays !== a.dueDays) patch.dueDays = next.dueDays
  return patch
}
