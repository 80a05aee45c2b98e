import type {
  ContactState,
  ContactWrite,
  ProfileState,
  ProfileWrite,
} from '../domain/import-record-plan'

/** The live sources of the list admins keep, with both names. */
export async function liveSources(db: D1Database) {
  const { results } = await db
    .prepare(
      `SELECT id, name_ru, name_en FROM record_options WHERE list = 'source' AND archived = 0`,
    )
    .all<{ id: string; name_ru: string; name_en: string }>()
  return results
}

/** Live contacts and the profile (source, money) of each of these clients. */
export async function recordStates(db: D1Database, clientIds: readonly string[]) {
  const states = new Map<string, { contacts: ContactState[]; profile: ProfileState | null }>()
  if (clientIds.length === 0) return states
  const ids = JSON.stringify(clientIds)
  const [contacts, profiles] = await db.batch([
    db
      .prepare(
        `SELECT client_id AS clientId, id, name, position, phone, email FROM client_contacts
         WHERE client_id IN (SELECT value FROM json_each(?1)) AND removed = 0
         ORDER BY decision_maker DESC, created_at, id`,
      )
      .bind(ids),
    db
      .prepare(
        `SELECT client_id AS clientId, source_id AS sourceId, contract_value AS contractValue,
           monthly_revenue AS monthlyRevenue FROM client_profiles
         WHERE client_id IN (SELECT value FROM json_each(?1))`,
      )
      .bind(ids),
  ])
  const state = (id: string) => {
    const s = states.get(id) ?? { contacts: [], profile: null }
    states.set(id, s)
    return s
  }
  for (const c of (contacts?.results ?? []) as (ContactState & { clientId: string })[]) {
    state(c.clientId).contacts.push(c)
  }
  for (const p of (profiles?.results ?? []) as (ProfileState & { clientId: string })[]) {
    state(p.clientId).profile = p
  }
  return states
}

/**
 * The record writes of an import batch, set-based like the rest of it: new contacts, completed
 * contacts, and source and money upserted into the profile (a first write makes version 2, as
 * the API's does: the empty profile is version 1).
 */
export function recordWriteStatements(
  db: D1Database,
  w: { contactInserts: ContactWrite[]; contactUpdates: ContactWrite[]; profiles: ProfileWrite[] },
  now: number,
) {
  return [
    db
      .prepare(
        `INSERT INTO client_contacts (id, client_id, name, position, phone, email, created_at,
           updated_at)
         SELECT j.value ->> '$.id', j.value ->> '$.clientId', j.value ->> '$.name',
           j.value ->> '$.position', j.value ->> '$.phone', j.value ->> '$.email', ?2, ?2
         FROM json_each(?1) j`,
      )
      .bind(JSON.stringify(w.contactInserts), now),
    db
      .prepare(
        `UPDATE client_contacts SET name = j.value ->> '$.name',
           position = j.value ->> '$.position', phone = j.value ->> '$.phone',
           email = j.value ->> '$.email', version = version + 1, updated_at = ?2
         FROM json_each(?1) j WHERE client_contacts.id = j.value ->> '$.id'`,
      )
      .bind(JSON.stringify(w.contactUpdates), now),
    db
      .prepare(
        `INSERT INTO client_profiles (client_id, source_id, contract_value, monthly_revenue,
           version, updated_at)
         SELECT j.value ->> '$.clientId', j.value ->> '$.sourceId', j.value ->> '$.contractValue',
           j.value ->> '$.monthlyRevenue', 2, ?2
         FROM json_each(?1) j WHERE true
         ON CONFLICT (client_id) DO UPDATE SET source_id = excluded.source_id,
           contract_value = excluded.contract_value, monthly_revenue = excluded.monthly_revenue,
           version = client_profiles.version + 1, updated_at = excluded.updated_at`,
      )
      .bind(JSON.stringify(w.profiles), now),
  ]
}
