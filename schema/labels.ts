import { z } from '@hono/zod-openapi'
import { Id, IsoTime, SingleLine, Version } from './common'

/** The palette a label picks from: named colours the board draws readably in light and dark. */
export const LABEL_COLORS = [
  'gray',
  'red',
  'orange',
  'yellow',
  'green',
  'teal',
  'blue',
  'purple',
  'pink',
] as const
export const LabelColor = z.enum(LABEL_COLORS)
export type LabelColor = z.infer<typeof LabelColor>

export const Label = z
  .object({
    id: Id,
    name: SingleLine(40),
    color: LabelColor,
    version: Version,
    createdAt: IsoTime,
    updatedAt: IsoTime,
  })
  .openapi('Label')
export type Label = z.infer<typeof Label>

export const LabelCreate = Label.pick({ name: true, color: true }).strict().openapi('LabelCreate')
export type LabelCreate = z.infer<typeof LabelCreate>

export const LabelPatch = Label.pick({ name: true, color: true })
  .partial()
  .extend({ version: Version })
  .strict()
  .openapi('LabelPatch')
export type LabelPatch = z.infer<typeof LabelPatch>

/** At most this many labels on one card. */
export const MAX_CARD_LABELS = 10
