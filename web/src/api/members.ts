import type { Member } from '../../../schema/members'
import { answer, api } from './client'

/** Everyone who can be assigned to a client. */
export async function listMembers(signal?: AbortSignal): Promise<Member[]> {
  return (await answer(api.GET('/api/members', { signal }))).members
}
