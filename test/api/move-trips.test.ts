import { env } from 'cloudflare:workers'
import { describe, expect, it } from 'vitest'
import { moveCard, type MoveCaller } from '../../worker/services/move-client'
import { sent } from './d1-trips'
import { newClient, newLead, newMember } from './team-helpers'

// A move is two D1 round trips, a read batch and a write batch, whoever the card arrives to:
// who to tell about a role nobody holds on the card is part of the read batch.

const caller: MoveCaller = { session: null, admit: async () => ({ actorId: null, keyed: null }) }

const move = (clientId: string, stageId: string, version: number) =>
  sent((d) => moveCard(d, clientId, { stageId, version }, Date.now(), caller))

const unstaffedAlerts = (clientId: string) =>
  env.DB.prepare("SELECT member_id FROM notifications WHERE client_id = ?1 AND kind = 'unstaffed'")
    .bind(clientId)
    .all<{ member_id: string }>()
    .then((r) => r.results.map((n) => n.member_id))

/** The read batch's statement for who to tell, and how many rows it answered. */
const arrivalOrgRows = (log: Awaited<ReturnType<typeof move>>['log']) =>
  log.filter((e) => e.sql.includes('missing(role_id)')).map((e) => e.rows)

describe("a move's round trips", () => {
  it("are two when the card arrives with nobody in a role, and the role's lead hears of it", async () => {
    const lead = await newLead()
    // The lead with the most account managers is the role's lead: give this one the most.
    for (let i = 0; i < 30; i += 1) await newMember('junior', lead.memberId)
    const client = await newClient('B', {}, 'payment-received')
    // Account manager assigned: the account manager talks to the client, and there is none.
    const arrived = await move(client.id, 'account-manager-assigned', 1)
    expect(arrived.result).toMatchObject({ kind: 'moved', client: { version: 2 } })
    expect(arrived.trips).toBe(2)
    expect(arrivalOrgRows(arrived.log)).toEqual([1])
    expect(await unstaffedAlerts(client.id)).toEqual([lead.memberId])

    // A reorder enters no stage: nobody is read, nobody hears again.
    const reordered = await move(client.id, 'account-manager-assigned', 2)
    expect(reordered.result).toMatchObject({ kind: 'moved', client: { version: 3 } })
    expect(reordered.trips).toBe(2)
    expect(arrivalOrgRows(reordered.log)).toEqual([0])
    expect(await unstaffedAlerts(client.id)).toEqual([lead.memberId])
  })

  it('are two when every role is held, and then nobody is read for alerts', async () => {
    const lead = await newLead()
    const am = await newMember('senior', lead.memberId)
    const client = await newClient(
      'B',
      { account_manager: am, team_lead: lead.memberId },
      'payment-received',
    )
    const arrived = await move(client.id, 'account-manager-assigned', 1)
    expect(arrived.result).toMatchObject({ kind: 'moved', client: { version: 2 } })
    expect(arrived.trips).toBe(2)
    expect(arrivalOrgRows(arrived.log)).toEqual([0])
    expect(await unstaffedAlerts(client.id)).toEqual([])
  })
})
