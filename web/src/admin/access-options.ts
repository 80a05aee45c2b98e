import { AccessRole } from '../../../schema/auth'

/** The access roles in the order a picker offers them, most powerful first. */
export const ACCESS_OPTIONS = AccessRole.options
