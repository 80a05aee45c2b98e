import type { z } from '@hono/zod-openapi'
import type { AssignRequest, Suggestion } from '../../../schema/assignments'
import type { Client, StageRoleKind } from '../../../schema/clients'
import { request } from './client'

export type { AssignRequest }

/** Ranked candidates for one slot of a client, and who is left out why. */
export type Suggestions = z.infer<typeof Suggestion>
export type Candidate = Suggestions['candidates'][number]
export type Excluded = Suggestions['excluded'][number]

/** Who should take a slot of an existing client, best first. */
export function suggest(
  clientId: string,
  role: StageRoleKind,
  signal?: AbortSignal,
): Promise<Suggestions> {
  return request<Suggestions>('/api/assignments/suggest', {
    method: 'POST',
    body: { clientId, role },
    signal,
  })
}

/**
 * Puts a member into a slot; send the version you saw (409 `version_conflict` carries
 * `current`). Picking anyone but the top suggestion needs a reason (422 without one).
 */
export function assign(clientId: string, input: AssignRequest): Promise<Client> {
  return request<Client>(`/api/clients/${encodeURIComponent(clientId)}/assign`, {
    method: 'POST',
    body: input,
  })
}
