/** Error messages per form field; "" holds those about the form as a whole. */
export type FieldErrors = Record<string, string[]>

/**
 * The server's 422 `fields` ("calendar.holidays.3", "title.ru") keyed the way a form names its
 * fields: without the body's wrapper `prefix` and without list indexes, so an error about one
 * holiday lands next to the holidays. Anything else (not a 422) gives no field errors. Reads
 * the `ApiError` by its shape: this file stays free of the fetch client, for the node tests.
 */
export function fieldErrors(error: unknown, prefix = ''): FieldErrors {
  const { status, fields } = (error ?? {}) as { status?: unknown; fields?: unknown }
  if (status !== 422 || typeof fields !== 'object' || fields === null) return {}
  const out: FieldErrors = {}
  for (const [path, messages] of Object.entries(fields as FieldErrors)) {
    const wrapped = prefix && (path === prefix || path.startsWith(`${prefix}.`))
    const inner = wrapped ? path.slice(prefix.length + 1) : path
    const name = inner
      .split('.')
      .filter((part) => part && !/^\d+$/.test(part))
      .join('.')
    out[name] = [...(out[name] ?? []), ...messages]
  }
  return out
}

/** The messages for fields the form does not show, so they are not lost (shown on top). */
export function otherErrors(errors: FieldErrors, shown: readonly string[]): string[] {
  return Object.entries(errors)
    .filter(([name]) => !shown.includes(name))
    .flatMap(([, messages]) => messages)
}
