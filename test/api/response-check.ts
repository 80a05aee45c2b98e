import { z } from '@hono/zod-openapi'
import { ErrorBody } from '../../schema/common'
import { createApp } from '../../worker/app'

/** A route as the OpenAPI document describes it: its path as a pattern, its answers' schemas. */
interface DocumentedRoute {
  method: string
  path: string
  pattern: RegExp
  params: number
  responses: Record<string, { content?: Record<string, { schema?: unknown }> } | undefined>
}

const documented: DocumentedRoute[] = createApp().openAPIRegistry.definitions.flatMap((d) =>
  d.type === 'route'
    ? [
        {
          method: d.route.method.toUpperCase(),
          path: d.route.path,
          pattern: new RegExp(`^${d.route.path.replace(/\{[^}]+\}/g, '[^/]+')}$`),
          params: (d.route.path.match(/\{/g) ?? []).length,
          responses: d.route.responses as DocumentedRoute['responses'],
        },
      ]
    : [],
)

/** The documented route a request reaches; the one with fewest parameters wins (`/stages` over `/{id}`). */
function routeFor(method: string, path: string) {
  return documented
    .filter((r) => r.method === method && r.pattern.test(path))
    .sort((a, b) => a.params - b.params)[0]
}

/**
 * Throws unless an /api answer matches what the app's OpenAPI registry says it answers: the
 * zod schema documented for its status, or the error shape for any 4xx/5xx. Every test that
 * calls `api()` checks the contract this way without saying so.
 */
export function checkAnswer(method: string, path: string, status: number, body: unknown) {
  const route = routeFor(method, path.split('?')[0] ?? path)
  const response = route?.responses[String(status)]
  const schema = response?.content?.['application/json']?.schema
  const where = `${method} ${route?.path ?? path} → ${status}`
  if (route && !response && status < 400) {
    throw new Error(`${where}: the OpenAPI document lists no such answer`)
  }
  // A CSV download is text; its content is the JSON answer's table, which the tests compare.
  if (typeof body === 'string' && response?.content?.['text/csv']) return
  const expected = schema instanceof z.ZodType ? schema : status >= 400 ? ErrorBody : null
  if (!expected) return
  const result = expected.safeParse(body)
  if (!result.success) {
    throw new Error(
      `${where}: the answer does not match its schema\n${z.prettifyError(result.error)}`,
    )
  }
}
