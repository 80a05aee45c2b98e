import type { LoadSettings } from '../../schema/load'
import { exclusions, type Absence } from './eligibility'
import { peerGroups, utilOf } from './imbalance'
import {
  capacityOf,
  memberLoads,
  percent,
  roleWeight,
  type LoadClient,
  type LoadMember,
} from './load'
import { partOf, type RoleParts } from './people'

/** A proposed move of one client's role from an overloaded member to a same-grade peer. */
export interface Move {
  leadId: string
  clientId: string
  /** The journey role that changes hands (e.g. account_manager). */
  roleId: string
  fromMemberId: string
  toMemberId: string
  weight: number
  from: { before: number; after: number }
  to: { before: number; after: number }
  reason: string
}

export interface RebalanceInput {
  members: readonly LoadMember[]
  clients: readonly LoadClient[]
  absences: readonly Absence[]
  today: string
  settings: LoadSettings
  /** Journey role id → its name, for the eligibility reasons. */
  roleNames: ReadonlyMap<string, string>
  /** The part each role plays per phase: the grade a taker needs. */
  roleParts: RoleParts
  /** Open proposals: counted as if accepted, and their roles are not proposed again. */
  pending: readonly { clientId: string; roleId: string; toMemberId: string }[]
  /** At most this many moves per team and grade in one run (default 5). */
  maxMovesPerGroup?: number
}

/**
 * Concrete moves that settle imbalances, chosen greedily: each step takes the move (any client
 * role of an overloaded member to any eligible underloaded peer) that leaves the lower peak of
 * the two, never pushes the peer over the limit, and strictly lowers the overloaded member's
 * utilisation; steps repeat while the imbalance lasts. Deterministic for equal input.
 */
export function proposeMoves(input: RebalanceInput): Move[] {
  const s = input.settings
  const clients = input.clients.map((c) => ({ ...c, people: { ...c.people } }))
  const byId = new Map(clients.map((c) => [c.id, c]))
  const taken = new Set<string>()
  const hand = (clientId: string, roleId: string, to: string) => {
    const client = byId.get(clientId)
    if (client) client.people = { ...client.people, [roleId]: to }
    taken.add(`${clientId}:${roleId}`)
  }
  for (const p of input.pending) hand(p.clientId, p.roleId, p.toMemberId)
  const loads = memberLoads(clients, s)
  const moves: Move[] = []
  for (const group of peerGroups(input.members)) {
    for (let n = 0; n < (input.maxMovesPerGroup ?? 5); n += 1) {
      const move = bestMove(group, clients, loads, taken, input)
      if (!move) break
      moves.push(move)
      hand(move.clientId, move.roleId, move.toMemberId)
      loads.set(move.fromMemberId, (loads.get(move.fromMemberId) ?? 0) - move.weight)
      loads.set(move.toMemberId, (loads.get(move.toMemberId) ?? 0) + move.weight)
    }
  }
  return moves
}

/** Orders moves: lower peak after the move, then the more loaded giver, then by ids. */
function better(a: Move, b: Move): boolean {
  const peak = (m: Move) => Math.round(Math.max(m.from.after, m.to.after) * 1e9)
  const giver = (m: Move) => Math.round(m.from.before * 1e9)
  const ids = (m: Move) => `${m.clientId}\u0000${m.roleId}\u0000${m.toMemberId}`
  if (peak(a) !== peak(b)) return peak(a) < peak(b)
  if (giver(a) !== giver(b)) return giver(a) > giver(b)
  return ids(a) < ids(b)
}

function bestMove(
  group: readonly LoadMember[],
  clients: readonly LoadClient[],
  loads: ReadonlyMap<string, number>,
  taken: ReadonlySet<string>,
  input: RebalanceInput,
): Move | null {
  const s = input.settings
  const util = (m: LoadMember) => utilOf(m, loads, s)
  const over = group.filter((m) => (util(m) ?? 0) > s.overloadedAbove)
  const under = group.filter((m) => (util(m) ?? Infinity) < s.underloadedBelow)
  let best: Move | null = null
  for (const giver of over) {
    const giverCap = capacityOf(giver, s)
    const giverLoad = loads.get(giver.id) ?? 0
    for (const client of clients) {
      for (const [roleId, holder] of Object.entries(client.people)) {
        if (holder !== giver.id || taken.has(`${client.id}:${roleId}`)) continue
        const weight = roleWeight(client, roleId, s)
        if (weight === 0) continue
        const slot = {
          tier: client.tier,
          role: partOf(input.roleParts, client.phaseId, roleId),
          roleId,
          roleName: input.roleNames.get(roleId) ?? roleId,
        }
        for (const taker of under) {
          if (exclusions(taker, slot, input.absences, input.today, s).length > 0) continue
          const takerLoad = loads.get(taker.id) ?? 0
          const takerCap = capacityOf(taker, s)
          const from = { before: giverLoad / giverCap, after: (giverLoad - weight) / giverCap }
          const to = { before: takerLoad / takerCap, after: (takerLoad + weight) / takerCap }
          if (to.after > s.overloadedAbove || Math.max(from.after, to.after) >= from.before)
            continue
          const reason =
            `${giver.name} (${giver.grade}) ${percent(from.before)} → ${percent(from.after)}; ` +
            `${taker.name} ${percent(to.before)} → ${percent(to.after)}`
          const move: Move = {
            leadId: giver.managerId ?? '',
            clientId: client.id,
            roleId,
            fromMemberId: giver.id,
            toMemberId: taker.id,
            weight,
            from,
            to,
            reason,
          }
          if (!best || better(move, best)) best = move
        }
      }
    }
  }
  return best
}
