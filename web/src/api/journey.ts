import type { Journey } from '../../../schema/journey'
import { answer, api } from './client'

/** The journey map: roles, and the phases with their stages. */
export function getJourney(signal?: AbortSignal): Promise<Journey> {
  return answer(api.GET('/api/journey', { signal }))
}
