import { createMiddleware } from 'hono/factory'
import type { AppEnv } from '../env'
import { AppError } from '../errors'
import { streamsBody } from './streamed-body'

/** After the limit, read (and drop) at most this much more so the refusal can be sent cleanly. */
const DRAIN_BYTES = 8 * 1024 * 1024

/**
 * Reads what is left of a refused body: answering while the client is still sending leaves the
 * stream half-read, and `wrangler dev` then restarts the Worker under the next request. A body
 * longer than the drain allowance is cancelled instead.
 */
export async function drain(reader: ReadableStreamDefaultReader<Uint8Array>) {
  let dropped = 0
  for (;;) {
    const { done, value } = await reader.read()
    if (done) return
    dropped += value.length
    if (dropped > DRAIN_BYTES) return reader.cancel()
  }
}

/**
 * Request bodies above `maxSize` are refused (413) before anything parses them, whether they
 * declare their length or arrive in chunks; the rest of a refused body is drained, not left
 * in the pipe. Like hono/body-limit, which returns mid-stream. `exceptPath` has its own limit.
 */
export function limitBody(maxSize: number, exceptPath?: string) {
  const tooLarge = () => new AppError(413, 'too_large', `Request body exceeds ${maxSize / 1024} KB`)
  return createMiddleware<AppEnv>(async (c, next) => {
    const body = c.req.raw.body
    // An upload enforces its own limit while it streams to R2 (routes/attachments.ts).
    if (!body || c.req.path === exceptPath || streamsBody(c.req.method, c.req.path)) return next()
    const declared = c.req.header('content-length')
    const framed = declared !== undefined && !c.req.header('transfer-encoding')
    if (framed && Number(declared) <= maxSize) {
      // The length is the message's framing: the body cannot run past it. Read it whole into
      // Hono's body cache (the route's parsing reads it there), not into a second Request.
      await c.req.text()
      return next()
    }
    const reader = body.getReader()
    if (framed && Number(declared) > maxSize) {
      await drain(reader)
      throw tooLarge()
    }
    const chunks: Uint8Array[] = []
    let size = 0
    for (;;) {
      const { done, value } = await reader.read()
      if (done) break
      size += value.length
      if (size > maxSize) {
        await drain(reader)
        throw tooLarge()
      }
      chunks.push(value)
    }
    const buffer = new Uint8Array(size)
    let offset = 0
    for (const chunk of chunks) {
      buffer.set(chunk, offset)
      offset += chunk.length
    }
    c.req.raw = new Request(c.req.raw, { body: buffer })
    return next()
  })
}
