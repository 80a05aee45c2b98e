import type { Contact, ContactCreate, ContactPatch } from '../../../schema/contacts'
import type { JournalCreate, JournalEntry, JournalPatch } from '../../../schema/journal'
import type { MyTask } from '../../../schema/my-tasks'
import type {
  ClientProfile,
  ClientProfilePatch,
  NpsAnswer,
  NpsCreate,
  RecordOption,
  TimeEntry,
  TimeEntryCreate,
} from '../../../schema/record'
import { request } from './client'

/** The client's record: one small typed call per route of the API. */
const of = (clientId: string, rest: string) =>
  `/api/clients/${encodeURIComponent(clientId)}/${rest}`

export async function listContacts(clientId: string, signal?: AbortSignal) {
  return (await request<{ contacts: Contact[] }>(of(clientId, 'contacts'), { signal })).contacts
}

export const addContact = (clientId: string, body: Partial<ContactCreate> & { name: string }) =>
  request<Contact>(of(clientId, 'contacts'), { method: 'POST', body })

export const patchContact = (id: string, body: ContactPatch) =>
  request<Contact>(`/api/contacts/${encodeURIComponent(id)}`, { method: 'PATCH', body })

export const removeContact = (id: string, version: number) =>
  request<null>(`/api/contacts/${encodeURIComponent(id)}?version=${version}`, { method: 'DELETE' })

export async function listJournal(clientId: string, signal?: AbortSignal) {
  return (await request<{ entries: JournalEntry[] }>(of(clientId, 'journal'), { signal })).entries
}

export const addJournalEntry = (
  clientId: string,
  body: Partial<JournalCreate> & Pick<JournalCreate, 'kind' | 'body'>,
) => request<JournalEntry>(of(clientId, 'journal'), { method: 'POST', body })

export const patchJournalEntry = (id: string, body: JournalPatch) =>
  request<JournalEntry>(`/api/journal/${encodeURIComponent(id)}`, { method: 'PATCH', body })

export const getProfile = (clientId: string, signal?: AbortSignal) =>
  request<ClientProfile>(of(clientId, 'profile'), { signal })

export const patchProfile = (clientId: string, body: ClientProfilePatch) =>
  request<ClientProfile>(of(clientId, 'profile'), { method: 'PATCH', body })

export async function listTime(clientId: string, signal?: AbortSignal) {
  return (await request<{ entries: TimeEntry[] }>(of(clientId, 'time'), { signal })).entries
}

export const logTime = (
  clientId: string,
  body: Partial<TimeEntryCreate> & { minutes: number; spentOn: string },
) => request<TimeEntry>(of(clientId, 'time'), { method: 'POST', body })

export async function listNps(clientId: string, signal?: AbortSignal) {
  return (await request<{ answers: NpsAnswer[] }>(of(clientId, 'nps'), { signal })).answers
}

export const addNps = (clientId: string, body: Partial<NpsCreate> & Omit<NpsCreate, 'comment'>) =>
  request<NpsAnswer>(of(clientId, 'nps'), { method: 'POST', body })

export async function listOptions(signal?: AbortSignal) {
  return (await request<{ options: RecordOption[] }>('/api/record-options', { signal })).options
}

export async function myTasks(signal?: AbortSignal) {
  return (await request<{ tasks: MyTask[] }>('/api/tasks/mine', { signal })).tasks
}
