import { z } from '@hono/zod-openapi'

/** Text every user sees exists in Russian and English. */
export const LocalizedText = z
  .object({
    ru: z.string().trim().min(1).max(200),
    en: z.string().trim().min(1).max(200),
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
