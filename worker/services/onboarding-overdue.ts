import { openDatedSteps, type OverdueStepRow } from '../db/mentors'
import type { Calendar } from '../../shared/clock'
import { stepDueAt } from '../domain/onboarding'

/** A newcomer's onboarding steps past their date, for their mentor and their lead. */
export interface LateOnboarding {
  memberId: string
  name: string
  mentorId: string
  steps: { id: string; title: { ru: string; en: string } }[]
}

/** Mentored newcomers with steps past their date and not marked, at `now`. */
export async function lateOnboarding(
  db: D1Database,
  calendar: Calendar,
  now: number,
): Promise<LateOnboarding[]> {
  const late = (r: OverdueStepRow) => {
    const due = stepDueAt(r.started_at, r.due_days, calendar)
    return due !== null && due < now
  }
  const byMember = new Map<string, LateOnboarding>()
  for (const r of (await openDatedSteps(db)).filter(late)) {
    const entry = byMember.get(r.member_id) ?? {
      memberId: r.member_id,
      name: r.member_name,
      mentorId: r.mentor_id,
      steps: [],
    }
    // A step shared by two of the newcomer's tracks is one step to them.
    if (!entry.steps.some((s) => s.id === r.item_id)) {
      entry.steps.push({ id: r.item_id, title: { ru: r.title_ru, en: r.title_en } })
    }
    byMember.set(r.member_id, entry)
  }
  return [...byMember.values()]
}

/** The lines naming each newcomer's late steps (at most three steps each). */
export function lateLines(list: LateOnboarding[], lang: 'ru' | 'en'): string[] {
  return list.map((n) => {
    const quote = (t: string) => (lang === 'ru' ? `«${t}»` : `“${t}”`)
    const titles = n.steps.slice(0, 3).map((s) => quote(s.title[lang]))
    const more = n.steps.length > 3 ? ` +${n.steps.length - 3}` : ''
    return `• ${n.name}: ${titles.join(', ')}${more}`
  })
}
