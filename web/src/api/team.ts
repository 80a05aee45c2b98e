import type { Absence, AbsenceCreate, RebalanceProposal, TeamMember } from '../../../schema/team'
import type { Client } from '../../../schema/clients'
import type { LocalizedText } from '../../../schema/common'
import { request } from './client'

export type { Absence, AbsenceCreate, RebalanceProposal, TeamMember }

/** The team at this moment: everyone's load, absences and span of control. */
export interface Team {
  today: string
  members: TeamMember[]
  /** The journey roles in order. */
  roles: { id: string; name: LocalizedText }[]
  thresholds: { overloadedAbove: number; underloadedBelow: number; spanOfControl: number }
}

export function getTeam(signal?: AbortSignal): Promise<Team> {
  return request<Team>('/api/team', { signal })
}

/** A member's absences, latest first (leads: their own team only). */
export async function listAbsences(memberId: string, signal?: AbortSignal): Promise<Absence[]> {
  const path = `/api/members/${encodeURIComponent(memberId)}/absences`
  return (await request<{ absences: Absence[] }>(path, { signal })).absences
}

export function addAbsence(memberId: string, input: AbsenceCreate): Promise<Absence> {
  return request<Absence>(`/api/members/${encodeURIComponent(memberId)}/absences`, {
    method: 'POST',
    body: input,
  })
}

export async function removeAbsence(id: string): Promise<void> {
  await request<undefined>(`/api/absences/${encodeURIComponent(id)}`, { method: 'DELETE' })
}

/** The open rebalance proposals for the caller's team (admins: everyone's). */
export async function listProposals(signal?: AbortSignal): Promise<RebalanceProposal[]> {
  return (await request<{ proposals: RebalanceProposal[] }>('/api/rebalance', { signal })).proposals
}

/** Applies a proposed move; send the client's version you saw (409 when anything changed). */
export function acceptProposal(
  id: string,
  version: number,
): Promise<{ proposal: RebalanceProposal; client: Client }> {
  return request(`/api/rebalance/${encodeURIComponent(id)}/accept`, {
    method: 'POST',
    body: { version },
  })
}

export function dismissProposal(id: string): Promise<RebalanceProposal> {
  return request<RebalanceProposal>(`/api/rebalance/${encodeURIComponent(id)}/dismiss`, {
    method: 'POST',
  })
}
