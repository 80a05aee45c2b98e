import type { Client } from '../../schema/clients'
import type { Grade } from '../../schema/members'
import { api, signIn, type Caller } from './helpers'

const PASSWORD = 'team-password-1'
let counter = 0
const unique = () => `${Date.now().toString(36)}-${(counter += 1)}`

/** A member of the org chart, by default an account manager. */
export async function newMember(
  grade: Grade,
  managerId: string | null,
  extra: Record<string, unknown> = {},
): Promise<string> {
  const id = unique()
  const res = await api('/members', {
    method: 'POST',
    json: {
      name: `${grade} ${id}`,
      email: `m-${id}@team.test`,
      grade,
      managerId,
      roleIds: ['account_manager'],
      ...extra,
    },
  })
  if (res.status !== 201) throw new Error(`member: ${res.status} ${JSON.stringify(res.body)}`)
  return res.body.id as string
}

/** A lead with a sign-in of their own: tests then see only the team they build. */
export async function newLead(): Promise<{ memberId: string; as: Caller }> {
  const memberId = await newMember('lead', null, { roleIds: ['team_lead'] })
  const email = `lead-${unique()}@team.test`
  const res = await api('/users', {
    method: 'POST',
    json: { email, name: 'Lead', role: 'lead', memberId, password: PASSWORD },
  })
  if (res.status !== 201) throw new Error(`user: ${res.status} ${JSON.stringify(res.body)}`)
  return { memberId, as: { cookie: await signIn(email, PASSWORD) } }
}

/**
 * A client created (as the admin) with its people (role id → member id); account care by
 * default. The setup's picks are deliberate, so they carry a reason.
 */
export async function newClient(
  tier: 'A' | 'B' | 'C',
  people: Record<string, string> = {},
  stageId = 'regular-check-in',
): Promise<Client> {
  const id = unique()
  const res = await api('/clients', {
    method: 'POST',
    json: {
      name: `Client ${id}`,
      company: `ООО «${id}»`,
      tier,
      stageId,
      people,
      reason: 'Test setup',
    },
  })
  if (res.status !== 201) throw new Error(`client: ${res.status} ${JSON.stringify(res.body)}`)
  return res.body as unknown as Client
}
