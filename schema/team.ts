import { z } from '@hono/zod-openapi'
import { Id, IsoTime, LocalizedText } from './common'
import { Grade } from './members'

const LocalDate = z.iso.date().openapi({ example: '2026-12-01' })

/** A stretch of days (inclusive, local dates) a member is away and takes no new clients. */
export const Absence = z
  .object({
    id: Id,
    memberId: Id,
    from: LocalDate,
    to: LocalDate,
    reason: z.string(),
  })
  .openapi('Absence')
export type Absence = z.infer<typeof Absence>

export const AbsenceCreate = z
  .object({ from: LocalDate, to: LocalDate, reason: z.string().trim().max(200).default('') })
  .strict()
  .refine((a) => a.from <= a.to, {
    message: 'The absence must end on or after its first day',
    path: ['to'],
  })
  .openapi('AbsenceCreate')
export type AbsenceCreate = z.infer<typeof AbsenceCreate>

/** A member with their load, computed from the data at the moment of the request. */
export const TeamMember = z
  .object({
    id: Id,
    name: z.string(),
    grade: Grade,
    managerId: Id.nullable(),
    active: z.boolean(),
    load: z.number(),
    capacity: z.number(),
    /** Load / capacity (0.77 = 77%); null when the capacity is 0. */
    utilization: z.number().nullable(),
    clientCount: z.number().int(),
    /** Live clients per journey role the member holds on them (role id → count). */
    clientsByRole: z.record(Id, z.number().int()),
    overdueCount: z.number().int(),
    /** The absence covering today, else the next one coming; null when none. */
    absence: Absence.nullable(),
    absentToday: z.boolean(),
    directReports: z.number().int(),
    spanExceeded: z.boolean(),
  })
  .openapi('TeamMember')
export type TeamMember = z.infer<typeof TeamMember>

export const Team = z
  .object({
    today: LocalDate,
    members: z.array(TeamMember),
    imbalances: z.array(
      z.object({ leadId: Id, grade: Grade, over: z.array(Id), under: z.array(Id) }),
    ),
    /** The journey roles in order, for members' clients by role. */
    roles: z.array(z.object({ id: Id, name: LocalizedText })),
    thresholds: z.object({
      overloadedAbove: z.number(),
      underloadedBelow: z.number(),
      spanOfControl: z.number().int(),
    }),
  })
  .openapi('Team')

export const ProposalStatus = z.enum(['proposed', 'accepted', 'dismissed'])

/** A move of one client's role from an overloaded member to a same-grade peer, for the lead. */
export const RebalanceProposal = z
  .object({
    id: Id,
    leadId: Id,
    clientId: Id,
    clientName: z.string(),
    company: z.string(),
    roleId: Id,
    fromMemberId: Id,
    fromName: z.string(),
    toMemberId: Id,
    toName: z.string(),
    reason: z.string(),
    data: z.record(z.string(), z.unknown()).nullable(),
    status: ProposalStatus,
    createdAt: IsoTime,
    decidedAt: IsoTime.nullable(),
    decidedBy: z.string().nullable(),
  })
  .openapi('RebalanceProposal')
export type RebalanceProposal = z.infer<typeof RebalanceProposal>
