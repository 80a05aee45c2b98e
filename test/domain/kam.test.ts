import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { kamLead, kamListedFor } from '../../worker/domain/kam'
import { quadrantOf } from '../../shared/kam-quadrant'
import type { AlertMember } from '../../worker/domain/team'

describe('quadrantOf', () => {
  it('places the four corners in the four quadrants', () => {
    expect(quadrantOf(5, 5)).toBe('strategic')
    expect(quadrantOf(5, 1)).toBe('star')
    expect(quadrantOf(1, 5)).toBe('status')
    expect(quadrantOf(1, 1)).toBe('streamline')
  })

  it('counts the middle of the scale as high on both axes', () => {
    expect(quadrantOf(3, 3)).toBe('strategic')
    expect(quadrantOf(2, 3)).toBe('status')
    expect(quadrantOf(3, 2)).toBe('star')
    expect(quadrantOf(2, 2)).toBe('streamline')
  })

  it('never moves a client to a weaker quadrant when a rating rises', () => {
    const rank = { streamline: 0, status: 1, star: 1, strategic: 2 }
    const rating = fc.integer({ min: 1, max: 5 })
    fc.assert(
      fc.property(rating, rating, rating, (a, r, up) => {
        const higherA = Math.max(a, up)
        expect(rank[quadrantOf(higherA, r)]).toBeGreaterThanOrEqual(rank[quadrantOf(a, r)])
        const higherR = Math.max(r, up)
        expect(rank[quadrantOf(a, higherR)]).toBeGreaterThanOrEqual(rank[quadrantOf(a, r)])
      }),
    )
  })
})

const m = (id: string, managerId: string | null, roleIds: string[] = []): AlertMember => ({
  id,
  managerId,
  active: true,
  roleIds,
})
const ORG = [m('head', null), m('lead', 'head'), m('am', 'lead', ['account_manager'])]

describe("a key account's lead", () => {
  it("is the account manager's lead", () => {
    expect(kamLead({ accountManagerId: 'am', leadId: 'lead' }, ORG, ['admin'])).toEqual(['lead'])
  })

  it('is the lead of the account-manager role when the client has no account manager', () => {
    expect(kamLead({ accountManagerId: null, leadId: null }, ORG, ['admin'])).toEqual(['lead'])
  })

  it('is the admins when nobody leads account managers', () => {
    expect(kamLead({ accountManagerId: null, leadId: null }, [m('x', null)], ['admin'])).toEqual([
      'admin',
    ])
  })

  it('lists the account for the lead and the leads above them, not for others', () => {
    const u = { accountManagerId: 'am', leadId: 'lead' }
    expect(kamListedFor(u, 'lead', ORG, [])).toBe(true)
    expect(kamListedFor(u, 'head', ORG, [])).toBe(true)
    expect(kamListedFor(u, 'stranger', [...ORG, m('stranger', null)], [])).toBe(false)
  })
})
