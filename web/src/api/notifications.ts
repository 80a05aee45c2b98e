import type { Notification } from '../../../schema/stage-clock'
import { request } from './client'

export type { Notification }

/** The signed-in person's inbox, newest first, and how many are unread. */
export interface Inbox {
  notifications: Notification[]
  unread: number
}

/** The inbox; `limit: 1` is the cheap way to ask only for the unread count. */
export function getInbox(limit = 50, signal?: AbortSignal): Promise<Inbox> {
  return request<Inbox>(`/api/notifications?limit=${limit}`, { signal })
}

export async function markNotificationRead(id: string): Promise<void> {
  await request<undefined>(`/api/notifications/${encodeURIComponent(id)}/read`, {
    method: 'POST',
  })
}

/** Marks the whole inbox read; answers how many were marked. */
export async function markAllNotificationsRead(): Promise<number> {
  return (await request<{ marked: number }>('/api/notifications/read-all', { method: 'POST' }))
    .marked
}
