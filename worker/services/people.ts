import type { PeopleChange } from '../../schema/clients'
import type { NewEvent } from '../db/clients'
import type { PersonChange } from '../db/people'
import { exclusions } from '../domain/eligibility'
import { teamOf } from '../domain/team'
import type { Identity } from '../env'
import { AppError } from '../errors'
import { poolFor, suggestionFor, type Target } from './suggestions'
import { slotOf, type SuggestSnapshot } from './team-snapshot'

const invalid = (field: string, messages: string[]) =>
  new AppError(422, 'invalid', messages.join('; '), {}, { [field]: messages })

/** Where a request names each role's member and the reason: `people.<role>` or `memberId`. */
export interface PickFields {
  member: (roleId: string) => string
  reason: string
}

/** What a request asks for people-wise, before it is checked. */
export interface Picks {
  people: PeopleChange
  reason: string | null
}

/** A lead sets and removes people within their own team only (admins: anyone). */
function assertInTeam(snap: SuggestSnapshot, identity: Identity | null, memberId: string) {
  if (identity?.role !== 'lead') return
  const team = identity.memberId ? teamOf(identity.memberId, snap.members) : new Set<string>()
  if (!team.has(memberId)) {
    throw new AppError(403, 'forbidden', `A lead assigns within their own team only (${memberId})`)
  }
}

/**
 * The one gate every path that sets a person goes through (the assign endpoint, PUT and DELETE
 * of a person, client create and PATCH): the role must exist; the member must be eligible for
 * the role on this client (active, plays the role, not absent, grade for the tier and the part
 * the role plays); a lead stays within their team; a pick other than the top suggestion needs
 * a reason. Returns the changes and their `assigned` / `unassigned` history events.
 */
export function vetPeople(
  snap: SuggestSnapshot,
  target: Target,
  picks: Picks,
  identity: Identity | null,
  fields: PickFields,
): { changes: PersonChange[]; events: NewEvent[] } {
  const actorId = identity?.id ?? null
  const changes: PersonChange[] = []
  const events: NewEvent[] = []
  for (const [roleId, memberId] of Object.entries(picks.people)) {
    const field = fields.member(roleId)
    if (!snap.roleNames.has(roleId))
      throw invalid(field, [`No journey role ${JSON.stringify(roleId)}`])
    const from = target.people[roleId] ?? null
    if (memberId === from) continue
    if (memberId === null) {
      if (from) assertInTeam(snap, identity, from)
      changes.push({ roleId, memberId: null, reason: picks.reason })
      events.push({ kind: 'unassigned', actorId, data: { roleId, from, reason: picks.reason } })
      continue
    }
    const member = snap.members.find((m) => m.id === memberId)
    if (!member) throw invalid(field, [`No member ${JSON.stringify(memberId)}`])
    assertInTeam(snap, identity, member.id)
    if (from) assertInTeam(snap, identity, from)
    const slot = slotOf(snap, target, roleId)
    const out = exclusions(member, slot, snap.absences, snap.today, snap.settings)
    if (out.length > 0) {
      throw invalid(
        field,
        out.map((e) => `${member.name}: ${e.text}`),
      )
    }
    const { candidates } = suggestionFor(snap, target, roleId, poolFor(snap, identity))
    const top = candidates[0]
    const suggested = top?.memberId ?? null
    if (member.id !== suggested && !picks.reason) {
      const who = top ? `${top.name} (${top.memberId})` : 'nobody'
      throw invalid(fields.reason, [
        `Say why you pick someone other than the top suggestion for ${slot.roleName}, ${who}`,
      ])
    }
    changes.push({ roleId, memberId: member.id, reason: picks.reason })
    events.push({
      kind: 'assigned',
      actorId,
      data: { roleId, from, to: member.id, suggested, reason: picks.reason },
    })
  }
  return { changes, events }
}
