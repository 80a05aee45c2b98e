import { env } from 'cloudflare:workers'
import { describe, expect, it } from 'vitest'
import { streamToBucket } from '../../worker/services/store-file'

/** A body that sends `chunks` pieces of 1 MB, counting what was pulled. */
function counted(chunks: number) {
  const pulled = { n: 0 }
  const stream = new ReadableStream<Uint8Array>({
    pull(controller) {
      if (pulled.n >= chunks) return controller.close()
      pulled.n += 1
      controller.enqueue(new Uint8Array(1024 * 1024))
    },
  })
  return { stream, pulled }
}

const upload = (stream: ReadableStream<Uint8Array>, length: string) =>
  new Request('https://board.test/upload', {
    method: 'POST',
    body: stream,
    headers: { 'content-length': length },
    duplex: 'half',
  } as RequestInit)

describe('streaming a file to R2', () => {
  it('stops a body that sends more than it declared, while it streams, and stores nothing', async () => {
    const { stream, pulled } = counted(30)
    const key = `attachments/stream-test/${crypto.randomUUID()}`
    const request = upload(stream, String(2 * 1024 * 1024))
    const error = await streamToBucket(env.FILES, key, request, 'application/zip').catch(
      (e: unknown) => e,
    )
    expect(error).toMatchObject({ status: 413, code: 'too_large' })
    expect(pulled.n).toBeLessThan(30)
    expect(await env.FILES.head(key)).toBeNull()
  })

  it('stores a declared body of the right length', async () => {
    const { stream } = counted(3)
    const key = `attachments/stream-test/${crypto.randomUUID()}`
    const size = await streamToBucket(
      env.FILES,
      key,
      upload(stream, String(3 * 1024 * 1024)),
      'application/zip',
    )
    expect(size).toBe(3 * 1024 * 1024)
    expect((await env.FILES.head(key))?.size).toBe(size)
  })
})
