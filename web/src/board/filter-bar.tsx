import { QUADRANTS, STAGE_ROLE_KINDS, TIERS } from '../../../schema/enums'
import type { ComponentChildren } from 'preact'
import { useEffect, useMemo, useRef, useState } from 'preact/hooks'
import type { StageRoleKind } from '../../../schema/clients'
import type { User } from '../api/auth'
import { narrowsCards, NO_FILTERS, type Filters } from './filters'
import type { BoardModel } from './board-model'
import { useI18n } from '../i18n'
import { CloseIcon, SearchIcon } from '../components/icons'
import { whenIdle } from './idle-queue'
import { LabelFilter } from './label-filter'
import { MemberOptions } from '../components/member-options'
import './filter-bar.css'

interface Props {
  filters: Filters
  onChange: (next: Filters, replace?: boolean) => void
  model: BoardModel
  user: User
  /** More controls after the filters (the knowledge base's stage chip, onboarding toggle). */
  extra?: ComponentChildren
}

const KINDS: readonly StageRoleKind[] = STAGE_ROLE_KINDS
const SEARCH_DELAY_MS = 250

/** The view controls; every change goes into the URL. */
export function FilterBar({ filters, onChange, model, user, extra }: Props) {
  const { t, text } = useI18n()
  const [q, setQ] = useState(filters.q)
  const latest = useRef(filters)
  latest.current = filters

  // Typing updates the URL once the user pauses, replacing the entry rather than adding one.
  useEffect(() => {
    if (q === latest.current.q) return
    const timer = setTimeout(() => onChange({ ...latest.current, q }, true), SEARCH_DELAY_MS)
    return () => clearTimeout(timer)
  }, [q])
  useEffect(() => setQ(filters.q), [filters.q])

  const set = (patch: Partial<Filters>) => onChange({ ...filters, ...patch })
  // Hundreds of people: their options wait for idle time (or the select's first touch), not
  // the board's first frame; a member already chosen is there at once.
  const [memberList, showMemberList] = useState(false)
  useEffect(() => whenIdle(() => showMemberList(true)), [])
  const listed = memberList || filters.member !== null
  const members = useMemo(
    () =>
      listed
        ? [...model.members.values()]
            .filter((m) => m.active)
            .sort((a, b) => a.name.localeCompare(b.name))
        : [],
    [listed, model.members],
  )
  const roles = [...model.roles.values()].sort((a, b) => a.position - b.position)
  const focused = filters.phase ? model.phases.find((p) => p.phase.id === filters.phase) : undefined

  return (
    <div class="filters" role="search" aria-label={t('filters.label')}>
      <label class="filters__search">
        <SearchIcon />
        <input
          type="search"
          value={q}
          placeholder={t('filters.search')}
          aria-label={t('filters.search')}
          onInput={(event) => setQ(event.currentTarget.value)}
        />
      </label>
      <button
        type="button"
        class="chip"
        aria-pressed={filters.mine}
        disabled={!user.memberId}
        title={user.memberId ? t('filters.mine.title') : t('filters.mine.none')}
        onClick={() => set({ mine: !filters.mine, member: null })}
      >
        {t('filters.mine')}
      </button>
      <select
        class="select"
        aria-label={t('filters.member')}
        value={filters.member ?? ''}
        onFocus={() => showMemberList(true)}
        onPointerDown={() => showMemberList(true)}
        onChange={(event) => set({ member: event.currentTarget.value || null, mine: false })}
      >
        <option value="">{t('filters.member.any')}</option>
        <MemberOptions members={members} />
      </select>
      {(filters.mine || filters.member || filters.role || filters.as) && (
        <select
          class="select"
          aria-label={t('filters.as')}
          value={filters.as ?? ''}
          onChange={(event) => {
            const value = event.currentTarget.value
            set({ as: KINDS.find((k) => k === value) ?? null })
          }}
        >
          <option value="">{t('filters.as.any')}</option>
          {KINDS.map((kind) => (
            <option key={kind} value={kind}>
              {t(`filters.as.${kind}`)}
            </option>
          ))}
        </select>
      )}
      <select
        class="select"
        aria-label={t('filters.role')}
        value={filters.role ?? ''}
        onChange={(event) => set({ role: event.currentTarget.value || null })}
      >
        <option value="">{t('filters.role.any')}</option>
        {roles.map((role) => (
          <option key={role.id} value={role.id}>
            {text(role.name)}
          </option>
        ))}
      </select>
      <div class="segmented" role="group" aria-label={t('filters.tier')}>
        {TIERS.map((tier) => (
          <button
            key={tier}
            type="button"
            class="segmented__option"
            aria-pressed={filters.tiers.includes(tier)}
            title={t(`tier.${tier}`)}
            onClick={() =>
              set({
                tiers: filters.tiers.includes(tier)
                  ? filters.tiers.filter((x) => x !== tier)
                  : [...filters.tiers, tier],
              })
            }
          >
            {tier}
          </button>
        ))}
      </div>
      <select
        class="select"
        aria-label={t('filters.kam')}
        value={filters.kam ?? ''}
        onChange={(event) => {
          const value = event.currentTarget.value
          set({ kam: QUADRANTS.find((q) => q === value) ?? null })
        }}
      >
        <option value="">{t('filters.kam.any')}</option>
        {QUADRANTS.map((q) => (
          <option key={q} value={q}>
            {t(`kam.quadrant.${q}`)}
          </option>
        ))}
      </select>
      <LabelFilter filters={filters} onChange={set} />
      <button
        type="button"
        class="chip chip--danger"
        aria-pressed={filters.overdue}
        onClick={() => set({ overdue: !filters.overdue })}
      >
        {t('filters.overdue')}
      </button>
      {focused && (
        <button
          type="button"
          class="chip chip--focus"
          aria-pressed="true"
          onClick={() => set({ phase: null })}
        >
          {t('filters.phase', { name: text(focused.phase.name) })}
          <CloseIcon />
        </button>
      )}
      {extra}
      {(narrowsCards(filters) || filters.phase) && (
        <button
          type="button"
          class="link-button"
          onClick={() => {
            setQ('')
            onChange(NO_FILTERS)
          }}
        >
          {t('filters.reset')}
        </button>
      )}
    </div>
  )
}
