import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import type { Client } from '../../schema/clients'
import type { Stage } from '../../schema/journey'
import { DEFAULT_CALENDAR, slaDeadlines } from '../../shared/clock'
import { planMove, type MoveReads } from '../../worker/domain/move-plan'
import { keyBetween } from '../../worker/domain/ordering'

const NOW = Date.parse('2026-12-01T10:00:00.000Z')

const client: Client = {
  id: 'c-1',
  name: 'Client',
  company: 'Company',
  tier: 'B',
  score: null,
  stageId: 'kickoff',
  position: 'a0',
  enteredStageAt: '2026-11-23T09:00:00.000Z',
  people: { account_manager: 'm-04', sales: 'm-14' },
  acting: { owner: null, communicator: null, support: null },
  version: 3,
  createdAt: '2026-11-23T09:00:00.000Z',
  updatedAt: '2026-11-23T09:00:00.000Z',
  archived: false,
  dueAt: null,
  overdueLevel: 1,
  labelIds: [],
  dueDate: null,
  tasks: { open: 0, done: 0, next: null },
  kam: null,
  flags: [],
}

const stage: Stage = {
  id: 'onboarding-plan',
  phaseId: 'onboarding',
  name: { ru: 'План онбординга', en: 'Onboarding plan' },
  position: 3,
  slaDays: 3,
  overduePolicy: 'flag',
  wipLimit: 5,
  description: { ru: '', en: '' },
  roles: { owner: 'account_manager', communicator: 'account_manager', support: 'sales' },
  archived: false,
  version: 1,
  automationCount: 0,
}

const reads = (over: Partial<MoveReads> = {}): MoveReads => ({
  client,
  stage,
  anchor: null,
  lastKey: 'a5',
  calendar: DEFAULT_CALENDAR,
  ...over,
})

const move = { stageId: 'onboarding-plan', version: 3 }

describe('planMove', () => {
  it('plans a move to the end of another stage: new key, deadlines, clock and acting people', () => {
    const plan = planMove(move, reads(), NOW)
    if (plan.kind !== 'plan') throw new Error(plan.why.kind)
    const { dueAt } = slaDeadlines(NOW, 3, DEFAULT_CALENDAR)
    expect(plan.position > 'a5').toBe(true)
    expect(plan).toMatchObject({ changesStage: true, wipLimit: 5, dueAt, rekeyAfter: false })
    expect(plan.result).toMatchObject({
      stageId: 'onboarding-plan',
      version: 4,
      enteredStageAt: new Date(NOW).toISOString(),
      overdueLevel: 0,
      acting: { owner: 'm-04', communicator: 'm-04', support: 'm-14' },
    })
  })

  it('keeps the clock and skips the room check on a reorder within the column', () => {
    const plan = planMove(
      { stageId: 'kickoff', version: 3 },
      reads({ stage: { ...stage, id: 'kickoff' } }),
      NOW,
    )
    if (plan.kind !== 'plan') throw new Error(plan.why.kind)
    expect(plan.changesStage).toBe(false)
    expect(plan.dueAt).toBeNull()
    expect(plan.result.enteredStageAt).toBe(client.enteredStageAt)
    expect(plan.result.overdueLevel).toBe(1)
  })

  it('lands strictly between an anchor and its neighbour, on either side', () => {
    fc.assert(
      fc.property(fc.boolean(), fc.boolean(), (before, hasBeyond) => {
        const a = keyBetween({ before: null, after: null })
        const b = keyBetween({ before: a, after: null })
        const anchor = before
          ? {
              id: 'c-2',
              stageId: stage.id,
              archived: false,
              position: b,
              beyond: hasBeyond ? a : null,
            }
          : {
              id: 'c-2',
              stageId: stage.id,
              archived: false,
              position: a,
              beyond: hasBeyond ? b : null,
            }
        const m = before ? { ...move, beforeId: 'c-2' } : { ...move, afterId: 'c-2' }
        const plan = planMove(m, reads({ anchor }), NOW)
        if (plan.kind !== 'plan') throw new Error(plan.why.kind)
        if (before) {
          expect(plan.position < b).toBe(true)
          if (hasBeyond) expect(plan.position > a).toBe(true)
        } else {
          expect(plan.position > a).toBe(true)
          if (hasBeyond) expect(plan.position < b).toBe(true)
        }
      }),
    )
  })

  it('refuses what cannot be done, saying why', () => {
    const why = (m: Parameters<typeof planMove>[0], r: MoveReads) => {
      const plan = planMove(m, r, NOW)
      return plan.kind === 'refused' ? plan.why.kind : 'plan'
    }
    expect(why(move, reads({ client: null }))).toBe('client_not_found')
    expect(why(move, reads({ stage: null }))).toBe('stage_not_found')
    expect(why(move, reads({ stage: { ...stage, archived: true } }))).toBe('stage_not_found')
    expect(why({ ...move, version: 2 }, reads())).toBe('version_conflict')
    expect(why(move, reads({ client: { ...client, archived: true } }))).toBe('archived')
    const other = { id: 'c-2', stageId: 'kickoff', archived: false, position: 'a1', beyond: null }
    expect(why({ ...move, beforeId: 'c-2' }, reads({ anchor: other }))).toBe('bad_anchor')
    expect(why({ ...move, beforeId: 'c-2' }, reads({ anchor: null }))).toBe('bad_anchor')
    const self = { ...other, id: 'c-1', stageId: stage.id }
    expect(why({ ...move, afterId: 'c-1' }, reads({ anchor: self }))).toBe('bad_anchor')
    const equal = { ...other, stageId: stage.id, position: 'a1', beyond: 'a1' }
    expect(why({ ...move, afterId: 'c-2' }, reads({ anchor: equal }))).toBe('rekey')
  })

  it('lifts the room check for a forced move', () => {
    const plan = planMove({ ...move, force: true }, reads(), NOW)
    expect(plan.kind === 'plan' && plan.wipLimit).toBe(null)
  })
})
