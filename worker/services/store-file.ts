import { MAX_ATTACHMENT_BYTES } from '../../schema/attachments'
import { AppError } from '../errors'
import { drain } from '../middleware/body-limit'

const tooLarge = () =>
  new AppError(
    413,
    'too_large',
    `A file may be at most ${MAX_ATTACHMENT_BYTES / 1024 / 1024} MB`,
    {},
    { file: ['The file is larger than 20 MB'] },
  )

/** Refuses a body and leaves the connection clean (see drain): read a little, cancel the rest. */
async function refuse(body: ReadableStream<Uint8Array> | null, error: AppError): Promise<never> {
  if (body) await drain(body.getReader())
  throw error
}

/** Counts bytes as they pass and errors the stream past `limit`: the length is enforced live. */
function byteLimit(limit: number, onExceeded: () => void) {
  let seen = 0
  return new TransformStream<Uint8Array, Uint8Array>({
    transform(chunk, controller) {
      seen += chunk.byteLength
      if (seen > limit) {
        onExceeded()
        controller.error(new Error(`more than ${limit} bytes`))
        return
      }
      controller.enqueue(chunk)
    },
  })
}

/**
 * Streams a request body into R2 under `key` without holding it in memory: the declared
 * length is checked before a byte is read (a missing one is 411, an oversized one 413), and
 * again while the bytes pass. R2 takes a stream only of known length, hence FixedLengthStream,
 * which also fails the put if fewer bytes arrive than declared. Returns the stored size.
 */
export async function streamToBucket(
  bucket: R2Bucket,
  key: string,
  request: Request,
  contentType: string,
): Promise<number> {
  const declared = request.headers.get('content-length')
  const body = request.body
  if (declared === null || !/^\d+$/.test(declared)) {
    await refuse(
      body,
      new AppError(411, 'length_required', 'Send the file with a Content-Length header'),
    )
  }
  const size = Number(declared)
  if (size > MAX_ATTACHMENT_BYTES) await refuse(body, tooLarge())
  if (size === 0 || !body) {
    throw new AppError(422, 'invalid', 'The file is empty', {}, { file: ['The file is empty'] })
  }
  let exceeded = false
  const fixed = new FixedLengthStream(size)
  const piped = body
    .pipeThrough(byteLimit(Math.min(size, MAX_ATTACHMENT_BYTES), () => (exceeded = true)))
    .pipeTo(fixed.writable)
  const [put, pipe] = await Promise.allSettled([
    bucket.put(key, fixed.readable, { httpMetadata: { contentType } }),
    piped,
  ])
  if (put.status === 'fulfilled' && pipe.status === 'fulfilled') return size
  // Whatever got stored of a broken upload goes (a put that failed stored nothing).
  if (put.status === 'fulfilled') await bucket.delete(key)
  if (exceeded) throw tooLarge()
  const reason = put.status === 'rejected' ? put.reason : pipe.status === 'rejected' && pipe.reason
  throw new AppError(400, 'bad_request', `The upload did not complete: ${String(reason)}`)
}
