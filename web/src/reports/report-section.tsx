import type { ComponentChildren } from 'preact'
import { ApiError } from '../api/client'
import { reportUrl, type ReportName } from '../api/reports'
import { ErrorState, LoadingState } from '../components/status-panel'
import { useI18n } from '../i18n'
import type { ReportState } from './use-report'

/** One report: heading, what it shows, then its chart and tables once loaded, and CSV links. */
export function ReportSection<T extends { tables: Record<string, unknown> }>({
  name,
  title,
  intro,
  state,
  query,
  onRetry,
  children,
}: {
  name: ReportName
  title: string
  intro: string
  state: ReportState<T>
  query: URLSearchParams
  onRetry: () => void
  children: (report: T) => ComponentChildren
}) {
  const { t, locale } = useI18n()
  const csv = (table: string) => {
    const q = new URLSearchParams(query)
    q.set('lang', locale)
    q.set('format', 'csv')
    q.set('table', table)
    return reportUrl(name, q)
  }
  return (
    <section class="report" id={`report-${name}`} aria-labelledby={`report-${name}-title`}>
      <header class="report__head">
        <h2 id={`report-${name}-title`}>{title}</h2>
        {state.status === 'ready' && (
          <div class="report__csv">
            {Object.keys(state.report.tables).map((table) => (
              <a key={table} class="button" href={csv(table)} download data-csv={table}>
                {t('reports.csv', { table: t(`reports.table.${table}` as 'reports.csv') })}
              </a>
            ))}
          </div>
        )}
      </header>
      <p class="report__intro">{intro}</p>
      {state.status === 'loading' && <LoadingState />}
      {state.status === 'error' &&
        (state.error instanceof ApiError && state.error.status === 403 ? (
          <p class="report-empty">{t('reports.forbidden')}</p>
        ) : (
          <ErrorState error={state.error} onRetry={onRetry} />
        ))}
      {state.status === 'ready' && children(state.report)}
    </section>
  )
}
