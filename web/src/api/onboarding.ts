import type { MyOnboarding, ProgressStatus, TeamProgress } from '../../../schema/onboarding'
import { answer, api } from './client'

export type { MyOnboarding, ProgressStatus, TeamProgress }

/** The signed-in member's tracks with their marks, and the stages their roles work on. */
export function myOnboarding(signal?: AbortSignal): Promise<MyOnboarding> {
  return answer(api.GET('/api/onboarding/me', { signal }))
}

/** Marks one item read (articles) or done (checklist); `todo` clears the mark. */
export function setProgress(itemId: string, status: ProgressStatus) {
  return answer(api.POST('/api/onboarding/progress', { body: { itemId, status } }))
}

/** A lead's team (an admin: everyone) with each person's onboarding progress. */
export async function teamOnboarding(signal?: AbortSignal): Promise<TeamProgress['members']> {
  return (await answer(api.GET('/api/onboarding/team', { signal }))).members
}
