import { OpenAPIHono, z } from '@hono/zod-openapi'
import { ErrorBody, Id } from '../schema/common'
import type { AppEnv } from './env'
import { validationError } from './errors'

/** A sub-app whose zod failures become 422s with the failing fields. */
export function createRouter() {
  return new OpenAPIHono<AppEnv>({
    defaultHook: (result) => {
      if (!result.success) throw validationError(result.error)
    },
  })
}

/** Shorthand for an OpenAPI JSON body (required: a missing body is an error, not `{}`). */
export function jsonBody<T>(schema: T) {
  return { required: true, content: { 'application/json': { schema } } } as const
}

/** Shorthand for an OpenAPI JSON response. */
export function jsonResponse<T>(schema: T, description: string) {
  return { description, content: { 'application/json': { schema } } } as const
}

/** The answer to a request whose If-None-Match holds the current ETag (hono/etag in app.ts). */
export const NOT_MODIFIED = { 304: { description: 'Not modified: the ETag sent still holds' } }

/** The `{id}` path parameter of every resource route. */
export const IdParam = z.object({ id: Id })

type ErrorStatus = 403 | 404 | 409

/** OpenAPI error responses, described per route file; 422 (invalid input) is always possible. */
export function errorResponses<S extends ErrorStatus>(descriptions: Record<S, string>) {
  const described = Object.fromEntries(
    Object.entries(descriptions).map(([status, text]) => [
      status,
      jsonResponse(ErrorBody, text as string),
    ]),
  ) as Record<S, ReturnType<typeof jsonResponse<typeof ErrorBody>>>
  return { ...described, 422: jsonResponse(ErrorBody, 'Invalid input') }
}
