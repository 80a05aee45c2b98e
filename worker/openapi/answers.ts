import { POLICY, ACCESS_ROLES } from '../../schema/access'
import { ROUTE_ACCESS } from '../route-access'

/** The parts of an operation this file reads and completes. */
interface Operation {
  operationId?: string
  parameters?: unknown[]
  requestBody?: unknown
  responses: Record<string, unknown>
  security?: Record<string, string[]>[]
}

type Paths = Record<string, Record<string, Operation>>

const error = (description: string) => ({
  description,
  content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } },
})

/** Answers any operation may give, by the rule that makes it possible; referenced, not repeated. */
export const COMMON_RESPONSES = {
  MalformedBody: error('The body is not well-formed JSON'),
  TooLarge: error('The body is over 256 KB'),
  UnsupportedMediaType: error('The body is not sent as application/json'),
  Unauthenticated: error('No valid session or token'),
  Forbidden: error(
    'The access role may not do this, or a cookie-authenticated write came from another site',
  ),
  Invalid: error('Invalid input: `fields` names each failing parameter or body field'),
}

const ref = (name: keyof typeof COMMON_RESPONSES) => ({ $ref: `#/components/responses/${name}` })

const UNSAFE = new Set(['post', 'put', 'patch', 'delete'])

/** `getClientsByIdHistory` for `GET /api/clients/{id}/history`. */
export function operationIdOf(method: string, path: string): string {
  const words = path
    .replace(/^\/api\//, '')
    .split(/[/.-]/)
    .filter(Boolean)
    .map((w) => (w.startsWith('{') ? `by-${w.slice(1, -1)}` : w))
    .flatMap((w) => w.split('-'))
  return method + words.map((w) => w.charAt(0).toUpperCase() + w.slice(1)).join('')
}

/** Who may call the route, from the route access table (which every route is in). */
function ruleOf(method: string, path: string) {
  return ROUTE_ACCESS[`${method.toUpperCase()} ${path.replaceAll(/\{(\w+)\}/g, ':$1')}`]
}

/**
 * Completes each operation with what the middleware and error handling really answer, so no
 * route has to repeat it: 400/413/415 for a body, 422 for any input, 401 where a caller is needed,
 * 403 where the access role matters or a cookie could ride along on a write; public routes
 * need no security. Every operation gets an operationId.
 */
export function describeAnswers(paths: object): Paths {
  const everyone = ACCESS_ROLES.length
  // The generator puts only operations under a path (no shared `parameters` or `summary`).
  return Object.fromEntries(
    Object.entries(paths as Paths).map(([path, ops]) => [
      path,
      Object.fromEntries(
        Object.entries(ops).map(([method, op]) => {
          const rule = ruleOf(method, path)
          const open = rule === 'public'
          const limited = rule !== undefined && !open && POLICY[rule].length < everyone
          const extra: Record<string, unknown> = {
            ...(op.requestBody
              ? {
                  400: ref('MalformedBody'),
                  413: ref('TooLarge'),
                  415: ref('UnsupportedMediaType'),
                }
              : {}),
            ...(op.requestBody || op.parameters?.length ? { 422: ref('Invalid') } : {}),
            ...(open ? {} : { 401: ref('Unauthenticated') }),
            ...(limited || UNSAFE.has(method) ? { 403: ref('Forbidden') } : {}),
          }
          const described: Operation = {
            ...op,
            operationId: op.operationId ?? operationIdOf(method, path),
            ...(open ? { security: [] } : {}),
            responses: { ...extra, ...op.responses },
          }
          return [method, described]
        }),
      ),
    ]),
  )
}
