import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { ChangeEntity, type BoardChange, type ChangesPage } from '../../schema/live'
import { ACCESS_ROLES, can } from '../../schema/access'
import { CHANGE_READ, coalesce, mustReset, presence, visiblePage } from '../../worker/domain/live'

const change = (id: number, entity: BoardChange['entity'], entityId: string): BoardChange => ({
  id,
  entity,
  entityId,
  clientId: entity === 'client' ? entityId : null,
  kind: 'updated',
  version: id,
  at: new Date(0).toISOString(),
})

describe('who receives a change', () => {
  it('has a read rule for every kind of change', () => {
    expect(Object.keys(CHANGE_READ).sort()).toEqual([...ChangeEntity.options].sort())
  })

  it('gives each role exactly the changes its read rules allow, viewers included', () => {
    const page: ChangesPage = {
      from: 0,
      cursor: 5,
      reset: false,
      changes: ChangeEntity.options.map((entity, i) => change(i + 1, entity, `x${i}`)),
      clients: [],
    }
    for (const role of ACCESS_ROLES) {
      const seen = visiblePage(role, page).changes.map((c) => c.entity)
      expect(seen).toEqual(ChangeEntity.options.filter((e) => can(role, CHANGE_READ[e])))
    }
    expect(visiblePage('viewer', page).changes).toHaveLength(ChangeEntity.options.length)
  })
})

describe('coalescing', () => {
  const changes = fc
    .uniqueArray(fc.integer({ min: 1, max: 10_000 }), { maxLength: 60 })
    .chain((ids) =>
      fc.tuple(
        ...ids.map((id) =>
          fc.tuple(
            fc.constant(id),
            fc.constantFrom(...ChangeEntity.options),
            fc.constantFrom('a', 'b', 'c'),
          ),
        ),
      ),
    )
    .map((rows) => rows.map(([id, entity, entityId]) => change(id, entity, entityId)))

  it('keeps the newest change of each thing, in feed order', () => {
    fc.assert(
      fc.property(changes, (all) => {
        const kept = coalesce(all)
        const keys = kept.map((c) => `${c.entity}:${c.entityId}`)
        expect(new Set(keys).size).toBe(keys.length)
        expect(kept.map((c) => c.id)).toEqual([...kept.map((c) => c.id)].sort((a, b) => a - b))
        for (const c of all) {
          const newest = kept.find((k) => k.entity === c.entity && k.entityId === c.entityId)
          expect(newest && newest.id >= c.id).toBe(true)
        }
      }),
    )
  })
})

describe('when a reader must reload', () => {
  const bounds = { oldest: 100, newest: 300 }
  it('catches up from a cursor the feed still covers', () => {
    expect(mustReset(99, bounds, 201, 500)).toBe(false)
    expect(mustReset(300, bounds, 0, 500)).toBe(false)
  })
  it('reloads when the feed forgot changes the reader missed', () => {
    expect(mustReset(98, bounds, 202, 500)).toBe(true)
  })
  it('reloads on a cursor ahead of the feed (another database)', () => {
    expect(mustReset(301, bounds, 0, 500)).toBe(true)
  })
  it('reloads when more than a page was missed', () => {
    expect(mustReset(150, bounds, 151, 150)).toBe(true)
  })
})

describe('presence', () => {
  it('lists each person once, with the card any of their tabs drags', () => {
    const users = presence([
      { id: 'u2', name: 'Boris', role: 'member', dragging: null },
      { id: 'u1', name: 'Anna', role: 'lead', dragging: null },
      { id: 'u2', name: 'Boris', role: 'member', dragging: 'card-1' },
      { id: 'u2', name: 'Boris', role: 'member', dragging: null },
    ])
    expect(users).toEqual([
      { id: 'u1', name: 'Anna', dragging: null },
      { id: 'u2', name: 'Boris', dragging: 'card-1' },
    ])
  })
})
