import { GRADES } from '../../../schema/enums'
import type { Grade } from '../../../schema/members'
import type { TeamMember } from '../../../schema/team'

/** Most senior first: the order grades are listed in within a team. */
export const GRADE_ORDER: readonly Grade[] = [...GRADES].reverse()

export interface GradeGroup {
  grade: Grade
  members: TeamMember[]
}

/** One lead's direct reports, by grade; `lead` is null for people who report to nobody. */
export interface LeadGroup {
  lead: TeamMember | null
  /** How many leads above this one (the head of department is 0), for indenting. */
  depth: number
  grades: GradeGroup[]
  size: number
}

const byName = (a: TeamMember, b: TeamMember) =>
  a.name.localeCompare(b.name) || (a.id < b.id ? -1 : 1)

function byGrade(members: readonly TeamMember[]): GradeGroup[] {
  return GRADE_ORDER.flatMap((grade) => {
    const of = members.filter((m) => m.grade === grade).sort(byName)
    return of.length > 0 ? [{ grade, members: of }] : []
  })
}

/**
 * The team as leads see it: a group per person with direct reports, in hierarchy order (a lead
 * right after the group they belong to), each split by grade. People who report to nobody and
 * lead nobody (or whose manager is not in the list) end up in a last group without a lead.
 */
export function groupTeam(members: readonly TeamMember[]): LeadGroup[] {
  const ids = new Set(members.map((m) => m.id))
  const reports = new Map<string, TeamMember[]>()
  for (const m of members) {
    if (m.managerId === null || !ids.has(m.managerId) || m.managerId === m.id) continue
    reports.set(m.managerId, [...(reports.get(m.managerId) ?? []), m])
  }
  const groups: LeadGroup[] = []
  const seen = new Set<string>()
  const visit = (lead: TeamMember, depth: number) => {
    if (seen.has(lead.id)) return // a cycle in the data: show each lead once
    seen.add(lead.id)
    const direct = reports.get(lead.id) ?? []
    groups.push({ lead, depth, grades: byGrade(direct), size: direct.length })
    for (const next of [...direct].sort(byName)) {
      if (reports.has(next.id)) visit(next, depth + 1)
    }
  }
  const roots = members.filter(
    (m) => m.managerId === null || !ids.has(m.managerId) || m.managerId === m.id,
  )
  for (const root of [...roots].sort(byName)) if (reports.has(root.id)) visit(root, 0)
  // Leads caught in a cycle have no root above them: still give them their group.
  for (const m of [...members].sort(byName)) if (reports.has(m.id)) visit(m, 0)

  const alone = roots.filter((m) => !reports.has(m.id))
  if (alone.length > 0) {
    groups.push({ lead: null, depth: 0, grades: byGrade(alone), size: alone.length })
  }
  return groups
}

/** A lead's whole team, themselves included: everyone under them, directly or through others. */
export function teamOf(
  leadId: string,
  members: readonly { id: string; managerId: string | null }[],
) {
  const team = new Set([leadId])
  let grew = true
  while (grew) {
    grew = false
    for (const m of members) {
      if (m.managerId !== null && team.has(m.managerId) && !team.has(m.id)) {
        team.add(m.id)
        grew = true
      }
    }
  }
  return team
}
