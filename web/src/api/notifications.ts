import type { Notification } from '../../../schema/stage-clock'
import { answer, api, type GetAnswer } from './client'

export type { Notification }

/** The signed-in person's inbox, newest first, and how many are unread. */
export type Inbox = GetAnswer<'/api/notifications'>

/** The inbox; `limit: 1` is the cheap way to ask only for the unread count. */
export function getInbox(limit = 50, signal?: AbortSignal): Promise<Inbox> {
  return answer(api.GET('/api/notifications', { params: { query: { limit } }, signal }))
}

export async function markNotificationRead(id: string): Promise<void> {
  await answer(api.POST('/api/notifications/{id}/read', { params: { path: { id } } }))
}

/** Marks the whole inbox read; answers how many were marked. */
export async function markAllNotificationsRead(): Promise<number> {
  return (await answer(api.POST('/api/notifications/read-all'))).marked
}
