import { PEOPLE_CONDITION_FIRST, type PeopleCondition } from './people'
import { opGuardSql, type OpGuard } from './op-guard'
import type { RebalanceProposal } from '../../schema/team'
import type { Move } from '../domain/rebalance'
import { iso, isoOrNull } from './time'

interface ProposalRow {
  id: string
  lead_id: string
  client_id: string
  client_name: string
  company: string
  role_id: string
  from_member_id: string
  from_name: string
  to_member_id: string
  to_name: string
  reason: string
  data: string | null
  status: RebalanceProposal['status']
  created_at: number
  decided_at: number | null
  decided_by: string | null
}

const toProposal = (r: ProposalRow): RebalanceProposal => ({
  id: r.id,
  leadId: r.lead_id,
  clientId: r.client_id,
  clientName: r.client_name,
  company: r.company,
  roleId: r.role_id,
  fromMemberId: r.from_member_id,
  fromName: r.from_name,
  toMemberId: r.to_member_id,
  toName: r.to_name,
  reason: r.reason,
  data: r.data ? (JSON.parse(r.data) as Record<string, unknown>) : null,
  status: r.status,
  createdAt: iso(r.created_at),
  decidedAt: isoOrNull(r.decided_at),
  decidedBy: r.decided_by,
})

const SELECT = `SELECT p.*, c.name AS client_name, c.company, f.name AS from_name, t.name AS to_name
  FROM rebalance_proposals p
  JOIN clients c ON c.id = p.client_id
  JOIN members f ON f.id = p.from_member_id
  JOIN members t ON t.id = p.to_member_id`

/** Proposals for one lead (or, with null, everyone's), newest first; null status: any. */
export async function listProposals(
  db: D1Database,
  leadId: string | null,
  status: RebalanceProposal['status'] | null,
): Promise<RebalanceProposal[]> {
  const { results } = await db
    .prepare(
      `${SELECT} WHERE (?1 IS NULL OR p.lead_id = ?1) AND (?2 IS NULL OR p.status = ?2)
       ORDER BY p.created_at DESC, p.id LIMIT 500`,
    )
    .bind(leadId, status)
    .all<ProposalRow>()
  return results.map(toProposal)
}

export async function getProposal(db: D1Database, id: string) {
  const row = await db.prepare(`${SELECT} WHERE p.id = ?1`).bind(id).first<ProposalRow>()
  return row ? toProposal(row) : null
}

/** The open proposals' moves: the job counts them as done and leaves their slots alone. */
export async function openMoves(db: D1Database) {
  const { results } = await db
    .prepare(
      `SELECT client_id, role_id, to_member_id FROM rebalance_proposals WHERE status = 'proposed'`,
    )
    .all<{ client_id: string; role_id: string; to_member_id: string }>()
  return results.map((r) => ({
    clientId: r.client_id,
    roleId: r.role_id,
    toMemberId: r.to_member_id,
  }))
}

/**
 * Closes open proposals the data overtook (the client archived, or its role no longer held by
 * the member the move was from): accepting them could only fail.
 */
export function closeOvertakenStatement(db: D1Database, now: number) {
  return db
    .prepare(
      `UPDATE rebalance_proposals SET status = 'dismissed', decided_at = ?1
       WHERE status = 'proposed' AND NOT EXISTS (
         SELECT 1 FROM clients c JOIN client_people p ON p.client_id = c.id
         WHERE c.id = rebalance_proposals.client_id AND c.archived = 0
           AND p.role_id = rebalance_proposals.role_id
           AND p.member_id = rebalance_proposals.from_member_id)`,
    )
    .bind(now)
}

export interface ProposalNotice {
  title: string
  body: string
  data: Record<string, unknown>
}

/**
 * A proposal and the lead's notification. The role's unique open-proposal index drops a repeat;
 * the notification exists only if this very proposal was written, so a second run (or a
 * concurrent one) notifies nobody twice.
 */
export function proposalStatements(
  db: D1Database,
  id: string,
  move: Move,
  notice: ProposalNotice,
  now: number,
) {
  const data = { weight: move.weight, from: move.from, to: move.to }
  return [
    db
      .prepare(
        `INSERT INTO rebalance_proposals (id, lead_id, client_id, role_id, from_member_id, to_member_id,
           reason, data, created_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9) ON CONFLICT DO NOTHING`,
      )
      .bind(
        id,
        move.leadId,
        move.clientId,
        move.roleId,
        move.fromMemberId,
        move.toMemberId,
        move.reason,
        JSON.stringify(data),
        now,
      ),
    db
      .prepare(
        `INSERT INTO notifications (id, member_id, kind, client_id, title, body, data, dedupe_key, created_at)
         SELECT ?1, ?2, 'rebalance', ?3, ?4, ?5, ?6, ?7, ?8
         WHERE EXISTS (SELECT 1 FROM rebalance_proposals WHERE id = ?9)
         ON CONFLICT (dedupe_key) DO NOTHING`,
      )
      .bind(
        crypto.randomUUID(),
        move.leadId,
        move.clientId,
        notice.title,
        notice.body,
        JSON.stringify({ ...notice.data, proposalId: id }),
        `rebalance:${id}`,
        now,
        id,
      ),
  ]
}

/** Decides an open proposal; the optional guard (an SQL condition) ties it to another write. */
export function decideStatement(
  db: D1Database,
  id: string,
  status: 'accepted' | 'dismissed',
  by: string | null,
  now: number,
  guard?: OpGuard,
) {
  const g = guard ? opGuardSql(guard, 5) : null
  return db
    .prepare(
      `UPDATE rebalance_proposals SET status = ?2, decided_by = ?3, decided_at = ?4
       WHERE id = ?1 AND status = 'proposed' ${g ? `AND ${g.sql}` : ''}`,
    )
    .bind(id, status, by, now, ...(g?.params ?? []))
}

/** The condition a write that accepts a proposal runs under: the proposal is still open. */
export const proposalStillOpen = (proposalId: string): PeopleCondition => ({
  sql: `AND EXISTS (SELECT 1 FROM rebalance_proposals WHERE id = ?${PEOPLE_CONDITION_FIRST} AND status = 'proposed')`,
  params: [proposalId],
})
