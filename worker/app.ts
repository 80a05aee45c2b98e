import { OpenAPIHono } from '@hono/zod-openapi'
import type { AppEnv } from './env'
import { allowedMethods } from './allowed-methods'
import { renderError } from './errors'
import { authenticate } from './middleware/authenticate'
import { limitBody } from './middleware/body-limit'
import { idempotency } from './middleware/idempotency'
import { publishWrites } from './middleware/publish-writes'
import { openApiDocument } from './openapi/document'
import { securityHeaders } from './middleware/security-headers'
import { auth } from './routes/auth'
import { clients } from './routes/clients'
import { health } from './routes/health'
import { journey } from './routes/journey'
import { live } from './routes/live'
import { members } from './routes/members'
import { articles } from './routes/articles'
import { onboarding } from './routes/onboarding'
import { onboardingTracks } from './routes/onboarding-tracks'
import { people } from './routes/people'
import { stageGuide } from './routes/stage-guide'
import { calendar } from './routes/calendar'
import { automations } from './routes/automations'
import { notifications } from './routes/notifications'
import { tasks } from './routes/tasks'
import { users } from './routes/users'
import { sessions } from './routes/sessions'
import { tokens } from './routes/tokens'
import { webhooks } from './routes/webhooks'
import { absences } from './routes/absences'
import { assignments } from './routes/assignments'
import { rebalance } from './routes/rebalance'
import { reports } from './routes/reports'
import { team } from './routes/team'
import { loadSettings } from './routes/load-settings'
import { careCycle } from './routes/care-cycle'
import { flags } from './routes/flags'
import { kam } from './routes/kam'
import { contacts } from './routes/contacts'
import { journal } from './routes/journal'
import { clientProfile } from './routes/client-profile'
import { recordOptions } from './routes/record-options'
import { timeEntries } from './routes/time-entries'
import { nps } from './routes/nps'
import { myTasks } from './routes/my-tasks'
import { labels } from './routes/labels'
import { attachments } from './routes/attachments'
import { backup } from './routes/backup'
import { imports } from './routes/imports'
import { board } from './routes/board'
import { etag } from 'hono/etag'

/** Request bodies above this are refused before anything parses them. */
const MAX_BODY_BYTES = 256 * 1024
/** A restore carries the whole organisation: 20,000 clients and their history fit. */
const MAX_RESTORE_BYTES = 64 * 1024 * 1024
const RESTORE_PATH = '/api/backup/restore'

/** The API under /api: every resource mounted in one place, errors rendered once. */
export function createApp() {
  const app = new OpenAPIHono<AppEnv>()
  app.use('*', async (c, next) => {
    c.set('requestId', c.req.header('cf-ray') ?? crypto.randomUUID())
    c.set('identity', null)
    c.set('actorId', null)
    await next()
  })
  app.use('*', securityHeaders)
  app.use('/api/*', limitBody(MAX_BODY_BYTES, RESTORE_PATH))
  app.use(RESTORE_PATH, limitBody(MAX_RESTORE_BYTES))
  app.use('/api/*', authenticate)
  app.use('/api/*', publishWrites)
  app.use('/api/*', idempotency)
  for (const path of ['/api/journey', '/api/board', '/api/board/*']) app.use(path, etag())

  app.route('/api', health)
  app.route('/api/auth', auth)
  app.route('/api', journey)
  app.route('/api/clients', clients)
  app.route('/api/members', members)
  app.route('/api', myTasks)
  app.route('/api', tasks)
  app.route('/api', users)
  app.route('/api', sessions)
  app.route('/api', tokens)
  app.route('/api', calendar)
  app.route('/api', automations)
  app.route('/api', notifications)
  app.route('/api/webhooks', webhooks)
  app.route('/api', assignments)
  app.route('/api', people)
  app.route('/api', team)
  app.route('/api', loadSettings)
  app.route('/api', absences)
  app.route('/api', rebalance)
  app.route('/api', articles)
  app.route('/api', stageGuide)
  app.route('/api/onboarding', onboarding)
  app.route('/api/onboarding', onboardingTracks)
  app.route('/api', live)
  app.route('/api', kam)
  app.route('/api', flags)
  app.route('/api', careCycle)
  app.route('/api', contacts)
  app.route('/api', journal)
  app.route('/api', clientProfile)
  app.route('/api', recordOptions)
  app.route('/api', timeEntries)
  app.route('/api', nps)
  app.route('/api', labels)
  app.route('/api', attachments)
  app.route('/api', backup)
  app.route('/api/imports', imports)
  app.route('/api', board)
  app.route('/api', reports)

  app.get('/api/openapi.json', (c) => c.json(openApiDocument(app)))
  // Everything outside /api is the web app (with its SPA fallback), behind the same headers.
  app.all('*', (c, next) =>
    c.req.path.startsWith('/api/') ? next() : c.env.ASSETS.fetch(c.req.raw),
  )
  app.notFound((c) => {
    const allow = allowedMethods(app.routes, c.req.path)
    if (allow.length === 0) {
      const message = `No route ${c.req.method} ${c.req.path}`
      return c.json({ error: { code: 'not_found', message } }, 404)
    }
    c.header('Allow', allow.join(', '))
    const message = `${c.req.path} does not take ${c.req.method}; it takes ${allow.join(', ')}`
    return c.json({ error: { code: 'method_not_allowed', message } }, 405)
  })
  app.onError(renderError)
  return app
}
