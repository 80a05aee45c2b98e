import type { MyOnboarding, ProgressStatus, TeamProgress } from '../../../schema/onboarding'
import { request } from './client'

export type { MyOnboarding, ProgressStatus, TeamProgress }

/** The signed-in member's tracks with their marks, and the stages their roles work on. */
export function myOnboarding(signal?: AbortSignal): Promise<MyOnboarding> {
  return request<MyOnboarding>('/api/onboarding/me', { signal })
}

/** Marks one item read (articles) or done (checklist); `todo` clears the mark. */
export function setProgress(itemId: string, status: ProgressStatus) {
  return request<{ itemId: string; status: ProgressStatus; at: string | null }>(
    '/api/onboarding/progress',
    { method: 'POST', body: { itemId, status } },
  )
}

/** A lead's team (an admin: everyone) with each person's onboarding progress. */
export async function teamOnboarding(signal?: AbortSignal): Promise<TeamProgress['members']> {
  return (await request<TeamProgress>('/api/onboarding/team', { signal })).members
}
