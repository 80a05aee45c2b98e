import { can } from '../../../schema/access'
import { useEffect, useMemo, useState } from 'preact/hooks'
import type { User } from '../api/auth'
import { getJourney } from '../api/journey'
import { getTeam, type Team } from '../api/team'
import type { Journey } from '../../../schema/journey'
import { useI18n } from '../i18n'
import { navigate, type Place } from '../routing/nav'
import { FlowChart, FunnelChart, TimeInStageChart } from './flow-charts'
import { ReportFilters, FILTER_KEYS } from './report-filters'
import { ReportSection } from './report-section'
import { AccountsChart, ForecastChart, SlaChart } from './team-charts'
import { useReport } from './use-report'
import { WhatIfControls } from './what-if'
import './reports.css'

/** The filters the reports take, read from the page's URL (so a report can be linked). */
function reportQuery(search: URLSearchParams, keys: readonly string[]) {
  const q = new URLSearchParams()
  for (const k of keys) {
    const v = search.get(k)
    if (v) q.set(k, v)
  }
  return q
}

/** /reports: flow, time in stage, SLA, funnel, account KPIs and (leads, admins) the forecast. */
export default function ReportsPage({ user, place }: { user: User; place: Place }) {
  const { t, text, locale } = useI18n()
  const [journey, setJourney] = useState<Journey | null>(null)
  const [team, setTeam] = useState<Team | null>(null)
  const [attempt, setAttempt] = useState(0)
  const leadView = can(user.role, 'reports.forecast')
  useEffect(() => {
    const abort = new AbortController()
    getJourney(abort.signal).then(setJourney, () => undefined)
    getTeam(abort.signal).then(setTeam, () => undefined)
    return () => abort.abort()
  }, [])
  const query = useMemo(() => {
    const q = reportQuery(place.search, FILTER_KEYS)
    q.set('lang', locale)
    return q
  }, [place.search.toString(), locale])
  const forecastQuery = useMemo(() => {
    const q = new URLSearchParams(query)
    for (const k of ['inflow', 'addGrade']) {
      const v = place.search.get(k)
      if (v) q.set(k, v)
    }
    return q
  }, [query, place.search.toString()])
  const setParam = (key: string, value: string) => {
    const next = new URLSearchParams(place.search)
    if (value) next.set(key, value)
    else next.delete(key)
    const s = next.toString()
    navigate(s ? `${place.path}?${s}` : place.path, true)
  }

  const flow = useReport('flow', query, attempt)
  const times = useReport('time-in-stage', query, attempt)
  const sla = useReport('sla', query, attempt)
  const funnel = useReport('funnel', query, attempt)
  const accounts = useReport('accounts', query, attempt)
  const forecast = useReport('forecast', forecastQuery, attempt, leadView)
  const retry = () => setAttempt((n) => n + 1)
  /** What every section takes besides its report: its texts, the filters, the retry. */
  const shared = (
    key: 'flow' | 'time' | 'sla' | 'funnel' | 'accounts' | 'forecast',
    q = query,
  ) => ({
    title: t(`reports.${key}.title`),
    intro: t(`reports.${key}.intro`),
    query: q,
    onRetry: retry,
  })
  const roleName = (id: string | null) => {
    const role = journey?.roles.find((r) => r.id === id)
    return role ? text(role.name).toLowerCase() : t('reports.forecast.person')
  }

  return (
    <main class="reports-page">
      <header class="reports-page__head">
        <h1>{t('reports.title')}</h1>
        <button type="button" class="button reports-page__print" onClick={() => print()}>
          {t('reports.print')}
        </button>
      </header>
      <ReportFilters
        user={user}
        journey={journey}
        team={team}
        search={place.search}
        period={flow.status === 'ready' ? flow.report.period : null}
        onChange={setParam}
      />
      <nav class="reports-page__toc" aria-label={t('reports.toc')}>
        {(leadView
          ? ['flow', 'time-in-stage', 'sla', 'funnel', 'accounts', 'forecast']
          : ['flow', 'time-in-stage', 'sla', 'funnel', 'accounts']
        ).map((n) => (
          <a key={n} href={`#report-${n}`}>
            {t(`reports.toc.${n}` as 'reports.toc')}
          </a>
        ))}
      </nav>
      <ReportSection name="flow" state={flow} {...shared('flow')}>
        {(r) => <FlowChart report={r} />}
      </ReportSection>
      <ReportSection name="time-in-stage" state={times} {...shared('time')}>
        {(r) => <TimeInStageChart report={r} />}
      </ReportSection>
      <ReportSection name="sla" state={sla} {...shared('sla')}>
        {(r) => <SlaChart report={r} />}
      </ReportSection>
      <ReportSection name="funnel" state={funnel} {...shared('funnel')}>
        {(r) => <FunnelChart report={r} />}
      </ReportSection>
      <ReportSection name="accounts" state={accounts} {...shared('accounts')}>
        {(r) => <AccountsChart report={r} />}
      </ReportSection>
      {leadView && (
        <ReportSection name="forecast" state={forecast} {...shared('forecast', forecastQuery)}>
          {(r) => (
            <>
              <WhatIfControls search={place.search} onChange={setParam} />
              <ForecastChart report={r} roleName={roleName} />
            </>
          )}
        </ReportSection>
      )}
    </main>
  )
}
