import type { Journey } from '../../../schema/journey'
import { request } from './client'

/** The journey map: roles, and the phases with their stages. */
export function getJourney(signal?: AbortSignal): Promise<Journey> {
  return request<Journey>('/api/journey', { signal })
}
