import { useEffect, useState } from 'preact/hooks'
import type { ClientProfile, RecordOption, TimeEntry } from '../../../schema/record'
import { getProfile, listTime, patchProfile } from '../api/record'
import { FieldError, invalidProps } from '../components/field-error'
import { useI18n } from '../i18n'
import { formatMoney, hoursAndMinutes, moneyInput, parseMoney } from '../record/money'
import { fieldErrors, recordFailed } from '../record/record-errors'

interface Props {
  clientId: string
  editable: boolean
  options: RecordOption[]
  /** Changes when this card changed (here or elsewhere): profile and hours load again. */
  refresh: number
  onSaved: () => void
}

interface Draft {
  contractValue: string
  monthlyRevenue: string
  marginPercent: string
  currency: string
  startDate: string
  renewalDate: string
  sourceId: string
}

const draftOf = (p: ClientProfile): Draft => ({
  contractValue: moneyInput(p.contractValue),
  monthlyRevenue: moneyInput(p.monthlyRevenue),
  marginPercent: p.marginPercent === null ? '' : String(p.marginPercent),
  currency: p.currency,
  startDate: p.startDate ?? '',
  renewalDate: p.renewalDate ?? '',
  sourceId: p.sourceId ?? '',
})

/** Money, dates and source of the client, and the hours logged on it. */
export function MoneySection({ clientId, editable, options, refresh, onSaved }: Props) {
  const i18n = useI18n()
  const { t, text, locale } = i18n
  const [profile, setProfile] = useState<ClientProfile | null>(null)
  const [time, setTime] = useState<TimeEntry[]>([])
  const [draft, setDraft] = useState<Draft | null>(null)
  const [errors, setErrors] = useState<Record<string, string[]>>({})

  useEffect(() => {
    const abort = new AbortController()
    getProfile(clientId, abort.signal)
      .then((p) => {
        setProfile(p)
        setDraft(draftOf(p))
      })
      .catch(() => undefined)
    listTime(clientId, abort.signal)
      .then(setTime)
      .catch(() => setTime([]))
    return () => abort.abort()
  }, [clientId, refresh])

  if (!profile || !draft) return <p class="drawer__empty">{t('app.loading')}</p>
  const contract = parseMoney(draft.contractValue)
  const monthly = parseMoney(draft.monthlyRevenue)
  const margin = draft.marginPercent.trim() === '' ? null : Number(draft.marginPercent)
  const local = {
    contractValue: contract === 'invalid' ? [t('money.invalid')] : errors.contractValue,
    monthlyRevenue: monthly === 'invalid' ? [t('money.invalid')] : errors.monthlyRevenue,
    marginPercent:
      margin !== null && !(Number.isInteger(margin) && margin >= -100 && margin <= 100)
        ? [t('money.marginInvalid')]
        : errors.marginPercent,
  }
  const valid = contract !== 'invalid' && monthly !== 'invalid' && !local.marginPercent
  const dirty = JSON.stringify(draft) !== JSON.stringify(draftOf(profile))
  const set = (patch: Partial<Draft>) => setDraft({ ...draft, ...patch })
  const minutes = time.reduce((sum, e) => sum + e.minutes, 0)
  const spent = hoursAndMinutes(minutes)
  const sources = options.filter(
    (o) => o.list === 'source' && (!o.archived || o.id === profile.sourceId),
  )

  const save = async () => {
    if (!valid) return
    try {
      const saved = await patchProfile(clientId, {
        version: profile.version,
        contractValue: contract,
        monthlyRevenue: monthly,
        marginPercent: margin,
        currency: draft.currency.trim().toUpperCase(),
        startDate: draft.startDate || null,
        renewalDate: draft.renewalDate || null,
        sourceId: draft.sourceId || null,
      })
      setProfile(saved)
      setDraft(draftOf(saved))
      setErrors({})
      onSaved()
    } catch (error) {
      const fields = fieldErrors(error)
      setErrors(fields)
      if (Object.keys(fields).length === 0) recordFailed(error, i18n)
    }
  }

  const moneyField = (key: 'contractValue' | 'monthlyRevenue', label: string) => (
    <label class="field">
      <span class="field__label">{label}</span>
      <input
        class="input"
        inputMode="decimal"
        value={draft[key]}
        disabled={!editable}
        {...invalidProps(`money-${key}`, local[key])}
        onInput={(e) => set({ [key]: e.currentTarget.value })}
      />
      <FieldError id={`money-${key}`} messages={local[key]} />
    </label>
  )

  return (
    <section class="drawer__section" aria-labelledby="money-title">
      <h3 id="money-title" class="drawer__section-title">
        {t('money.title')}
      </h3>
      <dl class="money-figures">
        <div>
          <dt>{t('money.monthly')}</dt>
          <dd>
            {profile.monthlyRevenue === null
              ? '—'
              : formatMoney(profile.monthlyRevenue, profile.currency, locale)}
          </dd>
        </div>
        <div>
          <dt>{t('money.margin')}</dt>
          <dd>{profile.marginPercent === null ? '—' : `${profile.marginPercent} %`}</dd>
        </div>
        <div>
          <dt>{t('money.hours')}</dt>
          <dd>{t('money.spent', { h: spent.h, m: spent.m })}</dd>
        </div>
      </dl>
      <form
        class="form"
        onSubmit={(e) => {
          e.preventDefault()
          void save()
        }}
      >
        <div class="form__row">
          {moneyField('contractValue', t('money.contract'))}
          {moneyField('monthlyRevenue', t('money.monthly'))}
        </div>
        <div class="form__row">
          <label class="field">
            <span class="field__label">{t('money.margin')}</span>
            <input
              class="input"
              type="number"
              min={-100}
              max={100}
              step={1}
              value={draft.marginPercent}
              disabled={!editable}
              {...invalidProps('money-margin', local.marginPercent)}
              onInput={(e) => set({ marginPercent: e.currentTarget.value })}
            />
            <FieldError id="money-margin" messages={local.marginPercent} />
          </label>
          <label class="field">
            <span class="field__label">{t('money.currency')}</span>
            <input
              class="input"
              maxLength={3}
              value={draft.currency}
              disabled={!editable}
              {...invalidProps('money-currency', errors.currency)}
              onInput={(e) => set({ currency: e.currentTarget.value })}
            />
            <FieldError id="money-currency" messages={errors.currency} />
          </label>
        </div>
        <div class="form__row">
          <label class="field">
            <span class="field__label">{t('money.start')}</span>
            <input
              class="input"
              type="date"
              value={draft.startDate}
              disabled={!editable}
              onInput={(e) => set({ startDate: e.currentTarget.value })}
            />
          </label>
          <label class="field">
            <span class="field__label">{t('money.renewal')}</span>
            <input
              class="input"
              type="date"
              value={draft.renewalDate}
              disabled={!editable}
              {...invalidProps('money-renewal', errors.renewalDate)}
              onInput={(e) => set({ renewalDate: e.currentTarget.value })}
            />
            <FieldError id="money-renewal" messages={errors.renewalDate} />
          </label>
        </div>
        <label class="field">
          <span class="field__label">{t('money.source')}</span>
          <select
            class="input"
            value={draft.sourceId}
            disabled={!editable}
            onChange={(e) => set({ sourceId: e.currentTarget.value })}
          >
            <option value="">—</option>
            {sources.map((o) => (
              <option key={o.id} value={o.id}>
                {text(o.name)}
              </option>
            ))}
          </select>
        </label>
        {editable && (
          <div class="form__actions">
            <button
              type="button"
              class="button"
              disabled={!dirty}
              onClick={() => setDraft(draftOf(profile))}
            >
              {t('money.reset')}
            </button>
            <button type="submit" class="button button--primary" disabled={!dirty || !valid}>
              {t('money.save')}
            </button>
          </div>
        )}
      </form>
    </section>
  )
}
