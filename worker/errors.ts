import type { Context } from 'hono'
import { HTTPException } from 'hono/http-exception'
import type { ContentfulStatusCode } from 'hono/utils/http-status'
import type { ZodError } from 'zod'
import type { ErrorCode } from '../schema/error-codes'
import type { AppEnv } from './env'

/** An error the client can act on: rendered as `{"error":{code,message,fields}}` plus extras. */
export class AppError extends Error {
  constructor(
    readonly status: ContentfulStatusCode,
    readonly code: ErrorCode,
    message: string,
    readonly extra: Record<string, unknown> = {},
    readonly fields?: Record<string, string[]>,
  ) {
    super(message)
  }
}

export const notFound = (what: string, id: string) =>
  new AppError(404, 'not_found', `${what} ${JSON.stringify(id)} does not exist`)

/** 409 for an edit made on an old version: the caller gets the record as it is now. */
export const staleVersion = (what: string, id: string, current: unknown) =>
  new AppError(
    409,
    'version_conflict',
    `${what} ${id} was changed by someone else; reload and retry`,
    {
      current,
    },
  )

/** Zod issues keyed by the dotted path of the field they concern ("" for the body itself). */
export function zodFields(error: ZodError): Record<string, string[]> {
  const fields: Record<string, string[]> = {}
  for (const issue of error.issues) {
    const path = issue.path.join('.')
    const message =
      issue.code === 'unrecognized_keys'
        ? `Unknown field(s): ${issue.keys.join(', ')}`
        : issue.message
    ;(fields[path] ??= []).push(message)
  }
  return fields
}

export function validationError(error: ZodError): AppError {
  const fields = zodFields(error)
  const summary = Object.entries(fields)
    .map(([path, messages]) => (path ? `${path}: ${messages.join('; ')}` : messages.join('; ')))
    .join(' · ')
  return new AppError(422, 'invalid', `Invalid input — ${summary}`, {}, fields)
}

/** The one place errors become responses: known ones keep their status, the rest are 500. */
export function renderError(err: Error, c: Context<AppEnv>): Response {
  if (err instanceof AppError) {
    const error = {
      code: err.code,
      message: err.message,
      ...(err.fields && { fields: err.fields }),
    }
    return c.json({ error, ...err.extra }, err.status)
  }
  if (err instanceof HTTPException) {
    const status = err.status as ContentfulStatusCode
    const code =
      status === 413 ? 'too_large' : status === 415 ? 'unsupported_media_type' : 'bad_request'
    return c.json({ error: { code, message: err.message || 'Bad request' } }, status)
  }
  console.error(JSON.stringify({ requestId: c.get('requestId'), error: String(err.stack ?? err) }))
  return c.json(
    { error: { code: 'internal', message: `Internal error (request ${c.get('requestId')})` } },
    500,
  )
}
