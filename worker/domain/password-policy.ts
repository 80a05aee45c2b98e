import { PASSWORD_MIN_LENGTH } from '../../schema/auth'

/** The list of common passwords as a set of lower-cased entries, from its text (one a line). */
export function commonPasswordSet(text: string): ReadonlySet<string> {
  return new Set(
    text
      .split('\n')
      .map((line) => line.trim().toLowerCase())
      .filter(Boolean),
  )
}

/**
 * Why a password is too weak, or null when it is fine: shorter than the minimum (spaces at the
 * ends do not count), the account's own e-mail (or the part before the @), or a common password,
 * compared without case — also when digits or symbols were only added at the end
 * ("Password2024!" is "password").
 */
export function passwordProblem(
  password: string,
  email: string,
  common: ReadonlySet<string>,
): string | null {
  const text = password.trim().toLowerCase()
  if (text.length < PASSWORD_MIN_LENGTH) {
    return `Use at least ${PASSWORD_MIN_LENGTH} characters (not counting spaces at the ends)`
  }
  const address = email.trim().toLowerCase()
  if (text === address || text === address.split('@')[0]) {
    return 'Do not use your e-mail address as the password'
  }
  const stem = text.replace(/[\d\W_]+$/u, '')
  if (common.has(text) || common.has(stem)) {
    return 'This is one of the most common passwords: choose one that is harder to guess'
  }
  return null
}
