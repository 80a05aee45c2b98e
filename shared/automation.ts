/** Fills `{client}`, `{company}` and `{stage}` in a message template; unknown braces stay. */
export function renderTemplate(
  template: string,
  values: { client: string; company: string; stage: string },
): string {
  return template.replace(
    /\{(client|company|stage)\}/g,
    (_, key: keyof typeof values) => values[key],
  )
}
