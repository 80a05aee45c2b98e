import { env } from 'cloudflare:workers'
import { describe, expect, it } from 'vitest'
import { DEFAULT_LOAD_SETTINGS } from '../../worker/domain/load'
import { api } from './helpers'
import { newClient, newLead, newMember } from './team-helpers'

interface Row {
  id: string
  [key: string]: unknown
}
const teamRows = async () => {
  const res = await api('/team', { as: 'viewer' })
  expect(res.status).toBe(200)
  return new Map((res.body.members as Row[]).map((m) => [m.id, m]))
}

describe('the team endpoint', () => {
  it('shows load, capacity, utilisation and overdue cards as the data stands now', async () => {
    const lead = await newLead()
    const middle = await newMember('middle', lead.memberId)
    const junior = await newMember('junior', lead.memberId, {
      capacityOverride: 4,
      roleIds: ['product'],
    })
    await newClient('B', { account_manager: middle, product: junior }, 'kickoff')
    const late = await newClient('B', { account_manager: middle })
    await env.DB.prepare('UPDATE clients SET overdue_level = 1 WHERE id = ?1').bind(late.id).run()

    const rows = await teamRows()
    // middle, the account manager: B in onboarding, where the account manager owns 5 stages of
    // 7 and talks at 2, 2 × 6/7 × 1.5 = 2.5714; plus B in care (owns 5 of 6, talks at 1),
    // 2 × 5.5/6 = 1.8333 → 4.4048 / 12.
    expect(rows.get(middle)).toMatchObject({
      grade: 'middle',
      managerId: lead.memberId,
      load: 4.4048,
      capacity: 12,
      utilization: 0.3671,
      clientCount: 2,
      clientsByRole: { account_manager: 2 },
      overdueCount: 1,
      absence: null,
      absentToday: false,
    })
    // junior, the product person, who supports at 3 of onboarding's 7 stages:
    // 2 × (3 × 0.25 / 7) × 1.5 = 0.3214 of 4.
    expect(rows.get(junior)).toMatchObject({
      load: 0.3214,
      capacity: 4,
      utilization: 0.0804,
      clientsByRole: { product: 1 },
    })
    expect(rows.get(lead.memberId)).toMatchObject({ directReports: 2, spanExceeded: false })

    // Never cached: an archived client drops out on the next call.
    await api(`/clients/${late.id}`, {
      method: 'PATCH',
      json: { version: late.version, archived: true },
    })
    expect((await teamRows()).get(middle)).toMatchObject({ load: 2.5714, overdueCount: 0 })
  })

  it('flags a lead with more than seven direct reports, and shows absences', async () => {
    const lead = await newLead()
    const reports = []
    for (let i = 0; i < 8; i += 1) reports.push(await newMember('junior', lead.memberId))
    const [away] = reports
    await api(`/members/${away}/absences`, {
      as: lead.as,
      method: 'POST',
      json: { from: '2020-01-01', to: '2099-01-31', reason: 'Декрет' },
    })
    const rows = await teamRows()
    expect(rows.get(lead.memberId)).toMatchObject({ directReports: 8, spanExceeded: true })
    expect(rows.get(away ?? '')).toMatchObject({
      absentToday: true,
      absence: { from: '2020-01-01', to: '2099-01-31', reason: 'Декрет' },
    })
    const team = await api('/team')
    expect(team.body.thresholds).toEqual({
      overloadedAbove: 1,
      underloadedBelow: 0.7,
      spanOfControl: 7,
    })
  })
})

describe('absences', () => {
  it('are kept by the lead of the team or an admin', async () => {
    const lead = await newLead()
    const other = await newLead()
    const m = await newMember('middle', lead.memberId)
    const json = { from: '2026-12-01', to: '2026-12-05' }
    expect(
      (await api(`/members/${m}/absences`, { as: other.as, method: 'POST', json })).status,
    ).toBe(403)
    expect(
      (await api(`/members/${m}/absences`, { as: 'member', method: 'POST', json })).status,
    ).toBe(403)
    expect((await api(`/members/${m}/absences`, { as: 'member' })).status).toBe(403)
    const created = await api(`/members/${m}/absences`, { as: lead.as, method: 'POST', json })
    expect(created.status).toBe(201)
    expect(created.body).toMatchObject({
      memberId: m,
      from: '2026-12-01',
      to: '2026-12-05',
      reason: '',
    })
    const list = await api(`/members/${m}/absences`, { as: lead.as })
    expect(list.body.absences).toHaveLength(1)
    const id = created.body.id as string
    expect((await api(`/absences/${id}`, { as: other.as, method: 'DELETE' })).status).toBe(403)
    expect((await api(`/absences/${id}`, { method: 'DELETE' })).status).toBe(204)
    expect((await api(`/absences/${id}`, { method: 'DELETE' })).status).toBe(404)
  })

  it('refuses an absence that ends before it starts, or a bad date', async () => {
    const m = await newMember('middle', null)
    const backwards = await api(`/members/${m}/absences`, {
      method: 'POST',
      json: { from: '2026-12-05', to: '2026-12-01' },
    })
    expect(backwards.status).toBe(422)
    expect(backwards.body.error.fields.to).toBeDefined()
    const bad = await api(`/members/${m}/absences`, {
      method: 'POST',
      json: { from: '2026-13-01', to: '2026-12-01' },
    })
    expect(bad.status).toBe(422)
    expect(
      (
        await api('/members/nobody/absences', {
          method: 'POST',
          json: { from: '2026-12-01', to: '2026-12-01' },
        })
      ).status,
    ).toBe(404)
  })
})

describe('load settings', () => {
  it('start at the DOMAIN.md defaults and change only for an admin with the current version', async () => {
    const initial = await api('/settings/load', { as: 'viewer' })
    expect(initial.body).toEqual({ load: DEFAULT_LOAD_SETTINGS, version: 0 })
    const load = {
      ...DEFAULT_LOAD_SETTINGS,
      capacity: { ...DEFAULT_LOAD_SETTINGS.capacity, middle: 10 },
    }
    const asLead = await api('/settings/load', {
      as: 'lead',
      method: 'PATCH',
      json: { load, version: 0 },
    })
    expect(asLead.status).toBe(403)
    const unknownPhase = await api('/settings/load', {
      method: 'PATCH',
      json: { load: { ...load, phaseEffort: { nowhere: 2 } }, version: 0 },
    })
    expect(unknownPhase.status).toBe(422)
    expect(unknownPhase.body.error.fields['load.phaseEffort.nowhere']).toBeDefined()
    const negative = await api('/settings/load', {
      method: 'PATCH',
      json: { load: { ...load, tierWeight: { A: -1, B: 2, C: 1 } }, version: 0 },
    })
    expect(negative.status).toBe(422)

    const saved = await api('/settings/load', { method: 'PATCH', json: { load, version: 0 } })
    expect(saved.status).toBe(200)
    expect(saved.body.version).toBe(1)
    const stale = await api('/settings/load', { method: 'PATCH', json: { load, version: 0 } })
    expect(stale.status).toBe(409)
    expect(stale.body.current).toEqual({ load, version: 1 })

    const m = await newMember('middle', null)
    expect((await teamRows()).get(m)).toMatchObject({ capacity: 10 })
    const back = await api('/settings/load', {
      method: 'PATCH',
      json: { load: DEFAULT_LOAD_SETTINGS, version: 1 },
    })
    expect(back.status).toBe(200)
  })
})
