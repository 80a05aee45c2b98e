import type { Attachment } from '../../../schema/attachments'
import type { ErrorBody } from '../../../schema/common'
import { ApiError, answer, api } from './client'

const byId = (id: string) => ({ params: { path: { id } } })

export async function listAttachments(clientId: string, signal?: AbortSignal) {
  return (await answer(api.GET('/api/clients/{id}/attachments', { ...byId(clientId), signal })))
    .attachments
}

/** Where a file downloads from (the server answers it as an attachment). */
export const attachmentUrl = (id: string) => `/api/attachments/${encodeURIComponent(id)}`

export async function deleteAttachment(id: string): Promise<void> {
  await answer(api.DELETE('/api/attachments/{id}', byId(id)))
}

/**
 * Uploads a file as the request body, reporting progress (0–1). XMLHttpRequest, not fetch:
 * only it reports upload progress, and the File goes with its length, which R2 needs.
 */
export function uploadAttachment(
  clientId: string,
  file: File,
  onProgress: (share: number) => void,
): Promise<Attachment> {
  const path = `/api/clients/${encodeURIComponent(clientId)}/attachments?name=${encodeURIComponent(file.name)}`
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest()
    xhr.open('POST', path)
    xhr.setRequestHeader('Accept', 'application/json')
    xhr.setRequestHeader('Content-Type', 'application/octet-stream')
    xhr.upload.onprogress = (event) => {
      if (event.lengthComputable) onProgress(event.loaded / event.total)
    }
    xhr.onerror = () => reject(new ApiError(0, { code: 'network', message: 'Network error' }))
    xhr.onload = () => {
      let body: unknown
      try {
        body = JSON.parse(xhr.responseText) as unknown
      } catch {
        body = undefined
      }
      if (xhr.status === 201) return resolve(body as Attachment)
      const detail = (body as ErrorBody | undefined)?.error ?? {
        code: `http_${xhr.status}`,
        message: xhr.statusText || `HTTP ${xhr.status}`,
      }
      reject(new ApiError(xhr.status, detail))
    }
    xhr.send(file)
  })
}
