import { describe, expect, it } from 'vitest'
import { api } from './helpers'
import { newClient, newLead, newMember } from './team-helpers'

interface Ranked {
  memberId: string
  utilizationBefore: number
  utilizationAfter: number
  reasons: string[]
}

describe('suggestions', () => {
  it('ranks the lead’s team by utilisation after and says why the others are left out', async () => {
    const lead = await newLead()
    const busy = await newMember('senior', lead.memberId)
    const free = await newMember('senior', lead.memberId)
    const away = await newMember('senior', lead.memberId)
    const junior = await newMember('junior', lead.memberId)
    const sales = await newMember('senior', lead.memberId, { roleIds: ['sales'] })
    const outsider = await newMember('senior', null)
    // busy is the account manager of an A, a B and a C client in account care, where the
    // account manager owns 5 stages of 6 and talks at the sixth: (5 × 1 + 0.5) / 6 = 0.9167 of
    // the tier weight, 2.75 + 1.8333 + 0.9167 = 5.5 points of a senior's 16 = 34%; a tier-A
    // account manager adds 2.75 → 52%.
    await newClient('A', { account_manager: busy })
    await newClient('B', { account_manager: busy })
    await newClient('C', { account_manager: busy })
    await newClient('B', { account_manager: free })
    const absence = await api(`/members/${away}/absences`, {
      as: lead.as,
      method: 'POST',
      json: { from: '2026-01-01', to: '2099-12-01', reason: 'Отпуск' },
    })
    expect(absence.status).toBe(201)

    const client = await newClient('A')
    const res = await api('/assignments/suggest', {
      as: lead.as,
      method: 'POST',
      json: { clientId: client.id, roleId: 'account_manager' },
    })
    expect(res.status).toBe(200)
    expect(res.body.client).toMatchObject({
      id: client.id,
      tier: 'A',
      roleId: 'account_manager',
      part: 'owner',
    })
    expect(res.body.client.weight).toBe(2.75)
    const ranked = res.body.candidates as Ranked[]
    expect(ranked.map((c) => c.memberId)).toEqual([free, busy])
    expect(ranked[0]).toMatchObject({ utilizationBefore: 0.1146, utilizationAfter: 0.2865 })
    expect(ranked[1]?.reasons[0]).toBe('senior · 34% → 52%')
    expect(ranked[1]?.utilizationAfter).toBe(0.5156)

    const why = new Map(
      res.body.excluded.map((e: { memberId: string; reasons: string[] }) => [
        e.memberId,
        e.reasons,
      ]),
    )
    expect(why.get(junior)).toEqual(['junior: below the minimum grade for tier A'])
    expect(why.get(away)).toEqual(['absent until 2099-12-01'])
    expect(why.get(sales)).toEqual(['cannot play Account manager'])
    expect(why.get(lead.memberId)).toEqual(['cannot play Account manager'])
    expect(why.has(outsider)).toBe(false)
  })

  it('suggests for a client not created yet, from its tier, at Account manager assigned', async () => {
    const lead = await newLead()
    const middle = await newMember('middle', lead.memberId)
    const res = await api('/assignments/suggest', {
      as: lead.as,
      method: 'POST',
      json: { tier: 'B', score: 64, roleId: 'account_manager' },
    })
    expect(res.status).toBe(200)
    // The account manager owns 5 of onboarding's 7 stages and talks at 2: B (2) × 6/7 ×
    // onboarding (1.5) = 2.5714 points of 12.
    expect(res.body.client).toMatchObject({
      id: null,
      stageId: 'account-manager-assigned',
      score: 64,
      part: 'owner',
      weight: 2.5714,
    })
    expect(res.body.candidates).toEqual([
      expect.objectContaining({ memberId: middle, utilizationBefore: 0, utilizationAfter: 0.2143 }),
    ])
  })

  it('answers an old-shaped request (a slot instead of a role) with what to send', async () => {
    const res = await api('/assignments/suggest', {
      as: 'lead',
      method: 'POST',
      json: { tier: 'C', role: 'owner' },
    })
    expect(res.status).toBe(422)
    expect(res.body.error.fields.role[0]).toContain('send roleId')
    expect(res.body.error.fields.roleId).toBeDefined()
  })

  it('is a lead tool: members and viewers get 403, bad input 422', async () => {
    const body = { tier: 'C', roleId: 'account_manager' }
    for (const as of ['member', 'viewer'] as const) {
      const res = await api('/assignments/suggest', { as, method: 'POST', json: body })
      expect(res.status).toBe(403)
    }
    const both = await api('/assignments/suggest', {
      as: 'lead',
      method: 'POST',
      json: { tier: 'C', clientId: 'x', roleId: 'account_manager' },
    })
    expect(both.status).toBe(422)
    expect(both.body.error.fields.clientId).toBeDefined()
    const unknownRole = await api('/assignments/suggest', {
      method: 'POST',
      json: { tier: 'C', roleId: 'boss' },
    })
    expect(unknownRole.status).toBe(422)
    expect(unknownRole.body.error.fields.roleId).toBeDefined()
    const missing = await api('/assignments/suggest', {
      method: 'POST',
      json: { clientId: 'no-such-client', roleId: 'account_manager' },
    })
    expect(missing.status).toBe(404)
  })
})

