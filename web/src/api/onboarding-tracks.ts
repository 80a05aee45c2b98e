import type { OnboardingTrack } from '../../../schema/onboarding'
import type {
  MentorPut,
  Mentorship,
  TrackCreate,
  TrackPatch,
  TrackStepInput,
} from '../../../schema/onboarding-tracks'
import { request } from './client'

export type { Mentorship, OnboardingTrack, TrackCreate, TrackPatch, TrackStepInput }

/** Every track, the retired ones too, for the editors. */
export async function listAllTracks(signal?: AbortSignal): Promise<OnboardingTrack[]> {
  const body = await request<{ tracks: OnboardingTrack[] }>(
    '/api/onboarding/tracks?retired=include',
    { signal },
  )
  return body.tracks
}

export function createTrack(input: TrackCreate): Promise<OnboardingTrack> {
  return request<OnboardingTrack>('/api/onboarding/tracks', { method: 'POST', body: input })
}

export function patchTrack(id: string, patch: TrackPatch): Promise<OnboardingTrack> {
  return request<OnboardingTrack>(`/api/onboarding/tracks/${encodeURIComponent(id)}`, {
    method: 'PATCH',
    body: patch,
  })
}

export async function listMentors(signal?: AbortSignal): Promise<Mentorship[]> {
  return (await request<{ mentors: Mentorship[] }>('/api/onboarding/mentors', { signal })).mentors
}

export function putMentor(memberId: string, input: MentorPut): Promise<Mentorship> {
  return request<Mentorship>(`/api/onboarding/mentors/${encodeURIComponent(memberId)}`, {
    method: 'PUT',
    body: input,
  })
}
