import { beforeAll, describe, expect, it } from 'vitest'
import { api, createClient } from './helpers'

const RATING = {
  attractiveness: 4,
  attractivenessNote: 'Большой бюджет, растёт',
  relationship: 2,
  relationshipNote: 'Знаем только закупщика',
}

let am: string

beforeAll(async () => {
  // The account manager reports to the test lead, so the lead sees this team's key accounts.
  const res = await api('/members', {
    method: 'POST',
    json: {
      name: 'Кира Аккаунт',
      email: 'kam.am@board.test',
      grade: 'senior',
      managerId: 't-lead',
      roleIds: ['account_manager'],
    },
  })
  am = res.body.id
})

describe('the KAM quadrant', () => {
  it('filters the board by quadrant on the server', async () => {
    const rated = await createClient('annual-review', { tier: 'A' })
    await createClient('annual-review', { tier: 'A' })
    const put = await api(`/clients/${rated.id}/kam`, {
      method: 'PUT',
      json: { version: rated.version, ...RATING },
    })
    expect(put.status).toBe(200)
    const board = await api('/board?kam=star')
    const column = board.body.columns.find(
      (c: { stageId: string }) => c.stageId === 'annual-review',
    )
    expect(column.cards.map((c: [string]) => c[0])).toEqual([rated.id])
    expect((await api('/board?kam=gold')).body.error.fields).toHaveProperty('kam')
  })

  it('rates a client as a versioned edit: the quadrant follows, the card and its history show it', async () => {
    const client = await createClient('regular-check-in', { tier: 'A' })
    expect(client.kam).toBeNull()
    expect((await api(`/clients/${client.id}/kam`)).body).toEqual({ kam: null })

    const put = await api(`/clients/${client.id}/kam`, {
      method: 'PUT',
      as: 'member',
      json: { version: client.version, ...RATING },
    })
    expect(put.status).toBe(200)
    expect(put.body.kam).toMatchObject({ ...RATING, quadrant: 'star', assessedBy: 'u-member' })
    expect(put.body.client).toMatchObject({ version: client.version + 1, kam: 'star' })
    expect((await api(`/clients/${client.id}`)).body.kam).toBe('star')

    const again = await api(`/clients/${client.id}/kam`, {
      method: 'PUT',
      json: { ...RATING, version: client.version + 1, relationship: 5 },
    })
    expect(again.body.kam.quadrant).toBe('strategic')
    const { events } = (await api(`/clients/${client.id}/history`)).body
    const rated = events.filter((e: { kind: string }) => e.kind === 'kam_assessed')
    expect(rated.map((e: { version: number; data: unknown }) => [e.version, e.data])).toEqual([
      [3, { attractiveness: 4, relationship: 5, quadrant: 'strategic', previous: 'star' }],
      [2, { attractiveness: 4, relationship: 2, quadrant: 'star', previous: null }],
    ])
  })

  it('refuses a stale version with the client as it is now, and writes nothing', async () => {
    const client = await createClient('regular-check-in', { tier: 'A' })
    await api(`/clients/${client.id}`, {
      method: 'PATCH',
      json: { version: client.version, name: 'Переименован' },
    })
    const stale = await api(`/clients/${client.id}/kam`, {
      method: 'PUT',
      json: { version: client.version, ...RATING },
    })
    expect(stale.status).toBe(409)
    expect(stale.body.error.code).toBe('version_conflict')
    expect(stale.body.current.version).toBe(client.version + 1)
    expect((await api(`/clients/${client.id}/kam`)).body.kam).toBeNull()
  })

  it('names the field for a rating out of range or a missing reason', async () => {
    const client = await createClient('regular-check-in', { tier: 'A' })
    const bad = await api(`/clients/${client.id}/kam`, {
      method: 'PUT',
      json: { ...RATING, version: client.version, attractiveness: 6, relationshipNote: ' ' },
    })
    expect(bad.status).toBe(422)
    expect(Object.keys(bad.body.error.fields).sort()).toEqual([
      'attractiveness',
      'relationshipNote',
    ])
  })

  it('lets viewers read and not rate', async () => {
    const client = await createClient('regular-check-in', { tier: 'A' })
    expect((await api(`/clients/${client.id}/kam`, { as: 'viewer' })).status).toBe(200)
    const put = await api(`/clients/${client.id}/kam`, {
      method: 'PUT',
      as: 'viewer',
      json: { version: client.version, ...RATING },
    })
    expect(put.status).toBe(403)
  })

  it("lists a lead's key accounts without a quadrant, and only the leads", async () => {
    const mine = await createClient('kickoff', {
      tier: 'A',
      people: { account_manager: am },
      reason: 'Test setup',
    })
    const rated = await createClient('kickoff', {
      tier: 'A',
      people: { account_manager: am },
      reason: 'Test setup',
    })
    const tierB = await createClient('kickoff', {
      tier: 'B',
      people: { account_manager: am },
      reason: 'Test setup',
    })
    await api(`/clients/${rated.id}/kam`, {
      method: 'PUT',
      json: { version: rated.version, ...RATING },
    })
    const list = await api('/kam/unassessed', { as: 'lead' })
    expect(list.status).toBe(200)
    const ids = list.body.clients.map((c: { clientId: string }) => c.clientId)
    expect(ids).toContain(mine.id)
    expect(ids).not.toContain(rated.id)
    expect(ids).not.toContain(tierB.id)
    expect(
      list.body.clients.find((c: { clientId: string }) => c.clientId === mine.id),
    ).toMatchObject({
      accountManagerId: am,
      leadId: 't-lead',
    })
    expect((await api('/kam/unassessed', { as: 'member' })).status).toBe(403)
  })
})
