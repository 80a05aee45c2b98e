import type { ErrorBody } from '../../../schema/common'

type ErrorDetail = ErrorBody['error']

/** An error answered by the API (or a failure to reach it), carrying the server's details. */
export class ApiError extends Error {
  readonly status: number
  readonly code: string
  readonly fields: ErrorDetail['fields']
  /** The whole error body: extras such as `current` (409) or `retryAfterSeconds` (429 / 423). */
  readonly body: Record<string, unknown>

  constructor(status: number, detail: ErrorDetail, body: Record<string, unknown> = {}) {
    super(detail.message)
    this.name = 'ApiError'
    this.status = status
    this.code = detail.code
    this.fields = detail.fields
    this.body = body
  }
}

interface RequestOptions {
  method?: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE'
  body?: unknown
  signal?: AbortSignal
  headers?: Record<string, string>
  /** A 401 is an answer here (sign-in, who-am-I), not a lost session. */
  expect401?: boolean
}

let onUnauthenticated: (() => void) | undefined

/** Who to call when the session is gone: the app sends the user to sign in and back. */
export function setUnauthenticatedHandler(handler: (() => void) | undefined): void {
  onUnauthenticated = handler
}

/** Calls the API with JSON in and out; any non-2xx answer becomes an {@link ApiError}. */
export async function request<T>(path: string, options: RequestOptions = {}): Promise<T> {
  const { method = 'GET', body, signal } = options
  const headers: Record<string, string> = { Accept: 'application/json', ...options.headers }
  if (body !== undefined) headers['Content-Type'] = 'application/json'

  let response: Response
  try {
    response = await fetch(path, {
      method,
      headers,
      body: body === undefined ? undefined : JSON.stringify(body),
      credentials: 'same-origin',
      signal,
    })
  } catch (cause) {
    if (cause instanceof DOMException && cause.name === 'AbortError') throw cause
    throw new ApiError(0, { code: 'network', message: String(cause) })
  }

  const payload = await readJson(response)
  if (!response.ok) {
    if (response.status === 401 && !options.expect401) onUnauthenticated?.()
    throw new ApiError(
      response.status,
      errorDetail(payload) ?? {
        code: `http_${response.status}`,
        message: response.statusText || `HTTP ${response.status}`,
      },
      isRecord(payload) ? payload : {},
    )
  }
  // The server validates its own answers against the shared schemas; the client trusts them.
  return payload as T
}

async function readJson(response: Response): Promise<unknown> {
  if (response.status === 204) return undefined
  const text = await response.text()
  if (!text) return undefined
  try {
    return JSON.parse(text) as unknown
  } catch {
    return undefined
  }
}

function errorDetail(payload: unknown): ErrorDetail | undefined {
  if (!isRecord(payload) || !isRecord(payload.error)) return undefined
  const { code, message, fields } = payload.error
  if (typeof code !== 'string' || typeof message !== 'string') return undefined
  return isRecord(fields)
    ? { code, message, fields: fields as ErrorDetail['fields'] }
    : { code, message }
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}
