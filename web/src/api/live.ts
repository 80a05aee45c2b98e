import type { ChangesPage } from '../../../schema/live'
import { answer, api } from './client'

/** What changed after a cursor (0: just the cursor now, taken before loading the board). */
export function getChanges(since: number, signal?: AbortSignal): Promise<ChangesPage> {
  return answer(api.GET('/api/changes', { params: { query: { since } }, signal }))
}
