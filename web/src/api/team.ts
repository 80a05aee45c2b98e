import type { Absence, AbsenceCreate, RebalanceProposal, TeamMember } from '../../../schema/team'
import { answer, api, type GetAnswer } from './client'

export type { Absence, AbsenceCreate, RebalanceProposal, TeamMember }

/** The team at this moment: everyone's load, absences and span of control. */
export type Team = GetAnswer<'/api/team'>

const byId = (id: string) => ({ params: { path: { id } } })

export function getTeam(signal?: AbortSignal): Promise<Team> {
  return answer(api.GET('/api/team', { signal }))
}

/** A member's absences, latest first (leads: their own team only). */
export async function listAbsences(memberId: string, signal?: AbortSignal): Promise<Absence[]> {
  return (await answer(api.GET('/api/members/{id}/absences', { ...byId(memberId), signal })))
    .absences
}

export function addAbsence(memberId: string, input: AbsenceCreate): Promise<Absence> {
  return answer(api.POST('/api/members/{id}/absences', { ...byId(memberId), body: input }))
}

export async function removeAbsence(id: string): Promise<void> {
  await answer(api.DELETE('/api/absences/{id}', byId(id)))
}

/** The open rebalance proposals for the caller's team (admins: everyone's). */
export async function listProposals(signal?: AbortSignal): Promise<RebalanceProposal[]> {
  return (await answer(api.GET('/api/rebalance', { signal }))).proposals
}

/** Applies a proposed move; send the client's version you saw (409 when anything changed). */
export function acceptProposal(id: string, version: number) {
  return answer(api.POST('/api/rebalance/{id}/accept', { ...byId(id), body: { version } }))
}

export function dismissProposal(id: string): Promise<RebalanceProposal> {
  return answer(api.POST('/api/rebalance/{id}/dismiss', byId(id)))
}
