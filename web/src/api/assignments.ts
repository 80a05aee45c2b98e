import type { z } from '@hono/zod-openapi'
import type { Suggestion } from '../../../schema/assignments'
import type { Client, PersonPut } from '../../../schema/clients'
import { answer, api } from './client'

/** Ranked candidates for one journey role of a client, and who is left out why. */
export type Suggestions = z.infer<typeof Suggestion>
export type Candidate = Suggestions['candidates'][number]
export type Excluded = Suggestions['excluded'][number]

/** Who should be the client's person for a journey role, best first. */
export function suggest(
  clientId: string,
  roleId: string,
  signal?: AbortSignal,
): Promise<Suggestions> {
  return answer(api.POST('/api/assignments/suggest', { body: { clientId, roleId }, signal }))
}

const person = (id: string, roleId: string) => ({ path: { id, roleId } })

/**
 * Sets the client's person for a role; send the version you saw (409 `version_conflict`
 * carries `current`). Anyone but the top suggestion needs a reason (422 without one).
 */
export function setPerson(clientId: string, roleId: string, input: PersonPut): Promise<Client> {
  const params = person(clientId, roleId)
  return answer(api.PUT('/api/clients/{id}/people/{roleId}', { params, body: input }))
}

/** Leaves a role of the client empty. */
export function clearPerson(clientId: string, roleId: string, version: number): Promise<Client> {
  const params = { ...person(clientId, roleId), query: { version } }
  return answer(api.DELETE('/api/clients/{id}/people/{roleId}', { params }))
}
