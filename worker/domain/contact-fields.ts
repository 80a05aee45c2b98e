/**
 * A phone as typed → E.164 (`+` and 8–15 digits), or null when it cannot be one. Russian habits
 * are understood: a leading 8 of an 11-digit number is the trunk prefix (8 916… → +7 916…), and a
 * bare 10-digit number starting with 9 is a mobile without its country code.
 */
export function normalisePhone(typed: string): string | null {
  const trimmed = typed.trim()
  const plus = trimmed.startsWith('+')
  let digits = trimmed.replace(/\D/g, '')
  if (!plus) {
    if (digits.length === 11 && digits.startsWith('8')) digits = `7${digits.slice(1)}`
    else if (digits.length === 10 && digits.startsWith('9')) digits = `7${digits}`
  }
  if (digits.length < 8 || digits.length > 15 || digits.startsWith('0')) return null
  return `+${digits}`
}

/** E-mails are matched and shown lower-cased (their domain is case-blind, and so are people). */
export const normaliseEmail = (email: string) => email.trim().toLowerCase()
