import { describe, expect, it } from 'vitest'
import type { Client } from '../../schema/clients'
import type { Stage } from '../../schema/journey'
import { DEFAULT_CALENDAR } from '../../shared/clock'
import {
  cardFilter,
  NO_FILTERS,
  narrowsCards,
  readFilters,
  writeFilters,
  type Filters,
} from '../../web/src/board/filters'
import { slotAt, visibleRows, listHeight, ROW, LIST_PAD } from '../../web/src/board/layout'

const stage: Stage = {
  id: 'proposal',
  phaseId: 'sale',
  name: { ru: 'КП', en: 'Proposal' },
  position: 3,
  slaDays: 3,
  overduePolicy: 'flag',
  wipLimit: null,
  description: { ru: '', en: '' },
  roles: { owner: 'sales', communicator: 'sales', support: 'finance' },
  archived: false,
  version: 1,
  automationCount: 0,
}

const client = {
  id: 'c1',
  name: 'Анна Смирнова',
  company: 'ООО «Ромашка»',
  tier: 'A',
  score: 80,
  stageId: 'proposal',
  position: 'a0',
  enteredStageAt: '2026-11-23T09:00:00.000Z',
  people: { sales: 'm1', finance: 'm2' },
  acting: { owner: 'm1', communicator: 'm1', support: 'm2' },
  version: 1,
  createdAt: '2026-11-23T09:00:00.000Z',
  updatedAt: '2026-11-23T09:00:00.000Z',
  archived: false,
  dueAt: null,
  overdueLevel: 0,
  kam: 'star',
  flags: [{ kind: 'incident', overdueLevel: 1 }],
  labelIds: [],
  dueDate: null,
  tasks: { open: 0, done: 0, next: null },
} as Client

const monday = new Date('2026-11-23T12:00:00.000Z')
const matches = (f: Partial<Filters>, myMemberId: string | null = 'm1', now = monday) =>
  cardFilter({ ...NO_FILTERS, ...f }, { myMemberId, now, calendar: DEFAULT_CALENDAR })(
    client,
    stage,
  )

describe('the label filter', () => {
  it('keeps only the cards that carry the label', () => {
    const ctx = { myMemberId: null, now: monday, calendar: DEFAULT_CALENDAR }
    const filter = cardFilter({ ...NO_FILTERS, label: 'vip' }, ctx)
    expect(filter({ ...client, labelIds: ['hot', 'vip'] }, stage)).toBe(true)
    expect(filter({ ...client, labelIds: ['hot'] }, stage)).toBe(false)
    expect(narrowsCards({ ...NO_FILTERS, label: 'vip' })).toBe(true)
  })
})

describe('filters in the URL', () => {
  it('round-trips every filter and keeps other parameters', () => {
    const f: Filters = {
      mine: true,
      member: 'm2',
      as: 'owner',
      role: 'finance',
      tiers: ['C', 'A'],
      overdue: true,
      q: 'ромашка',
      phase: 'sale',
      kam: 'strategic',
      label: 'vip',
    }
    const search = writeFilters(new URLSearchParams('card=c1'), f)
    expect(search.get('card')).toBe('c1')
    expect(search.get('tier')).toBe('A,C')
    expect(readFilters(search)).toEqual({ ...f, tiers: ['A', 'C'] })
  })

  it('writes nothing for no filters and ignores junk', () => {
    expect(writeFilters(new URLSearchParams(), NO_FILTERS).toString()).toBe('')
    expect(readFilters(new URLSearchParams('as=boss&tier=A,Z,B&mine=yes&kam=gold'))).toEqual({
      ...NO_FILTERS,
      tiers: ['A', 'B'],
    })
  })
})

describe('cardFilter', () => {
  it('finds the cards I act on at their stage, in any part or the one asked for', () => {
    expect(matches({ mine: true })).toBe(true)
    expect(matches({ mine: true, as: 'communicator' })).toBe(true)
    expect(matches({ mine: true, as: 'support' })).toBe(false)
    expect(matches({ mine: true }, 'm3')).toBe(false)
    expect(matches({ mine: true }, null)).toBe(false)
  })

  it('filters by member, journey role, tier and text', () => {
    expect(matches({ member: 'm2', as: 'support' })).toBe(true)
    expect(matches({ member: 'm2', as: 'communicator' })).toBe(false)
    expect(matches({ role: 'finance' })).toBe(true)
    expect(matches({ role: 'finance', as: 'owner' })).toBe(false)
    expect(matches({ tiers: ['B', 'C'] })).toBe(false)
    expect(matches({ q: 'РОМАШ' })).toBe(true)
    expect(matches({ q: 'лютик' })).toBe(false)
  })

  it('keeps the cards of one KAM quadrant', () => {
    expect(matches({ kam: 'star' })).toBe(true)
    expect(matches({ kam: 'strategic' })).toBe(false)
    expect(narrowsCards({ ...NO_FILTERS, kam: 'status' })).toBe(true)
  })

  it('keeps only overdue cards when asked, counting working time of the calendar', () => {
    expect(matches({ overdue: true })).toBe(false)
    // Monday 12:00 in Moscow + 3 working days (of 9 hours) is Thursday noon; Monday is past it.
    expect(matches({ overdue: true }, 'm1', new Date('2026-11-26T08:00:00.000Z'))).toBe(false)
    expect(matches({ overdue: true }, 'm1', new Date('2026-11-30T12:00:00.000Z'))).toBe(true)
  })

  it('knows when cards are narrowed', () => {
    expect(narrowsCards(NO_FILTERS)).toBe(false)
    expect(narrowsCards({ ...NO_FILTERS, phase: 'sale' })).toBe(false)
    expect(narrowsCards({ ...NO_FILTERS, overdue: true })).toBe(true)
  })
})

describe('column layout', () => {
  it('renders only the rows in view, plus a few around them', () => {
    expect(visibleRows(0, 500, 3)).toEqual([0, 3])
    const [start, end] = visibleRows(100 * ROW, 5 * ROW, 5000)
    expect(start).toBeGreaterThan(90)
    expect(end).toBeLessThan(115)
  })

  it('maps a dragged card position to the nearest slot', () => {
    expect(slotAt(-50, 4)).toBe(0)
    expect(slotAt(LIST_PAD + 2 * ROW + 10, 4)).toBe(2)
    expect(slotAt(LIST_PAD + 2 * ROW + ROW * 0.6, 4)).toBe(3)
    expect(slotAt(10_000, 4)).toBe(4)
    expect(listHeight(0)).toBe(0)
  })
})
