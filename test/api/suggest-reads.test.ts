import { env } from 'cloudflare:workers'
import { describe, expect, it } from 'vitest'
import { DEFAULT_CALENDAR } from '../../shared/clock'
import { suggestionFor, suggestionInputs } from '../../worker/services/suggestions'
import { snapshotAndClient } from '../../worker/services/team-snapshot'
import { sent } from './d1-trips'
import { api } from './helpers'
import { newClient, newMember } from './team-helpers'

const db = env.DB

async function setZone(timeZone: string) {
  const current = await api('/settings/calendar')
  const saved = await api('/settings/calendar', {
    method: 'PATCH',
    json: { calendar: { ...DEFAULT_CALENDAR, timeZone }, version: current.body.version },
  })
  expect(saved.status).toBe(200)
}

async function addAbsence(memberId: string, from: string, to: string) {
  await db
    .prepare(
      `INSERT INTO member_absences (id, member_id, from_date, to_date, created_at)
       VALUES (?1, ?2, ?3, ?4, 0)`,
    )
    .bind(crypto.randomUUID(), memberId, from, to)
    .run()
}

describe('the reads of a suggestion', () => {
  it('take one D1 round trip: settings, calendar, team, counts and the target in one batch', async () => {
    const am = await newMember('senior', null)
    const client = await newClient('B', { account_manager: am })
    const prospect = await sent((d) =>
      suggestionInputs(d, Date.now(), { tier: 'B', score: 60, roleId: 'account_manager' }),
    )
    expect(prospect.trips).toBe(1)
    expect(prospect.result.target).toMatchObject({ id: null, stageId: 'account-manager-assigned' })

    const live = await sent((d) =>
      suggestionInputs(d, Date.now(), { clientId: client.id, roleId: 'account_manager' }),
    )
    expect(live.trips).toBe(1)
    expect(live.statements).toBe(prospect.statements)
    expect(live.result.target).toMatchObject({ id: client.id, people: { account_manager: am } })

    // An assignment vets its pick on the same single read.
    const assign = await sent((d) => snapshotAndClient(d, Date.now(), client.id))
    expect(assign.trips).toBe(1)
    expect(assign.result.live?.version).toBe(client.version)
  })

  it('still answer 404 for an unknown client and 409 for an archived one', async () => {
    const missing = await api('/assignments/suggest', {
      method: 'POST',
      json: { clientId: 'no-such-client', roleId: 'account_manager' },
    })
    expect(missing.status).toBe(404)
    const client = await newClient('C')
    const archived = await api(`/clients/${client.id}`, {
      method: 'PATCH',
      json: { version: client.version, archived: true },
    })
    expect(archived.status).toBe(200)
    const res = await api('/assignments/suggest', {
      method: 'POST',
      json: { clientId: client.id, roleId: 'account_manager' },
    })
    expect(res.status).toBe(409)
  })

  it('judge absences by the calendar zone’s date, a day behind UTC or a day ahead', async () => {
    const away = await newMember('senior', null)
    const back = await newMember('senior', null)
    await addAbsence(away, '2026-11-20', '2026-12-01')
    await addAbsence(back, '2026-11-20', '2026-11-30')
    const ask = { tier: 'C' as const, roleId: 'account_manager' }

    // 03:00Z on 2 December is still 1 December at UTC−12: the absence ending that day holds.
    await setZone('Etc/GMT+12')
    const west = await suggestionInputs(db, Date.parse('2026-12-02T03:00:00Z'), ask)
    expect(west.snap.today).toBe('2026-12-01')
    const ranked = suggestionFor(west.snap, west.target, ask.roleId, west.snap.members)
    expect(ranked.excluded.find((e) => e.memberId === away)?.reasons).toEqual([
      'absent until 2026-12-01',
    ])
    expect(ranked.candidates.some((c) => c.memberId === back)).toBe(true)
    expect(west.snap.absences.filter((a) => a.memberId === back)).toEqual([])

    // 12:00Z on 1 December is already 2 December at UTC+14: that absence is over.
    await setZone('Pacific/Kiritimati')
    const east = await suggestionInputs(db, Date.parse('2026-12-01T12:00:00Z'), ask)
    expect(east.snap.today).toBe('2026-12-02')
    expect(east.snap.absences.filter((a) => a.memberId === away)).toEqual([])
    const eastRanked = suggestionFor(east.snap, east.target, ask.roleId, east.snap.members)
    expect(eastRanked.candidates.some((c) => c.memberId === away)).toBe(true)
    await setZone(DEFAULT_CALENDAR.timeZone)
  })
})
