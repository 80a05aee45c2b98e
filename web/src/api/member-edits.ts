import type { Member, MemberCreate, MemberPatch } from '../../../schema/members'
import type { LoadSettings } from '../../../schema/load'
import { answer, api, type GetAnswer } from './client'

export type { LoadSettings, Member, MemberCreate, MemberPatch }

export function createMember(input: MemberCreate): Promise<Member> {
  return answer(api.POST('/api/members', { body: input }))
}

export function patchMember(id: string, patch: MemberPatch): Promise<Member> {
  return answer(api.PATCH('/api/members/{id}', { params: { path: { id } }, body: patch }))
}

/** The load settings with their version (0 while they were never saved). */
export type LoadSettingsDoc = GetAnswer<'/api/settings/load'>

export function getLoadSettings(signal?: AbortSignal): Promise<LoadSettingsDoc> {
  return answer(api.GET('/api/settings/load', { signal }))
}

export function saveLoadSettings(doc: LoadSettingsDoc): Promise<LoadSettingsDoc> {
  return answer(api.PATCH('/api/settings/load', { body: doc }))
}
