import { OpenAPIHono } from '@hono/zod-openapi'
import { bodyLimit } from 'hono/body-limit'
import type { AppEnv } from './env'
import { AppError, renderError } from './errors'
import { idempotency } from './middleware/idempotency'
import { clients } from './routes/clients'
import { health } from './routes/health'
import { journey } from './routes/journey'
import { members } from './routes/members'
import { tasks } from './routes/tasks'

/** Request bodies above this are refused before anything parses them. */
const MAX_BODY_BYTES = 256 * 1024

/** The API under /api: every resource mounted in one place, errors rendered once. */
export function createApp() {
  const app = new OpenAPIHono<AppEnv>()
  app.use('*', async (c, next) => {
    c.set('requestId', c.req.header('cf-ray') ?? crypto.randomUUID())
    c.set('actorId', null)
    await next()
  })
  app.use(
    '/api/*',
    bodyLimit({
      maxSize: MAX_BODY_BYTES,
      onError: () => {
        throw new AppError(413, 'too_large', `Request body exceeds ${MAX_BODY_BYTES / 1024} KB`)
      },
    }),
  )
  app.use('/api/*', idempotency)

  app.route('/api', health)
  app.route('/api', journey)
  app.route('/api/clients', clients)
  app.route('/api/members', members)
  app.route('/api', tasks)

  app.doc31('/api/openapi.json', {
    openapi: '3.1.0',
    info: {
      title: 'Journey Board API',
      version: '0.1.0',
      description: 'The B2B customer journey board: phases, stages, client cards, members, tasks.',
    },
  })
  app.notFound((c) =>
    c.json(
      { error: { code: 'not_found', message: `No route ${c.req.method} ${c.req.path}` } },
      404,
    ),
  )
  app.onError(renderError)
  return app
}
