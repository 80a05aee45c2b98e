import { env } from 'cloudflare:workers'
import { recordingDb, type Executed } from '../../bench/d1-recorder'

/** What D1 was sent for one call of `read`: the statements, the round trips, and the result. */
export async function sent<T>(read: (d: D1Database) => Promise<T>) {
  const log: Executed[] = []
  const result = await read(recordingDb(env.DB, log))
  const trips = new Set(log.map((e, i) => (e.batch === null ? `single ${i}` : `batch ${e.batch}`)))
  return { result, log, statements: log.length, trips: trips.size }
}
