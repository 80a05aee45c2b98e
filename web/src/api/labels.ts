import type { Label, LabelCreate, LabelPatch } from '../../../schema/labels'
import { answer, api } from './client'

export async function listLabels(signal?: AbortSignal): Promise<Label[]> {
  return (await answer(api.GET('/api/labels', { signal }))).labels
}

export function createLabel(input: LabelCreate): Promise<Label> {
  return answer(api.POST('/api/labels', { body: input }))
}

export function patchLabel(id: string, patch: LabelPatch): Promise<Label> {
  return answer(api.PATCH('/api/labels/{id}', { params: { path: { id } }, body: patch }))
}

export async function deleteLabel(label: Label): Promise<void> {
  const params = { path: { id: label.id }, query: { version: label.version } }
  await answer(api.DELETE('/api/labels/{id}', { params }))
}
