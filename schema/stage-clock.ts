import { z } from '@hono/zod-openapi'
import { AUTOMATION_KINDS } from './enums'
import { Id, IsoTime, SingleLine, Version } from './common'

const HHMM = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'Use HH:MM, 24-hour')

function isTimeZone(tz: string) {
  try {
    new Intl.DateTimeFormat('en', { timeZone: tz })
    return true
  } catch {
    return false
  }
}

export const CalendarBody = z
  .object({
    timeZone: z.string().max(64).refine(isTimeZone, 'Unknown IANA time zone'),
    workingDays: z.array(z.number().int().min(1).max(7)).min(1).max(7),
    workStart: HHMM,
    workEnd: HHMM,
    holidays: z.array(z.iso.date()).max(400),
  })
  .strict()
  .refine((c) => c.workStart < c.workEnd, {
    message: 'The day must end after it starts',
    path: ['workEnd'],
  })
  .openapi('Calendar')

export const CalendarSetting = z
  .object({ calendar: CalendarBody, version: z.number().int().min(0) })
  .openapi('CalendarSetting')

export const CalendarPatch = z
  .object({ calendar: CalendarBody, version: z.number().int().min(0) })
  .strict()
  .openapi('CalendarPatch')

export const AutomationKind = z.enum(AUTOMATION_KINDS)

export const Automation = z
  .object({
    id: Id,
    stageId: Id,
    kind: AutomationKind,
    title: z.object({ ru: z.string(), en: z.string() }),
    template: z.object({ ru: z.string(), en: z.string() }),
    assigneeRoleId: Id.nullable(),
    delayDays: z.number().int(),
    dueDays: z.number().int().nullable(),
    active: z.boolean(),
    version: Version,
  })
  .openapi('Automation')
export type Automation = z.infer<typeof Automation>

const Text = z.object({ ru: SingleLine(300), en: SingleLine(300) }).strict()
const Template = z.object({ ru: z.string().max(4000), en: z.string().max(4000) }).strict()

export const AutomationCreate = z
  .object({
    kind: AutomationKind,
    title: Text,
    template: Template.default({ ru: '', en: '' }),
    assigneeRoleId: Id.nullable().default(null),
    delayDays: z.number().int().min(0).max(365).default(0),
    dueDays: z.number().int().min(0).max(365).nullable().default(null),
    active: z.boolean().default(true),
  })
  .strict()
  .refine((a) => a.kind !== 'delayed_task' || a.delayDays > 0, {
    message: 'A delayed task needs delayDays > 0',
    path: ['delayDays'],
  })
  .openapi('AutomationCreate')
export type AutomationCreate = z.infer<typeof AutomationCreate>

export const AutomationPatch = z
  .object({
    version: Version,
    title: Text.optional(),
    template: Template.optional(),
    assigneeRoleId: Id.nullable().optional(),
    delayDays: z.number().int().min(0).max(365).optional(),
    dueDays: z.number().int().min(0).max(365).nullable().optional(),
    active: z.boolean().optional(),
  })
  .strict()
  .openapi('AutomationPatch')
export type AutomationPatch = z.infer<typeof AutomationPatch>

export const Notification = z
  .object({
    id: Id,
    kind: z.string(),
    clientId: Id.nullable(),
    title: z.string(),
    body: z.string(),
    data: z.record(z.string(), z.unknown()).nullable(),
    createdAt: IsoTime,
    readAt: IsoTime.nullable(),
  })
  .openapi('Notification')
export type Notification = z.infer<typeof Notification>

export const WEBHOOK_EVENTS = [
  'client.moved',
  'client.overdue',
  'client.returned',
  'client.unstaffed',
  'message',
  'digest',
] as const
export const WebhookEvent = z.enum(WEBHOOK_EVENTS)
export type WebhookEvent = z.infer<typeof WebhookEvent>

export const Webhook = z
  .object({
    id: Id,
    url: z.string(),
    events: z.array(WebhookEvent),
    format: z.enum(['json', 'slack']),
    active: z.boolean(),
    version: Version,
    createdAt: IsoTime,
  })
  .openapi('Webhook')
export type Webhook = z.infer<typeof Webhook>

const HttpUrl = z.url({ protocol: /^https?$/, error: 'Use an http(s) URL' }).max(2000)

export const WebhookCreate = z
  .object({
    url: HttpUrl,
    events: z.array(WebhookEvent).min(1),
    format: z.enum(['json', 'slack']).default('json'),
    secret: z.string().min(16).max(200).optional(),
  })
  .strict()
  .openapi('WebhookCreate')
export type WebhookCreate = z.infer<typeof WebhookCreate>

export const WebhookPatch = z
  .object({
    version: Version,
    url: HttpUrl.optional(),
    events: z.array(WebhookEvent).min(1).optional(),
    format: z.enum(['json', 'slack']).optional(),
    active: z.boolean().optional(),
  })
  .strict()
  .openapi('WebhookPatch')
export type WebhookPatch = z.infer<typeof WebhookPatch>

/**
 * Why an attempt failed when there is no HTTP status. Only these generic words are kept: the
 * network's own messages would map internal hosts and ports for whoever reads the log.
 */
export const DELIVERY_ERRORS = ['connection_failed', 'address_refused'] as const
export type DeliveryError = (typeof DELIVERY_ERRORS)[number]

export const Delivery = z
  .object({
    id: z.string(),
    event: z.string(),
    status: z.enum(['pending', 'delivered']),
    attempts: z.number().int(),
    nextAttemptAt: IsoTime,
    lastStatus: z.number().int().nullable(),
    lastError: z.enum(DELIVERY_ERRORS).nullable(),
    createdAt: IsoTime,
    deliveredAt: IsoTime.nullable(),
  })
  .openapi('Delivery')
export type Delivery = z.infer<typeof Delivery>
