import type { ContactCreate, ContactPatch } from '../../../schema/contacts'
import type { JournalCreate, JournalPatch } from '../../../schema/journal'
import type { ClientProfilePatch, NpsCreate, TimeEntryCreate } from '../../../schema/record'
import { answer, api } from './client'

/** The client's record: one small typed call per route of the API. */
const byId = (id: string) => ({ params: { path: { id } } })

export async function listContacts(clientId: string, signal?: AbortSignal) {
  return (await answer(api.GET('/api/clients/{id}/contacts', { ...byId(clientId), signal })))
    .contacts
}

export const addContact = (clientId: string, body: Partial<ContactCreate> & { name: string }) =>
  answer(api.POST('/api/clients/{id}/contacts', { ...byId(clientId), body }))

export const patchContact = (id: string, body: ContactPatch) =>
  answer(api.PATCH('/api/contacts/{id}', { ...byId(id), body }))

export const removeContact = (id: string, version: number) =>
  answer(api.DELETE('/api/contacts/{id}', { params: { path: { id }, query: { version } } }))

export async function listJournal(clientId: string, signal?: AbortSignal) {
  return (await answer(api.GET('/api/clients/{id}/journal', { ...byId(clientId), signal }))).entries
}

export const addJournalEntry = (
  clientId: string,
  body: Partial<JournalCreate> & Pick<JournalCreate, 'kind' | 'body'>,
) => answer(api.POST('/api/clients/{id}/journal', { ...byId(clientId), body }))

export const patchJournalEntry = (id: string, body: JournalPatch) =>
  answer(api.PATCH('/api/journal/{id}', { ...byId(id), body }))

export const getProfile = (clientId: string, signal?: AbortSignal) =>
  answer(api.GET('/api/clients/{id}/profile', { ...byId(clientId), signal }))

export const patchProfile = (clientId: string, body: ClientProfilePatch) =>
  answer(api.PATCH('/api/clients/{id}/profile', { ...byId(clientId), body }))

export async function listTime(clientId: string, signal?: AbortSignal) {
  return (await answer(api.GET('/api/clients/{id}/time', { ...byId(clientId), signal }))).entries
}

export const logTime = (
  clientId: string,
  body: Partial<TimeEntryCreate> & { minutes: number; spentOn: string },
) => answer(api.POST('/api/clients/{id}/time', { ...byId(clientId), body }))

export async function listNps(clientId: string, signal?: AbortSignal) {
  return (await answer(api.GET('/api/clients/{id}/nps', { ...byId(clientId), signal }))).answers
}

export const addNps = (clientId: string, body: Partial<NpsCreate> & Omit<NpsCreate, 'comment'>) =>
  answer(api.POST('/api/clients/{id}/nps', { ...byId(clientId), body }))

export async function listOptions(signal?: AbortSignal) {
  return (await answer(api.GET('/api/record-options', { signal }))).options
}

export async function myTasks(signal?: AbortSignal) {
  return (await answer(api.GET('/api/tasks/mine', { signal }))).tasks
}
