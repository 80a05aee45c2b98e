import { loadFigures } from '../../domain/load'
import { directReports } from '../../domain/team'
import type { SuggestSnapshot } from '../team-snapshot'

/**
 * Every member with their load now, capacity, utilisation and span of control, from the
 * per-member counts (no client is read): the same figures as the team view's.
 */
export function memberFigures(snap: SuggestSnapshot) {
  const reports = directReports(snap.members)
  return snap.members.map((m) => loadFigures(m, snap.loads.get(m.id) ?? 0, snap.settings, reports))
}
