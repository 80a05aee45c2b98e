import { z } from '@hono/zod-openapi'
import { LIMITS } from './limits'

/** Line breaks and tabs: a single-line field gets a space instead. */
const BREAKS = /[\t\n\v\f\r\u0085\u2028\u2029]+/g
/**
 * Characters that do not show but change what is shown: other C0/C1 controls and NUL, zero-width
 * spaces and joiners, the soft hyphen, and bidi marks, embeddings, overrides and isolates (an
 * RLO in a name reverses the text after it: "Invoice\u202Efdp.exe").
 */
const INVISIBLE =
  /[\u0000-\u001f\u007f-\u009f\u00ad\u061c\u180e\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff]/g

/** A name or title as stored: one line, none of the invisible characters, no outer spaces. */
export const cleanSingleLine = (text: string) =>
  text.replace(BREAKS, ' ').replace(INVISIBLE, '').trim()

/**
 * A single-line name or title, cleaned before its length is checked: every name and title field
 * uses this, so what the board shows is what was typed, never reordered or hidden text.
 */
export const SingleLine = (max: number) => z.string().overwrite(cleanSingleLine).min(1).max(max)

/** Text every user sees exists in Russian and English. */
export const LocalizedText = z
  .object({
    ru: SingleLine(LIMITS.name),
    en: SingleLine(LIMITS.name),
  })
  .strict()
  .openapi('LocalizedText')
export type LocalizedText = z.infer<typeof LocalizedText>

export const Id = z.string().min(1).max(64)
export const IsoTime = z
  .string()
  .openapi({ format: 'date-time', example: '2026-11-23T09:00:00.000Z' })

export const ErrorBody = z
  .object({
    error: z.object({
      code: z.string(),
      message: z.string(),
      fields: z.record(z.string(), z.array(z.string())).optional(),
    }),
  })
  .openapi('Error')
export type ErrorBody = z.infer<typeof ErrorBody>

export const Version = z.number().int().min(1)
