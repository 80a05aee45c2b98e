/** Visits of one stage in one duration bucket (see migration 0021), summed over the period. */
export interface BucketRow {
  stageId: string
  /** The bucket's lower bound in working ms; buckets are 2^(1/8) (9 %) wide. */
  bucket: number
  visits: number
  within: number
  returns: number
  maxMs: number
}

export interface StageTimes {
  stageId: string
  visits: number
  p50: number
  p85: number
  max: number
  within: number
  returns: number
}

/**
 * Per stage: visits, p50 / p85 and max working time, within SLA and returns, from duration
 * histograms. A percentile is nearest-rank on the buckets: the longest visit of the bucket that
 * holds the rank. It is never below the exact nearest-rank value and at most one bucket width
 * (9 %) above it; exact when that bucket holds one duration. Max, counts and shares are exact.
 */
export function stageTimesOf(rows: readonly BucketRow[]): StageTimes[] {
  const byStage = new Map<string, BucketRow[]>()
  for (const r of rows) byStage.set(r.stageId, [...(byStage.get(r.stageId) ?? []), r])
  return [...byStage].map(([stageId, list]) => {
    const sorted = [...list].sort((a, b) => a.bucket - b.bucket)
    const n = sorted.reduce((s, r) => s + r.visits, 0)
    const at = (q: number) => {
      let seen = 0
      for (const r of sorted) {
        seen += r.visits
        if (seen >= q * n) return r.maxMs
      }
      return sorted.at(-1)?.maxMs ?? 0
    }
    return {
      stageId,
      visits: n,
      p50: at(0.5),
      p85: at(0.85),
      max: sorted.reduce((m, r) => Math.max(m, r.maxMs), 0),
      within: sorted.reduce((s, r) => s + r.within, 0),
      returns: sorted.reduce((s, r) => s + r.returns, 0),
    }
  })
}
