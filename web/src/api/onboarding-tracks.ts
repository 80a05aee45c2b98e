import type { OnboardingTrack } from '../../../schema/onboarding'
import type {
  MentorPut,
  Mentorship,
  TrackCreate,
  TrackPatch,
  TrackStepInput,
} from '../../../schema/onboarding-tracks'
import { answer, api } from './client'

export type { Mentorship, OnboardingTrack, TrackCreate, TrackPatch, TrackStepInput }

const byId = (id: string) => ({ params: { path: { id } } })

/** Every track, the retired ones too, for the editors. */
export async function listAllTracks(signal?: AbortSignal): Promise<OnboardingTrack[]> {
  const params = { query: { retired: 'include' as const } }
  return (await answer(api.GET('/api/onboarding/tracks', { params, signal }))).tracks
}

export function createTrack(input: TrackCreate): Promise<OnboardingTrack> {
  return answer(api.POST('/api/onboarding/tracks', { body: input }))
}

export function patchTrack(id: string, patch: TrackPatch): Promise<OnboardingTrack> {
  return answer(api.PATCH('/api/onboarding/tracks/{id}', { ...byId(id), body: patch }))
}

export async function listMentors(signal?: AbortSignal): Promise<Mentorship[]> {
  return (await answer(api.GET('/api/onboarding/mentors', { signal }))).mentors
}

export function putMentor(memberId: string, input: MentorPut): Promise<Mentorship> {
  return answer(api.PUT('/api/onboarding/mentors/{id}', { ...byId(memberId), body: input }))
}
