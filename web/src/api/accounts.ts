import type {
  ApiToken,
  Session,
  TokenCreate,
  User,
  UserCreate,
  UserPatch,
} from '../../../schema/auth'
import { request } from './client'

export type { ApiToken, Session, TokenCreate, User, UserCreate, UserPatch }

export async function listUsers(signal?: AbortSignal): Promise<User[]> {
  return (await request<{ users: User[] }>('/api/users', { signal })).users
}

export function createUser(input: UserCreate): Promise<User> {
  return request<User>('/api/users', { method: 'POST', body: input })
}

export function patchUser(id: string, patch: UserPatch): Promise<User> {
  return request<User>(`/api/users/${encodeURIComponent(id)}`, { method: 'PATCH', body: patch })
}

export async function listSessions(signal?: AbortSignal): Promise<Session[]> {
  return (await request<{ sessions: Session[] }>('/api/sessions', { signal })).sessions
}

export async function revokeSession(id: string): Promise<void> {
  await request(`/api/sessions/${encodeURIComponent(id)}`, { method: 'DELETE' })
}

export async function listTokens(signal?: AbortSignal): Promise<ApiToken[]> {
  return (await request<{ tokens: ApiToken[] }>('/api/tokens', { signal })).tokens
}

/** The new token with its secret: the only time the secret is ever shown. */
export function createToken(input: TokenCreate): Promise<ApiToken & { token: string }> {
  return request<ApiToken & { token: string }>('/api/tokens', { method: 'POST', body: input })
}

export async function revokeToken(id: string): Promise<void> {
  await request(`/api/tokens/${encodeURIComponent(id)}`, { method: 'DELETE' })
}
