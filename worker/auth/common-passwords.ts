import { commonPasswordSet } from '../domain/password-policy'
// The 10,000 most common passwords (SecLists, Passwords/Common-Credentials/10k-most-common.txt,
// MIT licence), one a line; wrangler bundles .txt files as text.
import list from '../data/common-passwords.txt'

let common: ReadonlySet<string> | null = null

/** The common-password set, built on first use and kept for the isolate's life. */
export function commonPasswords(): ReadonlySet<string> {
  common ??= commonPasswordSet(list)
  return common
}
