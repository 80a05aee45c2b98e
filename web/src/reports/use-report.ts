import { useEffect, useState } from 'preact/hooks'
import { getReport, type Report, type ReportName } from '../api/reports'

export type ReportState<T> =
  { status: 'loading' } | { status: 'error'; error: unknown } | { status: 'ready'; report: T }

/**
 * Loads a report whenever its query (or `attempt`) changes; a newer load cancels the older. A
 * report the caller may not see is not asked for (`enabled` false).
 */
export function useReport<N extends ReportName>(
  name: N,
  query: URLSearchParams,
  attempt: number,
  enabled = true,
): ReportState<Report<N>> {
  const [state, setState] = useState<ReportState<Report<N>>>({ status: 'loading' })
  const key = query.toString()
  useEffect(() => {
    if (!enabled) return
    const abort = new AbortController()
    setState({ status: 'loading' })
    getReport(name, query, abort.signal)
      .then((report) => setState({ status: 'ready', report }))
      .catch((error: unknown) => {
        if (!abort.signal.aborted) setState({ status: 'error', error })
      })
    return () => abort.abort()
  }, [name, key, attempt, enabled])
  return state
}
