import { createMiddleware } from 'hono/factory'
import type { AppEnv } from '../env'

/**
 * Headers on every response, API and pages alike. The app loads nothing from elsewhere, so the
 * policy allows only our own origin; who may frame the board is an admin's setting
 * (FRAME_ANCESTORS in wrangler.toml).
 */
export const securityHeaders = createMiddleware<AppEnv>(async (c, next) => {
  await next()
  const frameAncestors = c.env.FRAME_ANCESTORS?.trim() || "'none'"
  const csp = [
    "default-src 'self'",
    "script-src 'self'",
    "style-src 'self'",
    "img-src 'self' data:",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'self'",
    `frame-ancestors ${frameAncestors}`,
  ].join('; ')
  // Responses from the assets binding are immutable: copy before setting headers.
  c.res = new Response(c.res.body, c.res)
  const h = c.res.headers
  h.set('content-security-policy', csp)
  h.set('x-content-type-options', 'nosniff')
  h.set('referrer-policy', 'strict-origin-when-cross-origin')
  h.set('cross-origin-opener-policy', 'same-origin')
  h.set('permissions-policy', 'camera=(), microphone=(), geolocation=()')
  if (new URL(c.req.url).protocol === 'https:') {
    h.set('strict-transport-security', 'max-age=31536000; includeSubDomains')
  }
  // Answers with an ETag (journey, board) may be kept but must be revalidated: a reload is a 304.
  if (c.req.path.startsWith('/api/')) {
    h.set('cache-control', h.has('etag') ? 'private, no-cache' : 'no-store')
  }
})
