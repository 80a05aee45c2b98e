/** A member who can be mentioned: `@Имя Фамилия`, or `@` and the part of their e-mail before @. */
export interface Mentionable {
  id: string
  name: string
  email: string
}

const WORD_CHAR = /[\p{L}\p{N}._-]/u
/** What may not follow a handle: "@anna." ends a sentence, "@annabel" is someone else. */
const NAME_CHAR = /[\p{L}\p{N}_]/u

/**
 * The members a text mentions, each once. A mention is `@` followed by a member's full name or
 * e-mail handle, case-blind, ending at a non-word character, so `@anna` does not match `@annabel`
 * and an e-mail address in the text (`x@anna.ru`) mentions nobody.
 */
export function findMentions(text: string, members: readonly Mentionable[]): string[] {
  const lower = text.toLowerCase()
  const found = new Set<string>()
  for (let at = lower.indexOf('@'); at !== -1; at = lower.indexOf('@', at + 1)) {
    if (at > 0 && WORD_CHAR.test(lower[at - 1] ?? '')) continue
    const rest = lower.slice(at + 1)
    // The longest name wins: "@Анна Петрова" is Анна Петрова, not a member called Анна.
    let best: { id: string; length: number } | null = null
    for (const m of members) {
      for (const handle of [m.name.toLowerCase(), m.email.toLowerCase().split('@')[0] ?? '']) {
        if (!handle || !rest.startsWith(handle)) continue
        if (NAME_CHAR.test(rest[handle.length] ?? '')) continue
        if (!best || handle.length > best.length) best = { id: m.id, length: handle.length }
      }
    }
    if (best) found.add(best.id)
  }
  return [...found]
}
