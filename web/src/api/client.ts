import createClient from 'openapi-fetch'
import type { ErrorBody } from '../../../schema/common'
import { ERROR_CODES, type ErrorCode } from '../../../schema/error-codes'
import type { paths } from './openapi'

type ErrorDetail = ErrorBody['error']

/**
 * What the web matches on: a code the API answers with (schema/error-codes.ts, so a typo or a
 * code the server no longer sends does not compile), `network` when no answer came, or the
 * status when the answer carried no code we know.
 */
export type ApiErrorCode = ErrorCode | 'network' | `http_${number}`

function apiErrorCode(code: string, status: number): ApiErrorCode {
  if (code === 'network' || (ERROR_CODES as readonly string[]).includes(code))
    return code as ErrorCode | 'network'
  return `http_${status}`
}

/** An error answered by the API (or a failure to reach it), carrying the server's details. */
export class ApiError extends Error {
  readonly status: number
  readonly code: ApiErrorCode
  readonly fields: ErrorDetail['fields']
  /** The whole error body: extras such as `current` (409) or `retryAfterSeconds` (429 / 423). */
  readonly body: Record<string, unknown>

  constructor(status: number, detail: ErrorDetail, body: Record<string, unknown> = {}) {
    super(detail.message)
    this.name = 'ApiError'
    this.status = status
    this.code = apiErrorCode(detail.code, status)
    this.fields = detail.fields
    this.body = body
  }
}

/**
 * The API, typed by its OpenAPI document (`openapi.d.ts`, generated from the worker's route
 * schemas by `npm run api:types`): a path, parameter, body or answer that drifts from the
 * routes does not compile.
 */
export const api = createClient<paths>({
  credentials: 'same-origin',
  headers: { Accept: 'application/json' },
})

/** The paths of the API, for the helpers below that name an answer's type. */
export type ApiPath = keyof paths

/** The JSON a GET of a path answers with on success. */
export type GetAnswer<P extends ApiPath> = paths[P] extends {
  get: { responses: { 200: { content: { 'application/json': infer T } } } }
}
  ? T
  : never

let onUnauthenticated: (() => void) | undefined

/** Who to call when the session is gone: the app sends the user to sign in and back. */
export function setUnauthenticatedHandler(handler: (() => void) | undefined): void {
  onUnauthenticated = handler
}

/** What openapi-fetch resolves to: the data of a 2xx, or the error body of anything else. */
interface Answered<T> {
  data?: T
  error?: unknown
  response: Response
}

interface AnswerOptions {
  /** A 401 is an answer here (sign-in, who-am-I), not a lost session. */
  expect401?: boolean
}

/** The data of a call's 2xx answer; any other answer (or none) becomes an {@link ApiError}. */
export async function answer<T>(
  call: Promise<Answered<T>>,
  options: AnswerOptions = {},
): Promise<T> {
  let answered: Answered<T>
  try {
    answered = await call
  } catch (cause) {
    if (cause instanceof DOMException && cause.name === 'AbortError') throw cause
    throw new ApiError(0, { code: 'network', message: String(cause) })
  }
  const { response, error } = answered
  if (!response.ok) {
    if (response.status === 401 && !options.expect401) onUnauthenticated?.()
    throw new ApiError(
      response.status,
      errorDetail(error) ?? {
        code: `http_${response.status}`,
        message: response.statusText || `HTTP ${response.status}`,
      },
      isRecord(error) ? error : {},
    )
  }
  // openapi-fetch types `data` optional for both outcomes; a 2xx carries it (or is a 204).
  return answered.data as T
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
