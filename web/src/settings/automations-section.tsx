import { useEffect, useMemo, useState } from 'preact/hooks'
import type { Journey, Stage } from '../../../schema/journey'
import { listAutomations, patchAutomation, type Automation } from '../api/automations'
import { getJourney } from '../api/journey'
import { ErrorState, LoadingState } from '../components/status-panel'
import { useI18n } from '../i18n'
import { reportFailure } from '../components/save-failure'
import { navigate, withParam, type Place } from '../routing/nav'
import { AutomationForm } from './automation-form'
import { AutomationRow } from './automation-row'

type Editing = null | { mode: 'new' } | { mode: 'edit'; automation: Automation }

const byPosition = <T extends { position: number }>(a: T, b: T) => a.position - b.position

/** Pick a stage, see what entering it sets off, add, edit or switch automations off. */
export function AutomationsSection({ place }: { place: Place }) {
  const { t, text } = useI18n()
  const [journey, setJourney] = useState<Journey | null>(null)
  const [failed, setFailed] = useState<unknown>(null)
  const [attempt, setAttempt] = useState(0)

  useEffect(() => {
    const abort = new AbortController()
    setFailed(null)
    getJourney(abort.signal)
      .then(setJourney)
      .catch((error: unknown) => !abort.signal.aborted && setFailed(error))
    return () => abort.abort()
  }, [attempt])

  const phases = useMemo(
    () =>
      [...(journey?.phases ?? [])].sort(byPosition).map((phase) => ({
        phase,
        stages: phase.stages.filter((s) => !s.archived).sort(byPosition),
      })),
    [journey],
  )
  const stages = phases.flatMap((p) => p.stages)
  const asked = place.search.get('stage')
  const stage = stages.find((s) => s.id === asked) ?? stages[0]

  if (failed) return <ErrorState error={failed} onRetry={() => setAttempt((n) => n + 1)} />
  if (!journey || !stage) return <LoadingState />

  return (
    <div class="automations">
      <div class="settings-field">
        <label class="settings-field__label" for="automation-stage">
          {t('settings.automations.stage')}
        </label>
        <select
          id="automation-stage"
          class="select automations__stage"
          value={stage.id}
          onChange={(event) => navigate(withParam(place, 'stage', event.currentTarget.value), true)}
        >
          {phases.map(({ phase, stages: list }) => (
            <optgroup key={phase.id} label={text(phase.name)}>
              {list.map((s) => (
                <option key={s.id} value={s.id}>
                  {text(s.name)}
                </option>
              ))}
            </optgroup>
          ))}
        </select>
      </div>
      <StageAutomations key={stage.id} stage={stage} journey={journey} />
    </div>
  )
}

function StageAutomations({ stage, journey }: { stage: Stage; journey: Journey }) {
  const { t } = useI18n()
  const [list, setList] = useState<Automation[] | null>(null)
  const [failed, setFailed] = useState<unknown>(null)
  const [attempt, setAttempt] = useState(0)
  const [editing, setEditing] = useState<Editing>(null)
  // The automation being switched: one request at a time, each with the version it knew.
  const [switching, setSwitching] = useState<string | null>(null)
  const roles = useMemo(() => new Map(journey.roles.map((r) => [r.id, r])), [journey])

  useEffect(() => {
    const abort = new AbortController()
    setFailed(null)
    listAutomations(stage.id, abort.signal)
      .then(setList)
      .catch((error: unknown) => !abort.signal.aborted && setFailed(error))
    return () => abort.abort()
  }, [stage.id, attempt])

  const reload = () => setAttempt((n) => n + 1)
  const replace = (saved: Automation) =>
    setList((prev) =>
      prev?.some((a) => a.id === saved.id)
        ? prev.map((a) => (a.id === saved.id ? saved : a))
        : [...(prev ?? []), saved],
    )

  const toggle = async (a: Automation) => {
    setSwitching(a.id)
    try {
      replace(await patchAutomation(a.id, { version: a.version, active: !a.active }))
    } catch (error) {
      if (!reportFailure(error, t('settings.automations.conflict'), t)) return
      reload()
    }
    setSwitching(null)
  }

  if (failed) return <ErrorState error={failed} onRetry={reload} />
  if (!list) return <LoadingState />

  return (
    <div class="settings-card">
      <header class="settings-card__header">
        <h3 class="settings-card__title">{t('settings.automations.list')}</h3>
        {editing === null && (
          <button
            type="button"
            class="button button--primary"
            onClick={() => setEditing({ mode: 'new' })}
          >
            {t('settings.automations.add')}
          </button>
        )}
      </header>
      {editing?.mode === 'new' && (
        <AutomationForm
          stage={stage}
          roles={roles}
          onSaved={(saved) => {
            replace(saved)
            setEditing(null)
          }}
          onCancel={() => setEditing(null)}
          onConflict={reload}
        />
      )}
      {list.length === 0 ? (
        <p class="settings-empty">{t('settings.automations.empty')}</p>
      ) : (
        <ul class="automation-list">
          {list.map((a) =>
            editing?.mode === 'edit' && editing.automation.id === a.id ? (
              <li key={a.id} class="automation-list__editing">
                <AutomationForm
                  stage={stage}
                  roles={roles}
                  automation={a}
                  onSaved={(saved) => {
                    replace(saved)
                    setEditing(null)
                  }}
                  onCancel={() => setEditing(null)}
                  onConflict={() => {
                    setEditing(null)
                    reload()
                  }}
                />
              </li>
            ) : (
              <AutomationRow
                key={a.id}
                automation={a}
                roles={roles}
                disabled={editing !== null || switching === a.id}
                onEdit={() => setEditing({ mode: 'edit', automation: a })}
                onToggle={() => void toggle(a)}
              />
            ),
          )}
        </ul>
      )}
    </div>
  )
}
