import { OpenAPIHono } from '@hono/zod-openapi'
import { KamAssessment, Quadrant } from '../../schema/kam'
import { Absence } from '../../schema/team'
import type { AppEnv } from '../env'
import { COMMON_RESPONSES, describeAnswers } from './answers'
import { fixNullableRefs } from './nullable-refs'

const INFO = {
  title: 'Journey Board API',
  version: '0.1.0',
  description:
    'The B2B customer journey board: phases, stages, client cards, members, tasks. Every route ' +
    'except health, login and this document needs a session or a token. Errors are ' +
    '`{"error":{"code","message","fields"}}`; a method a path does not take gets 405 with `Allow`.',
  license: { name: 'Proprietary', identifier: 'LicenseRef-Proprietary' },
}

const SECURITY_SCHEMES = {
  session: {
    type: 'apiKey',
    in: 'cookie',
    name: '__Host-jb_session',
    description: 'Over HTTPS: set by POST /api/auth/login; writes must come from the same origin.',
  },
  sessionHttp: {
    type: 'apiKey',
    in: 'cookie',
    name: 'jb_session',
    description:
      'The same session over plain HTTP (local development), where browsers refuse `__Host-`.',
  },
  token: {
    type: 'http',
    scheme: 'bearer',
    description: 'An API token (jb_…) created by an admin: read or write scope.',
  },
} as const

/**
 * Components some route also answers as `.nullable()`. zod-to-openapi builds a component from
 * the first use it meets: met first as nullable, the component itself took null (every card's
 * quadrant could be null) and the nullable use lost it (a client's assessment never null).
 * Registered ahead of the routes, each is built from its own schema.
 */
const NULLABLE_USES = { KamQuadrant: Quadrant, KamAssessment, Absence }

/** The OpenAPI 3.1 document of the app, generated from its route schemas. */
export function openApiDocument(app: OpenAPIHono<AppEnv>) {
  const ordered = new OpenAPIHono<AppEnv>()
  for (const [name, schema] of Object.entries(NULLABLE_USES)) {
    ordered.openAPIRegistry.register(name, schema)
  }
  ordered.route('/', app)
  const doc = ordered.getOpenAPI31Document({
    openapi: '3.1.0',
    info: INFO,
    servers: [{ url: '/', description: 'The board serving this document' }],
    security: [{ session: [] }, { sessionHttp: [] }, { token: [] }],
  })
  return fixNullableRefs({
    ...doc,
    paths: describeAnswers(doc.paths ?? {}),
    components: {
      ...doc.components,
      responses: { ...doc.components?.responses, ...COMMON_RESPONSES },
      securitySchemes: { ...doc.components?.securitySchemes, ...SECURITY_SCHEMES },
    },
  })
}
