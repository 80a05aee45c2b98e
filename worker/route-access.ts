import type { Action } from './domain/access'

/**
 * Every API route and the action it needs (see POLICY for who may take it). A route missing
 * here is refused for everyone, and a test fails until it is added.
 */
export const ROUTE_ACCESS: Record<string, Action | 'public'> = {
  'GET /api/health': 'public',
  'GET /api/openapi.json': 'public',
  'POST /api/auth/login': 'public',
  'POST /api/auth/logout': 'self.read',
  'GET /api/auth/me': 'self.read',

  'GET /api/journey': 'journey.read',
  'PATCH /api/phases/:id': 'journey.edit',
  'POST /api/stages': 'journey.edit',
  'PATCH /api/stages/:id': 'journey.edit',

  'GET /api/clients': 'clients.read',
  'POST /api/clients': 'clients.write',
  'GET /api/clients/:id': 'clients.read',
  'PATCH /api/clients/:id': 'clients.write',
  'POST /api/clients/:id/move': 'clients.write',
  'GET /api/clients/:id/history': 'clients.read',

  'GET /api/live': 'live.read',
  'GET /api/changes': 'live.read',

  'GET /api/clients/:id/tasks': 'tasks.read',
  'POST /api/clients/:id/tasks': 'tasks.write',
  'PATCH /api/tasks/:id': 'tasks.write',

  'GET /api/members': 'members.read',
  'POST /api/members': 'members.write',
  'GET /api/members/:id': 'members.read',
  'PATCH /api/members/:id': 'members.write',

  'GET /api/users': 'users.manage',
  'POST /api/users': 'users.manage',
  'PATCH /api/users/:id': 'users.manage',
  'GET /api/sessions': 'sessions.manage',
  'DELETE /api/sessions/:id': 'sessions.manage',
  'GET /api/tokens': 'tokens.manage',
  'POST /api/tokens': 'tokens.manage',
  'DELETE /api/tokens/:id': 'tokens.manage',

  'GET /api/settings/calendar': 'journey.read',
  'PATCH /api/settings/calendar': 'journey.edit',
  'GET /api/stages/:id/automations': 'journey.read',
  'POST /api/stages/:id/automations': 'journey.edit',
  'PATCH /api/automations/:id': 'journey.edit',
  'GET /api/notifications': 'notifications.read',
  'POST /api/notifications/:id/read': 'notifications.read',
  'POST /api/notifications/read-all': 'notifications.read',
  'GET /api/webhooks': 'webhooks.manage',
  'POST /api/webhooks': 'webhooks.manage',
  'PATCH /api/webhooks/:id': 'webhooks.manage',
  'GET /api/webhooks/:id/deliveries': 'webhooks.manage',

  'POST /api/assignments/suggest': 'assignments.suggest',
  'POST /api/clients/:id/assign': 'clients.assign',
  'GET /api/clients/:id/people': 'clients.read',
  'PUT /api/clients/:id/people/:roleId': 'clients.assign',
  'DELETE /api/clients/:id/people/:roleId': 'clients.assign',
  'GET /api/team': 'team.read',
  'GET /api/settings/load': 'team.read',
  'PATCH /api/settings/load': 'load.settings',
  'GET /api/members/:id/absences': 'absences.manage',
  'POST /api/members/:id/absences': 'absences.manage',
  'DELETE /api/absences/:id': 'absences.manage',
  'GET /api/rebalance': 'rebalance.manage',
  'POST /api/rebalance/:id/accept': 'rebalance.manage',
  'POST /api/rebalance/:id/dismiss': 'rebalance.manage',

  'GET /api/articles': 'articles.read',
  'POST /api/articles': 'articles.write',
  'GET /api/articles/:id': 'articles.read',
  'PATCH /api/articles/:id': 'articles.write',
  'GET /api/articles/:id/history': 'articles.read',
  'GET /api/stages/:id/guide': 'articles.read',
  'GET /api/onboarding/tracks': 'onboarding.read',
  'GET /api/onboarding/me': 'onboarding.read',
  'POST /api/onboarding/progress': 'onboarding.progress',
  'GET /api/onboarding/team': 'onboarding.team',

  'GET /api/clients/:id/kam': 'clients.read',
  'PUT /api/clients/:id/kam': 'clients.write',
  'GET /api/kam/unassessed': 'kam.review',
  'GET /api/clients/:id/flags': 'clients.read',
  'POST /api/clients/:id/flags': 'clients.write',
  'PATCH /api/flags/:id': 'clients.write',
  'POST /api/clients/:id/next-cycle': 'clients.write',
}
