/**
 * The floor for moves: a Worker that makes a move's two D1 round trips and nothing else. The
 * bench serves it exactly as it serves ours (same runtime, bindings, static assets in front, a
 * copy of the same D1) and sends it the same loads, so the runtime's own cost of two round trips
 * and a publish is measured in the same run, beside ours. No session, no validation, no plan:
 * the card's version guards the write, as in ours.
 */
import { DurableObject } from 'cloudflare:workers'

interface FloorEnv {
  DB: D1Database
  BOARD: DurableObjectNamespace<BoardRoom>
}

/** Stands in for the board's object: told after every write, as ours is, with nobody to tell. */
export class BoardRoom extends DurableObject<FloorEnv> {
  changed(): void {}
}

interface Card {
  id: string
  stage_id: string
  version: number
}

const json = (body: unknown, status = 200) => Response.json(body, { status })

const cardQuery = (db: D1Database, id: string) =>
  db.prepare('SELECT id, stage_id, version FROM clients WHERE id = ?1').bind(id)

async function move(env: FloorEnv, id: string, to: { stageId: string; version: number }) {
  const db = env.DB
  const [card, column] = await db.batch([
    cardQuery(db, id),
    db
      .prepare(
        `SELECT position FROM clients WHERE stage_id = ?1 AND archived = 0 AND id != ?2
         ORDER BY position DESC, id DESC LIMIT 1`,
      )
      .bind(to.stageId, id),
  ])
  const current = (card?.results[0] as Card | undefined) ?? null
  if (!current) return json({ code: 'not_found' }, 404)
  // A stale version is refused after the read, as ours refuses it: one round trip.
  const seen = { version: current.version, stageId: current.stage_id }
  if (current.version !== to.version) return json({ code: 'version_conflict', current: seen }, 409)
  // A key after the column's last: it grows a character a move, which a 20 s load can afford.
  const last = (column?.results[0] as { position: string } | undefined)?.position ?? 'a'
  const now = Date.now()
  const [, updated] = await db.batch([
    db
      .prepare(
        `INSERT INTO client_events (client_id, kind, from_stage_id, to_stage_id, version, at)
         SELECT id, 'moved', stage_id, ?2, version + 1, ?3 FROM clients WHERE id = ?1 AND version = ?4`,
      )
      .bind(id, to.stageId, now, to.version),
    db
      .prepare(
        `UPDATE clients SET stage_id = ?1, position = ?2, version = version + 1, updated_at = ?3,
         entered_stage_at = ?3 WHERE id = ?4 AND version = ?5`,
      )
      .bind(to.stageId, `${last}V`, now, id, to.version),
  ])
  if (!updated?.meta.changes) return json({ code: 'version_conflict', current: seen }, 409)
  return json({ id, stageId: to.stageId, version: to.version + 1 })
}

export default {
  async fetch(request, env, ctx) {
    const { pathname } = new URL(request.url)
    // What the bench waits for before it sends anything.
    if (pathname === '/api/health') return json({ ok: true })
    const path = /^\/api\/clients\/([^/]+)(\/move)?$/.exec(pathname)
    const id = path?.[1]
    if (!id) return json({ code: 'not_found' }, 404)
    if (!path[2]) {
      const card = await cardQuery(env.DB, id).first<Card>()
      return card
        ? json({ id, stageId: card.stage_id, version: card.version })
        : json({ code: 'not_found' }, 404)
    }
    const answer = await move(env, id, await request.json())
    if (answer.ok) ctx.waitUntil(env.BOARD.get(env.BOARD.idFromName('journey')).changed())
    return answer
  },
} satisfies ExportedHandler<FloorEnv>
