import type { User } from '../../../schema/auth'
import { ApiError, request } from './client'

export type { User }

export async function login(email: string, password: string): Promise<User> {
  const body = await request<{ user: User }>('/api/auth/login', {
    method: 'POST',
    body: { email, password },
    expect401: true,
  })
  return body.user
}

export async function logout(): Promise<void> {
  await request<undefined>('/api/auth/logout', { method: 'POST', expect401: true })
}

/** Who is signed in: the user, or null when there is no session. */
export async function me(signal?: AbortSignal): Promise<User | null> {
  try {
    return (await request<{ user: User }>('/api/auth/me', { signal, expect401: true })).user
  } catch (error) {
    if (error instanceof ApiError && error.status === 401) return null
    throw error
  }
}

/** What a role may do on the board; the server enforces the same rules. */
export const can = {
  move: (user: User) => user.role !== 'viewer',
  edit: (user: User) => user.role !== 'viewer',
  assign: (user: User) => user.role === 'admin' || user.role === 'lead',
  /** The calendar, automations and webhooks (the server agrees). */
  configure: (user: User) => user.role === 'admin',
  /** Onboarding tracks and mentors (the server agrees). */
  manageTracks: (user: User) => user.role === 'lead' || user.role === 'admin',
}
