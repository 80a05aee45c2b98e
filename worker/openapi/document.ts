import type { OpenAPIHono } from '@hono/zod-openapi'
import type { AppEnv } from '../env'
import { fixNullableRefs } from './nullable-refs'

const INFO = {
  title: 'Journey Board API',
  version: '0.1.0',
  description:
    'The B2B customer journey board: phases, stages, client cards, members, tasks. Every route ' +
    'except health, login and this document needs a session or a token.',
}

/** The OpenAPI 3.1 document of the app, generated from its route schemas. */
export function openApiDocument(app: OpenAPIHono<AppEnv>) {
  const doc = app.getOpenAPI31Document({
    openapi: '3.1.0',
    info: INFO,
    security: [{ session: [] }, { token: [] }],
  })
  return fixNullableRefs(doc)
}
