/**
 * Why a draft absence cannot be saved yet, or null when it can: both days are needed (local
 * dates "YYYY-MM-DD", which compare as text), and it must not end before it starts.
 */
export function absenceProblem(from: string, to: string): 'from' | 'to' | 'order' | null {
  if (!from) return 'from'
  if (!to) return 'to'
  return from <= to ? null : 'order'
}