describe('assigning', () => {
  it('records the pick, who was suggested, and needs a reason to pass over the top one', async () => {
    const lead = await newLead()
    const first = await newMember('middle', lead.memberId)
    const second = await newMember('middle', lead.memberId, {
      roleIds: ['account_manager', 'support'],
    })
    await newClient('C', { account_manager: second })
    const client = await newClient('B')

    const unexplained = await api(`/clients/${client.id}/assign`, {
      as: lead.as,
      method: 'POST',
      json: { roleId: 'account_manager', memberId: second, version: client.version },
    })
    expect(unexplained.status).toBe(422)
    expect(unexplained.body.error.fields.reason[0]).toContain(first)

    const blank = await api(`/clients/${client.id}/assign`, {
      as: lead.as,
      method: 'POST',
      json: { roleId: 'account_manager', memberId: second, version: client.version, reason: ' ' },
    })
    expect(blank.status).toBe(422)

    const explained = await api(`/clients/${client.id}/assign`, {
      as: lead.as,
      method: 'POST',
      json: {
        roleId: 'account_manager',
        memberId: second,
        version: client.version,
        reason: 'Knows the client',
      },
    })
    expect(explained.status).toBe(200)
    expect(explained.body).toMatchObject({
      version: 2,
      people: { account_manager: second },
      // Regular check-in: the account manager owns and talks to the client.
      acting: { owner: second, communicator: second, support: null },
    })
    const history = await api(`/clients/${client.id}/history`)
    expect(history.body.events[0]).toMatchObject({
      kind: 'assigned',
      version: 2,
      data: {
        roleId: 'account_manager',
        from: null,
        to: second,
        suggested: first,
        reason: 'Knows the client',
      },
    })

    const top = await api(`/clients/${client.id}/people/support`, {
      as: lead.as,
      method: 'PUT',
      json: { memberId: second, version: 2 },
    })
    expect(top.status).toBe(200)
    const again = await api(`/clients/${client.id}/history`)
    expect(again.body.events[0].data).toMatchObject({
      roleId: 'support',
      to: second,
      suggested: second,
      reason: null,
    })
  })

  it('refuses a stale version with the current client, as PATCH does', async () => {
    const lead = await newLead()
    const m = await newMember('middle', lead.memberId)
    const client = await newClient('C')
    const edited = await api(`/clients/${client.id}`, {
      method: 'PATCH',
      json: { version: client.version, name: 'Renamed' },
    })
    expect(edited.status).toBe(200)
    const stale = await api(`/clients/${client.id}/assign`, {
      as: lead.as,
      method: 'POST',
      json: { roleId: 'account_manager', memberId: m, version: client.version },
    })
    expect(stale.status).toBe(409)
    expect(stale.body.error.code).toBe('version_conflict')
    expect(stale.body.current).toMatchObject({ id: client.id, version: 2, name: 'Renamed' })
    const history = await api(`/clients/${client.id}/history`)
    expect(history.body.events.map((e: { kind: string }) => e.kind)).toEqual(['edited', 'created'])
  })

  it('lets exactly one of two concurrent assignments with the same version land', async () => {
    const lead = await newLead()
    const a = await newMember('middle', lead.memberId)
    const b = await newMember('middle', lead.memberId)
    const client = await newClient('C')
    const pick = (memberId: string) =>
      api(`/clients/${client.id}/assign`, {
        as: lead.as,
        method: 'POST',
        json: { roleId: 'account_manager', memberId, version: 1, reason: 'Either will do' },
      })
    const results = await Promise.all([pick(a), pick(b)])
    expect(results.map((r) => r.status).sort()).toEqual([200, 409])
    const history = await api(`/clients/${client.id}/history`)
    expect(history.body.events.filter((e: { kind: string }) => e.kind === 'assigned')).toHaveLength(
      1,
    )
    const people = await api(`/clients/${client.id}/people`)
    expect(people.body.people).toHaveLength(1)
  })

  it('refuses members, ineligible picks and unknown members', async () => {
    const lead = await newLead()
    const junior = await newMember('junior', lead.memberId)
    const client = await newClient('A')
    const json = { roleId: 'account_manager', memberId: junior, version: 1, reason: 'Try' }
    const asMember = await api(`/clients/${client.id}/assign`, {
      as: 'member',
      method: 'POST',
      json,
    })
    expect(asMember.status).toBe(403)
    const ineligible = await api(`/clients/${client.id}/assign`, {
      as: lead.as,
      method: 'POST',
      json,
    })
    expect(ineligible.status).toBe(422)
    expect(ineligible.body.error.fields.memberId[0]).toContain(
      'junior: below the minimum grade for tier A',
    )
    const unknown = await api(`/clients/${client.id}/assign`, {
      as: lead.as,
      method: 'POST',
      json: { ...json, memberId: 'nobody' },
    })
    expect(unknown.status).toBe(422)
    expect(unknown.body.error.fields.memberId).toBeDefined()
    const missing = await api('/clients/nope/assign', { as: lead.as, method: 'POST', json })
    expect(missing.status).toBe(404)
  })
})

