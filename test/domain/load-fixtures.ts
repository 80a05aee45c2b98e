import type { Tier } from '../../schema/clients'
import type { Grade } from '../../schema/members'
import type { Slot } from '../../worker/domain/eligibility'
import {
  DEFAULT_LOAD_SETTINGS,
  memberLoads,
  overdueCounts,
  type LoadClient,
  type LoadMember,
} from '../../worker/domain/load'
import { roleParts } from '../../worker/domain/people'
import type { SuggestInput } from '../../worker/domain/suggest'

export const S = DEFAULT_LOAD_SETTINGS
export const TODAY = '2026-11-23'

/** The Account manager assigned stage of the default template. */
export const AM_STAGE = { owner: 'team_lead', communicator: 'account_manager', support: 'sales' }
/** An account-care stage: the account manager owns and talks, support engineers help. */
export const CARE_STAGE = {
  owner: 'account_manager',
  communicator: 'account_manager',
  support: 'support',
}

/** A small journey: the parts its roles play per phase, as the snapshot computes them. */
export const PARTS = roleParts([
  {
    phaseId: 'acquisition',
    roles: { owner: 'sales', communicator: 'sales', support: 'marketing' },
  },
  { phaseId: 'onboarding', roles: AM_STAGE },
  {
    phaseId: 'onboarding',
    roles: { owner: 'account_manager', communicator: 'account_manager', support: 'product' },
  },
  { phaseId: 'care', roles: CARE_STAGE },
  {
    phaseId: 'renewal',
    roles: { owner: 'account_manager', communicator: 'sales', support: 'support' },
  },
])

/** The parts roles play in a phase (none for a phase the journey does not have). */
export const partsIn = (phaseId: string) => PARTS.get(phaseId) ?? new Map()

export function member(id: string, grade: Grade, extra: Partial<LoadMember> = {}): LoadMember {
  return {
    id,
    name: id.toUpperCase(),
    grade,
    roleIds: ['account_manager', 'support', 'sales', 'team_lead'],
    managerId: 'lead',
    capacityOverride: null,
    active: true,
    ...extra,
  }
}

let n = 0
/** A live client with its people (role id → member id), in account care unless told. */
export function client(
  tier: Tier,
  people: Record<string, string>,
  extra: Partial<LoadClient> = {},
): LoadClient {
  n += 1
  const phaseId = extra.phaseId ?? 'care'
  return {
    id: `c${String(n).padStart(4, '0')}`,
    tier,
    phaseId,
    slotRoles: CARE_STAGE,
    people,
    parts: partsIn(phaseId),
    overdueLevel: 0,
    ...extra,
  }
}

export const ownerSlot = (tier: Tier): Slot => ({
  tier,
  role: 'owner',
  roleId: 'account_manager',
  roleName: 'Account manager',
})

/** A suggestion for the owner slot of a prospective care client. */
export function input(
  tier: Tier,
  members: LoadMember[],
  clients: LoadClient[] = [],
  extra: Partial<SuggestInput> = {},
): SuggestInput & { clients: LoadClient[] } {
  return {
    slot: ownerSlot(tier),
    client: { id: null, tier, phaseId: 'care', parts: partsIn('care') },
    currentAssignee: null,
    members,
    clients,
    ...loadsOf(clients),
    absences: [],
    lastAssignedAt: new Map(),
    today: TODAY,
    settings: S,
    ...extra,
  }
}

/** What the suggestion reads of the clients: each member's load and overdue count. */
export const loadsOf = (clients: readonly LoadClient[]) => ({
  loads: memberLoads(clients, S),
  overdue: overdueCounts(clients),
})
