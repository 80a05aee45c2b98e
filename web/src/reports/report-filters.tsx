import { Tier } from '../../../schema/clients'
import { can } from '../../../schema/access'
import type { User } from '../api/auth'
import type { Team } from '../api/team'
import type { Journey } from '../../../schema/journey'
import { useI18n } from '../i18n'

/** The query keys the filters write; every report reads the same ones. */
export const FILTER_KEYS = ['from', 'to', 'phase', 'tier', 'team', 'member', 'role'] as const

/**
 * Period, phase, tier, team, member and role; each change goes into the URL at once. A date not
 * in the URL shows the period the reports answered with (by default the last 90 days).
 */
export function ReportFilters({
  user,
  journey,
  team,
  search,
  period,
  onChange,
}: {
  user: User
  journey: Journey | null
  team: Team | null
  search: URLSearchParams
  period: { from: string; to: string } | null
  onChange: (key: string, value: string) => void
}) {
  const { t, text } = useI18n()
  const leadView = can(user.role, 'reports.forecast')
  const leads = team?.members.filter((m) => m.directReports > 0) ?? []
  const value = (k: string) => search.get(k) ?? ''
  const select = (key: string, label: string, options: { id: string; name: string }[]) => (
    <label class="report-filter">
      <span>{label}</span>
      <select value={value(key)} onChange={(e) => onChange(key, e.currentTarget.value)}>
        <option value="">{t('reports.filter.all')}</option>
        {options.map((o) => (
          <option key={o.id} value={o.id}>
            {o.name}
          </option>
        ))}
      </select>
    </label>
  )
  return (
    <form
      class="report-filters"
      onSubmit={(e) => e.preventDefault()}
      aria-label={t('reports.filters')}
    >
      <label class="report-filter">
        <span>{t('reports.filter.from')}</span>
        <input
          type="date"
          value={value('from') || period?.from || ''}
          onChange={(e) => onChange('from', e.currentTarget.value)}
        />
      </label>
      <label class="report-filter">
        <span>{t('reports.filter.to')}</span>
        <input
          type="date"
          value={value('to') || period?.to || ''}
          onChange={(e) => onChange('to', e.currentTarget.value)}
        />
      </label>
      {select(
        'phase',
        t('reports.filter.phase'),
        journey?.phases.map((p) => ({ id: p.id, name: text(p.name) })) ?? [],
      )}
      {select(
        'tier',
        t('reports.filter.tier'),
        Tier.options.map((x) => ({ id: x, name: x })),
      )}
      {leadView &&
        select(
          'team',
          t('reports.filter.team'),
          leads.map((m) => ({ id: m.id, name: m.name })),
        )}
      {leadView &&
        select(
          'member',
          t('reports.filter.member'),
          team?.members.filter((m) => m.active).map((m) => ({ id: m.id, name: m.name })) ?? [],
        )}
      {select(
        'role',
        t('reports.filter.role'),
        journey?.roles.map((r) => ({ id: r.id, name: text(r.name) })) ?? [],
      )}
    </form>
  )
}
