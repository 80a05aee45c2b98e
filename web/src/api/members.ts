import type { Member } from '../../../schema/members'
import { request } from './client'

/** Everyone who can be assigned to a client. */
export async function listMembers(signal?: AbortSignal): Promise<Member[]> {
  const body = await request<{ members: Member[] }>('/api/members', { signal })
  return body.members
}
