import { QUADRANTS, STAGE_ROLE_KINDS, TIERS } from '../../../schema/enums'
import type { Client, StageRoleKind, Tier } from '../../../schema/clients'
import type { Stage } from '../../../schema/journey'
import type { Quadrant } from '../../../schema/kam'
import type { Calendar } from '../../../shared/clock'
import { isOverdue } from './working-days'

const KINDS: readonly StageRoleKind[] = STAGE_ROLE_KINDS

/** What the board shows; every field lives in the URL so a link reproduces the view. */
export interface Filters {
  /** Cards where the signed-in person holds a role. */
  mine: boolean
  /** Cards where this member holds a role. */
  member: string | null
  /** Narrows `mine` / `member` (and `role`) to one of the three card roles. */
  as: StageRoleKind | null
  /** Cards on stages where this journey role (Sales, Finance…) takes part. */
  role: string | null
  tiers: Tier[]
  overdue: boolean
  q: string
  /** Phase focus: only this phase is shown. */
  phase: string | null
  /** Cards in this KAM quadrant. */
  kam: Quadrant | null
  /** Cards carrying this label. */
  label: string | null
}

export const NO_FILTERS: Filters = {
  mine: false,
  member: null,
  as: null,
  role: null,
  tiers: [],
  overdue: false,
  q: '',
  phase: null,
  kam: null,
  label: null,
}

const isKind = (v: string | null): v is StageRoleKind => KINDS.some((k) => k === v)
const isTier = (v: string): v is Tier => TIERS.some((t) => t === v)
const isQuadrant = (v: string | null): v is Quadrant => QUADRANTS.some((q) => q === v)

/** Reads the filters from a query string; anything unknown is ignored. */
export function readFilters(search: URLSearchParams): Filters {
  const as = search.get('as')
  const kam = search.get('kam')
  return {
    mine: search.get('mine') === '1',
    member: search.get('member') || null,
    as: isKind(as) ? as : null,
    role: search.get('role') || null,
    tiers: (search.get('tier') ?? '').split(',').filter(isTier),
    overdue: search.get('overdue') === '1',
    q: (search.get('q') ?? '').slice(0, 200),
    phase: search.get('phase') || null,
    kam: isQuadrant(kam) ? kam : null,
    label: search.get('label') || null,
  }
}

/** Writes the filters into a copy of a query string, leaving its other parameters alone. */
export function writeFilters(search: URLSearchParams, f: Filters): URLSearchParams {
  const next = new URLSearchParams(search)
  const put = (key: string, value: string | null) =>
    value ? next.set(key, value) : next.delete(key)
  put('mine', f.mine ? '1' : null)
  put('member', f.member)
  put('as', f.as)
  put('role', f.role)
  put('tier', TIERS.filter((t) => f.tiers.includes(t)).join(','))
  put('overdue', f.overdue ? '1' : null)
  put('q', f.q.trim())
  put('phase', f.phase)
  put('kam', f.kam)
  put('label', f.label)
  return next
}

/** True when any filter narrows the cards (phase focus only hides columns). */
export function narrowsCards(f: Filters): boolean {
  return (
    f.mine ||
    !!f.member ||
    !!f.role ||
    f.tiers.length > 0 ||
    f.overdue ||
    !!f.q.trim() ||
    !!f.label ||
    !!f.kam
  )
}

export interface MatchContext {
  /** The signed-in person's member id (null: an account that holds no card roles). */
  myMemberId: string | null
  now: Date
  /** The organisation calendar overdue is counted in. */
  calendar: Calendar
}

/** Builds the card predicate once per filter change; cheap to run over thousands of cards. */
export function cardFilter(
  f: Filters,
  ctx: MatchContext,
): (client: Client, stage: Stage) => boolean {
  const kinds = f.as ? [f.as] : KINDS
  const person = f.mine ? ctx.myMemberId : f.member
  const q = f.q.trim().toLowerCase()
  return (client, stage) => {
    if (f.mine || f.member) {
      if (!person || !kinds.some((k) => client.acting[k] === person)) return false
    }
    if (f.role && !kinds.some((k) => stage.roles[k] === f.role)) return false
    if (f.tiers.length > 0 && !f.tiers.includes(client.tier)) return false
    if (f.kam && client.kam !== f.kam) return false
    if (f.label && !client.labelIds.includes(f.label)) return false
    if (q && !`${client.name} ${client.company}`.toLowerCase().includes(q)) return false
    if (f.overdue && !isOverdue(client, stage.slaDays, ctx.now, ctx.calendar)) return false
    return true
  }
}

/** The board's filters as the API takes them (phase focus only hides columns: not sent). */
export function boardQuery(f: Filters, myMemberId: string | null): URLSearchParams {
  const q = new URLSearchParams()
  const member = f.mine ? myMemberId : f.member
  // "Mine" for an account that holds no card roles matches nothing: an id nobody has.
  if (f.mine || f.member) q.set('memberId', member ?? '-')
  if (f.as) q.set('as', f.as)
  if (f.role) q.set('role', f.role)
  if (f.tiers.length > 0) q.set('tier', f.tiers.join(','))
  if (f.overdue) q.set('overdue', '1')
  if (f.q.trim()) q.set('q', f.q.trim())
  if (f.label) q.set('label', f.label)
  if (f.kam) q.set('kam', f.kam)
  return q
}
