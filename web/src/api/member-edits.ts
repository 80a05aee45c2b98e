import type { Member, MemberCreate, MemberPatch } from '../../../schema/members'
import type { LoadSettings } from '../../../schema/load'
import { request } from './client'

export type { LoadSettings, Member, MemberCreate, MemberPatch }

export function createMember(input: Partial<MemberCreate>): Promise<Member> {
  return request<Member>('/api/members', { method: 'POST', body: input })
}

export function patchMember(id: string, patch: MemberPatch): Promise<Member> {
  return request<Member>(`/api/members/${encodeURIComponent(id)}`, { method: 'PATCH', body: patch })
}

export interface LoadSettingsDoc {
  load: LoadSettings
  version: number
}

export function getLoadSettings(signal?: AbortSignal): Promise<LoadSettingsDoc> {
  return request<LoadSettingsDoc>('/api/settings/load', { signal })
}

export function saveLoadSettings(doc: LoadSettingsDoc): Promise<LoadSettingsDoc> {
  return request<LoadSettingsDoc>('/api/settings/load', { method: 'PATCH', body: doc })
}
