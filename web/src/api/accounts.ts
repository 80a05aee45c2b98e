import type {
  ApiToken,
  Session,
  TokenCreate,
  User,
  UserCreate,
  UserPatch,
} from '../../../schema/auth'
import { answer, api } from './client'

export type { ApiToken, Session, TokenCreate, User, UserCreate, UserPatch }

const byId = (id: string) => ({ params: { path: { id } } })

export async function listUsers(signal?: AbortSignal): Promise<User[]> {
  return (await answer(api.GET('/api/users', { signal }))).users
}

export function createUser(input: UserCreate): Promise<User> {
  return answer(api.POST('/api/users', { body: input }))
}

export function patchUser(id: string, patch: UserPatch): Promise<User> {
  return answer(api.PATCH('/api/users/{id}', { ...byId(id), body: patch }))
}

export async function listSessions(signal?: AbortSignal): Promise<Session[]> {
  return (await answer(api.GET('/api/sessions', { signal }))).sessions
}

export async function revokeSession(id: string): Promise<void> {
  await answer(api.DELETE('/api/sessions/{id}', byId(id)))
}

export async function listTokens(signal?: AbortSignal): Promise<ApiToken[]> {
  return (await answer(api.GET('/api/tokens', { signal }))).tokens
}

/** The new token with its secret: the only time the secret is ever shown. */
export function createToken(input: TokenCreate): Promise<ApiToken & { token: string }> {
  return answer(api.POST('/api/tokens', { body: input }))
}

export async function revokeToken(id: string): Promise<void> {
  await answer(api.DELETE('/api/tokens/{id}', byId(id)))
}
