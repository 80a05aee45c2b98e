import { env } from 'cloudflare:workers'

/** One stage event of a built history: kind, from, to, ISO time. */
export type HistoryEvent = [kind: string, from: string | null, to: string | null, iso: string]

/** One stage event of a client as the API would have written it, with the card's version after it. */
const eventStatement = (id: string, [kind, from, to, iso]: HistoryEvent, version: number) =>
  env.DB.prepare(
    `INSERT INTO client_events (client_id, kind, from_stage_id, to_stage_id, version, at)
     VALUES (?1, ?2, ?3, ?4, ?5, ?6)`,
  ).bind(id, kind, from, to, version, Date.parse(iso))

/** Adds a later stage event to a client's history (the card row itself is left as it is). */
export async function appendEvent(id: string, event: HistoryEvent, version: number) {
  await eventStatement(id, event, version).run()
}

/**
 * A client row and its stage events at chosen times, as the API would have written them, and
 * its people per role: histories with known answers for the reports.
 */
export async function history(
  id: string,
  tier: string,
  events: HistoryEvent[],
  people: Record<string, string> = {},
) {
  const last = [...events].reverse().find((e) => e[2] !== null)
  const created = Date.parse(events[0]?.[3] ?? '')
  await env.DB.batch([
    env.DB.prepare(
      `INSERT INTO clients (id, name, company, tier, stage_id, position, entered_stage_at,
         created_at, updated_at, archived, version)
       VALUES (?1, ?1, ?1, ?2, ?3, 'a0', ?4, ?5, ?5, ?6, ?7)`,
    ).bind(
      id,
      tier,
      last?.[2],
      Date.parse(last?.[3] ?? ''),
      created,
      events.at(-1)?.[0] === 'archived' ? 1 : 0,
      events.length,
    ),
    ...events.map((event, i) => eventStatement(id, event, i + 1)),
    ...Object.entries(people).map(([roleId, memberId]) =>
      env.DB.prepare(
        `INSERT INTO client_people (client_id, role_id, member_id, assigned_at) VALUES (?1, ?2, ?3, ?4)`,
      ).bind(id, roleId, memberId, created),
    ),
  ])
}

/**
 * The flow snapshots one row per day, stage and tier, as they were stored before 0026 put a
 * stage's tiers side by side in one row: what the tests compare.
 */
export const FLOW_ROWS = `SELECT f.day, f.stage_id, t.key AS tier, json_extract(t.value, '$[0]') AS cards,
    json_extract(t.value, '$[1]') AS entered, json_extract(t.value, '$[2]') AS entered_phase
  FROM flow_snapshots f, json_each(f.tiers) t`
