import { OpenAPIHono } from '@hono/zod-openapi'
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
