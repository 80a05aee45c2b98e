/** Uploads: their body is a file streamed to R2, not JSON to buffer, limit at 256 KB or hash. */
const STREAMED = /^\/api\/clients\/[^/]+\/attachments$/

/** Whether a request's body is a streamed file (the attachment upload). */
export const streamsBody = (method: string, path: string) =>
  method === 'POST' && STREAMED.test(path)
