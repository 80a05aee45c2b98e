import type { Journey, Stage } from '../../../schema/journey'

/** The stage a new client starts in: the first live stage of the first phase. */
export function firstStage(journey: Journey): Stage | null {
  const phases = [...journey.phases].sort((a, b) => a.position - b.position)
  for (const phase of phases) {
    const stage = phase.stages.filter((s) => !s.archived).sort((a, b) => a.position - b.position)[0]
    if (stage) return stage
  }
  return null
}

/** What is wrong with a new client's form, first problem first; null when it can be sent. */
export function newClientProblem(draft: {
  name: string
  company: string
  score: string
}): 'name' | 'company' | 'score' | null {
  if (!draft.name.trim()) return 'name'
  if (!draft.company.trim()) return 'company'
  const score = draft.score.trim()
  if (score === '') return null
  const n = Number(score)
  return Number.isInteger(n) && n >= 0 && n <= 100 ? null : 'score'
}