describe('bad input on the load endpoints', () => {
  const cases: [string, string, string | undefined][] = [
    ['POST', '/assignments/suggest', 'not json'],
    ['POST', '/assignments/suggest', '{"roleId":"sales","tier":"Z"}'],
    ['POST', '/assignments/suggest', '{"roleId":"sales","tier":"A","stageId":"nowhere"}'],
    ['POST', '/assignments/suggest', '{"roleId":"sales","tier":"A","leadId":"nobody"}'],
    ['POST', '/clients/x/assign', '{"roleId":"sales","memberId":"m","version":0}'],
    ['POST', '/clients/x/assign', '{"role":"owner","memberId":"m","version":1}'],
    ['POST', '/clients/x/assign', undefined],
    ['PUT', '/clients/x/people/sales', '{"memberId":"m"}'],
    ['DELETE', '/clients/x/people/sales?version=zero', undefined],
    ['PATCH', '/settings/load', '{"load":{},"version":0}'],
    ['POST', '/members/x/absences', '{"from":"tomorrow","to":"2026-01-01"}'],
    ['POST', '/rebalance/x/accept', '{"version":"1"}'],
    ['GET', '/rebalance?status=maybe', undefined],
  ]

  it.each(cases)('answers %s %s with a 4xx, never a 500', async (method, path, body) => {
    const res = await api(path, { method, body, headers: { 'content-type': 'application/json' } })
    expect(res.status).toBeGreaterThanOrEqual(400)
    expect(res.status).toBeLessThan(500)
    expect(res.body.error.code).toEqual(expect.any(String))
  })
})
