import type { StageRoleKind, Tier } from '../../schema/clients'
import type { LoadSettings } from '../../schema/load'
import type { Grade } from '../../schema/members'
import type { LoadMember } from './load'

/** Grades from least to most senior; a lead counts as at least a senior. */
const GRADE_RANK: Record<Grade, number> = { intern: 0, junior: 1, middle: 2, senior: 3, lead: 4 }

/** A day a member is away, inclusive, as local dates "YYYY-MM-DD". */
export interface Absence {
  memberId: string
  from: string
  to: string
}

/**
 * The role to fill on a client: its tier, the journey role, and the part that role plays (owner,
 * communicator or support) in the client's phase — the part sets the grade it needs.
 */
export interface Slot {
  tier: Tier
  role: StageRoleKind
  roleId: string
  /** How people call that role ("Account manager"), for the reasons. */
  roleName: string
}

export type ExclusionCode = 'inactive' | 'role' | 'absent' | 'grade' | 'intern' | 'no_capacity'

export interface Exclusion {
  code: ExclusionCode
  text: string
}

/** Whether `grade` is at least `min`. */
export const gradeAtLeast = (grade: Grade, min: Grade) => GRADE_RANK[grade] >= GRADE_RANK[min]

/** The last day of the absence that covers `today`, following back-to-back absences; or null. */
export function absentUntil(
  memberId: string,
  absences: readonly Absence[],
  today: string,
): string | null {
  const own = absences.filter((a) => a.memberId === memberId)
  let until: string | null = null
  let day = today
  // Absences may be entered in pieces (a week, then another): follow them while they touch.
  for (let step = 0; step < own.length; step += 1) {
    const ends = own.filter((a) => a.from <= day && a.to >= day).map((a) => a.to)
    if (ends.length === 0) break
    until = ends.reduce((max, to) => (to > max ? to : max))
    day = nextDay(until)
  }
  return until
}

const nextDay = (date: string) =>
  new Date(Date.parse(`${date}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10)

/**
 * Why a member may not take a slot, empty when they may: they must be active, able to play the
 * journey role the stage asks for, not absent today, and senior enough for the tier (owner and
 * communicator) — interns only ever support.
 */
export function exclusions(
  member: LoadMember,
  slot: Slot,
  absences: readonly Absence[],
  today: string,
  s: LoadSettings,
): Exclusion[] {
  const out: Exclusion[] = []
  if (!member.active) out.push({ code: 'inactive', text: 'inactive' })
  if (!member.roleIds.includes(slot.roleId)) {
    out.push({ code: 'role', text: `cannot play ${slot.roleName}` })
  }
  const until = absentUntil(member.id, absences, today)
  if (until) out.push({ code: 'absent', text: `absent until ${until}` })
  if (slot.role === 'support') {
    if (!gradeAtLeast(member.grade, s.supportMinGrade)) {
      const text = `${member.grade}: below the minimum grade for support`
      out.push({ code: 'grade', text })
    }
  } else if (member.grade === 'intern') {
    out.push({ code: 'intern', text: 'intern: interns only take the support role' })
  } else if (!gradeAtLeast(member.grade, s.minGrade[slot.tier])) {
    const text = `${member.grade}: below the minimum grade for tier ${slot.tier}`
    out.push({ code: 'grade', text })
  }
  return out
}
