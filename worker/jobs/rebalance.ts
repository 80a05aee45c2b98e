import { quoteRu } from '../domain/alert-text'
import { closeOvertakenStatement, openMoves, proposalStatements } from '../db/rebalance'
import { percent } from '../domain/load'
import { proposeMoves, type Move } from '../domain/rebalance'
import type { Env } from '../env'
import { teamSnapshot, type TeamSnapshot } from '../services/team-snapshot'

/** The lead's notification about one move, in Russian with the English alongside. */
function notice(move: Move, snap: TeamSnapshot) {
  const name = (id: string) => snap.members.find((m) => m.id === id)?.name ?? id
  const company = snap.clients.find((c) => c.id === move.clientId)?.company ?? move.clientId
  const [from, to] = [name(move.fromMemberId), name(move.toMemberId)]
  const role = snap.roleNames.get(move.roleId) ?? move.roleId
  const shift =
    `${from} ${percent(move.from.before)} → ${percent(move.from.after)}, ` +
    `${to} ${percent(move.to.before)} → ${percent(move.to.after)}`
  const ru = {
    title: `Перераспределить ${quoteRu(company)} (${snap.roleNamesRu.get(move.roleId) ?? role}): ${from} → ${to}`,
    body: `Загрузка: ${shift}`,
  }
  const en = { title: `Move ${company} (${role}): ${from} → ${to}`, body: `Load: ${shift}` }
  return { ...ru, data: { en, roleId: move.roleId, from: move.fromMemberId, to: move.toMemberId } }
}

/**
 * The morning balance check: where someone is overloaded while a same-grade peer under the same
 * lead has room, propose concrete moves to that lead and notify them. Safe to run twice or
 * concurrently: open proposals count as done, a slot has at most one open proposal, and a
 * notification exists only for a proposal actually written.
 */
export async function rebalance(env: Env, now: number) {
  const db = env.DB
  await closeOvertakenStatement(db, now).run()
  const [snap, pending] = await Promise.all([teamSnapshot(db, now), openMoves(db)])
  const moves = proposeMoves({ ...snap, pending })
  const byLead = new Map<string, Move[]>()
  for (const m of moves) byLead.set(m.leadId, [...(byLead.get(m.leadId) ?? []), m])
  for (const leadMoves of byLead.values()) {
    await db.batch(
      leadMoves.flatMap((m) =>
        proposalStatements(db, crypto.randomUUID(), m, notice(m, snap), now),
      ),
    )
  }
  return `rebalance: ${moves.length} moves proposed`
}
