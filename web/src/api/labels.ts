import type { Label, LabelCreate, LabelPatch } from '../../../schema/labels'
import { request } from './client'

export async function listLabels(signal?: AbortSignal): Promise<Label[]> {
  return (await request<{ labels: Label[] }>('/api/labels', { signal })).labels
}

export function createLabel(input: LabelCreate): Promise<Label> {
  return request<Label>('/api/labels', { method: 'POST', body: input })
}

export function patchLabel(id: string, patch: LabelPatch): Promise<Label> {
  return request<Label>(`/api/labels/${encodeURIComponent(id)}`, { method: 'PATCH', body: patch })
}

export function deleteLabel(label: Label): Promise<void> {
  const path = `/api/labels/${encodeURIComponent(label.id)}?version=${label.version}`
  return request<void>(path, { method: 'DELETE' })
}
