import type { User } from '../../../schema/auth'
import { ApiError, answer, api } from './client'

export type { User }

// A 401 on these is an answer (wrong password, no session), not a lost session.
const expect401 = { expect401: true }

export async function login(email: string, password: string): Promise<User> {
  return (await answer(api.POST('/api/auth/login', { body: { email, password } }), expect401)).user
}

export async function logout(): Promise<void> {
  await answer(api.POST('/api/auth/logout'), expect401)
}

/** Who is signed in: the user, or null when there is no session. */
export async function me(signal?: AbortSignal): Promise<User | null> {
  try {
    return (await answer(api.GET('/api/auth/me', { signal }), expect401)).user
  } catch (error) {
    if (error instanceof ApiError && error.status === 401) return null
    throw error
  }
}
