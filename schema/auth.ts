import { z } from '@hono/zod-openapi'
import { ACCESS_ROLES } from './access'
import { Id, IsoTime, SingleLine, Version } from './common'
import { LIMITS } from './limits'

export const AccessRole = z.enum(ACCESS_ROLES)
export type AccessRole = z.infer<typeof AccessRole>

export const Login = z
  .object({ email: z.string().trim().min(1).max(254), password: z.string().min(1).max(200) })
  .strict()
  .openapi('Login')

/** A signed-in person as the API shows them: never a hash, never a password. */
export const User = z
  .object({
    id: Id,
    email: z.string(),
    name: z.string(),
    role: AccessRole,
    memberId: Id.nullable(),
    active: z.boolean(),
    version: Version,
    createdAt: IsoTime,
  })
  .openapi('User')
export type User = z.infer<typeof User>

/** The shortest password accepted; the worker also refuses the e-mail and common passwords. */
export const PASSWORD_MIN_LENGTH = 10
const Password = z
  .string()
  .min(PASSWORD_MIN_LENGTH, `Use at least ${PASSWORD_MIN_LENGTH} characters`)
  .max(200)

export const UserCreate = z
  .object({
    email: z.email().max(254),
    name: SingleLine(LIMITS.name),
    role: AccessRole,
    memberId: Id.nullable().default(null),
    password: Password,
  })
  .strict()
  .openapi('UserCreate')
export type UserCreate = z.infer<typeof UserCreate>

export const UserPatch = z
  .object({
    version: Version,
    name: SingleLine(LIMITS.name).optional(),
    role: AccessRole.optional(),
    memberId: Id.nullable().optional(),
    active: z.boolean().optional(),
    password: Password.optional(),
  })
  .strict()
  .openapi('UserPatch')
export type UserPatch = z.infer<typeof UserPatch>

export const Session = z
  .object({
    id: Id,
    userId: Id,
    createdAt: IsoTime,
    lastSeenAt: IsoTime,
    expiresAt: IsoTime,
    userAgent: z.string().nullable(),
    current: z.boolean(),
  })
  .openapi('Session')
export type Session = z.infer<typeof Session>

export const TokenScope = z.enum(['read', 'write'])

export const ApiToken = z
  .object({
    id: Id,
    name: z.string(),
    scope: TokenScope,
    createdBy: Id,
    createdAt: IsoTime,
    lastUsedAt: IsoTime.nullable(),
    revokedAt: IsoTime.nullable(),
  })
  .openapi('ApiToken')
export type ApiToken = z.infer<typeof ApiToken>

export const TokenCreate = z
  .object({ name: SingleLine(LIMITS.tokenName), scope: TokenScope })
  .strict()
  .openapi('TokenCreate')
export type TokenCreate = z.infer<typeof TokenCreate>
