/** What the stage guide needs to know of an article. */
export interface GuideCandidate {
  id: string
  lang: 'ru' | 'en'
  translationOf: string | null
  kind: 'instruction' | 'article'
  title: string
  roleIds: string[]
}

/**
 * One version per text: the one in `lang` if it exists, else the original, else any. Texts
 * keep the order in which their first version appears.
 */
export function pickLanguage<T extends GuideCandidate>(articles: readonly T[], lang: string): T[] {
  const chosen = new Map<string, T>()
  for (const a of articles) {
    const group = a.translationOf ?? a.id
    const current = chosen.get(group)
    const better =
      !current ||
      (current.lang !== lang &&
        (a.lang === lang || (a.translationOf === null && current.translationOf !== null)))
    if (better) chosen.set(group, a)
  }
  return [...chosen.values()]
}

/**
 * Orders a stage's articles for someone in `roleId` ("what do I do here"): the instruction that
 * names the role; failing that, the stage's general instruction (one naming no role), failing
 * that any instruction. The rest follow: instructions, then articles for the role, then the
 * others, each by title.
 */
export function guideOrder<T extends GuideCandidate>(
  articles: readonly T[],
  roleId: string | null,
): { instruction: T | null; forRole: boolean; others: T[] } {
  const forRole = (a: T) => roleId !== null && a.roleIds.includes(roleId)
  const instructions = articles.filter((a) => a.kind === 'instruction')
  const mine = instructions.find(forRole)
  const instruction =
    mine ?? instructions.find((a) => a.roleIds.length === 0) ?? instructions[0] ?? null
  const rank = (a: T) => (a.kind === 'instruction' ? 0 : forRole(a) ? 1 : 2)
  const others = articles
    .filter((a) => a !== instruction)
    .sort((a, b) => rank(a) - rank(b) || a.title.localeCompare(b.title) || a.id.localeCompare(b.id))
  return { instruction, forRole: mine !== undefined, others }
}
