import type { Context } from 'hono'
import { managerChain } from '../db/members'
import type { AppEnv } from '../env'
import { AppError } from '../errors'

/**
 * Leads act on their own team only: themselves and the members under them, directly or through
 * their reports (as members' edits are). Admins act on anyone; routes keep everyone else out.
 */
export async function assertOwnTeam(c: Context<AppEnv>, memberId: string) {
  const identity = c.get('identity')
  if (identity?.role !== 'lead') return
  const lead = identity.memberId
  const inTeam =
    lead !== null && (memberId === lead || (await managerChain(c.env.DB, memberId)).includes(lead))
  if (!inTeam) throw new AppError(403, 'forbidden', 'A lead manages their own team only')
}
