import { useCallback, useEffect, useMemo, useState } from 'preact/hooks'
import type { User } from '../api/auth'
import { can } from '../../../schema/access'
import { getTeam, type Team } from '../api/team'
import { ErrorState, LoadingState } from '../components/status-panel'
import { ExportButton } from '../export/export-button'
import { teamCsv } from '../export/team-csv'
import { useI18n } from '../i18n'
import { KamMissingPanel } from './kam-missing-panel'
import { LeadGroupView } from './lead-group'
import { barScale, formatPercent } from '../load/load-format'
import { NewClientButton } from './new-client'
import { RebalancePanel } from './rebalance-panel'
import { groupTeam, teamOf } from './team-groups'
import './team.css'

type Load =
  { status: 'loading' } | { status: 'error'; error: unknown } | { status: 'ready'; team: Team }

/** Who may record absences of whom: admins anyone, a lead their own team, others nobody. */
function manageable(user: User, team: Team): (memberId: string) => boolean {
  if (can(user.role, 'teams.all')) return () => true
  if (!can(user.role, 'absences.manage') || !user.memberId) return () => false
  const mine = teamOf(user.memberId, team.members)
  return (id) => mine.has(id)
}

/** The team view: everyone's load right now, by lead and grade, and the lead's tools. */
export default function TeamPage({ user }: { user: User }) {
  const i18n = useI18n()
  const { t, plural, locale, text } = i18n
  const [load, setLoad] = useState<Load>({ status: 'loading' })
  const [attempt, setAttempt] = useState(0)

  useEffect(() => {
    const abort = new AbortController()
    getTeam(abort.signal)
      .then((team) => setLoad({ status: 'ready', team }))
      .catch((error: unknown) => {
        if (!abort.signal.aborted) setLoad({ status: 'error', error })
      })
    return () => abort.abort()
  }, [attempt])

  /** Reads the team again after a change (an absence, an accepted move) without a spinner. */
  const refresh = useCallback(() => setAttempt((n) => n + 1), [])
  const team = load.status === 'ready' ? load.team : null
  const groups = useMemo(() => (team ? groupTeam(team.members) : []), [team])
  const mayManage = useMemo(() => (team ? manageable(user, team) : () => false), [user, team])

  if (load.status === 'loading') return <LoadingState />
  if (load.status === 'error') {
    return (
      <ErrorState
        error={load.error}
        onRetry={() => {
          setLoad({ status: 'loading' })
          refresh()
        }}
      />
    )
  }
  const { members, thresholds } = load.team
  const active = members.filter((m) => m.active)
  const over = active.filter((m) => (m.utilization ?? 0) > thresholds.overloadedAbove).length
  const away = active.filter((m) => m.absentToday).length
  const lead = can(user.role, 'clients.assign')
  const scale = barScale(members.map((m) => m.utilization))
  const roleNames = new Map(load.team.roles.map((r) => [r.id, r.name]))
  const roleName = (id: string) => {
    const name = roleNames.get(id)
    return name ? text(name) : id
  }

  return (
    <main tabIndex={0} class="team">
      <div class="team__inner">
        <header class="team__header">
          <div>
            <h1 class="team__title">{t('team.title')}</h1>
            <p class="team__summary">
              {plural('team.count.people', active.length)}
              {' · '}
              <span class={over > 0 ? 'team__summary-over' : ''}>
                {t('team.summary.over', { n: over })}
              </span>
              {' · '}
              {t('team.summary.away', { n: away })}
            </p>
          </div>
          <div class="team__legend" aria-label={t('team.legend')}>
            <span class="team__legend-item team__legend-item--ok">
              {t('team.legend.ok', { pct: formatPercent(locale, thresholds.underloadedBelow) })}
            </span>
            <span class="team__legend-item team__legend-item--busy">
              {t('team.legend.busy', {
                from: formatPercent(locale, thresholds.underloadedBelow),
                to: formatPercent(locale, thresholds.overloadedAbove),
              })}
            </span>
            <span class="team__legend-item team__legend-item--over">
              {t('team.legend.over', { pct: formatPercent(locale, thresholds.overloadedAbove) })}
            </span>
          </div>
          <ExportButton name="team" csv={() => teamCsv(load.team, i18n)} />
          {lead && <NewClientButton onDone={refresh} />}
        </header>
        <div class={`team__layout${lead ? ' team__layout--lead' : ''}`}>
          <div class="team__groups">
            {groups.map((group) => (
              <LeadGroupView
                key={group.lead?.id ?? 'none'}
                group={group}
                thresholds={thresholds}
                scale={scale}
                mine={group.lead !== null && group.lead.id === user.memberId}
                mayManage={mayManage}
                onChanged={refresh}
                roleName={roleName}
              />
            ))}
          </div>
          {lead && (
            <aside class="team__side">
              <RebalancePanel onChanged={refresh} roleName={roleName} />
              <KamMissingPanel />
            </aside>
          )}
        </div>
      </div>
    </main>
  )
}
