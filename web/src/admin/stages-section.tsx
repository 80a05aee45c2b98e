import { useState } from 'preact/hooks'
import type { Journey, Stage } from '../../../schema/journey'
import { getJourney } from '../api/journey'
import { ErrorState, LoadingState } from '../components/status-panel'
import { toast } from '../components/toasts'
import { useI18n } from '../i18n'
import { StageForm } from './stage-form'
import { useLoaded } from '../components/use-loaded'
import './admin.css'

const byPosition = <T extends { position: number }>(a: T, b: T) => a.position - b.position

/** Replaces one stage in the journey (moving it in its phase's order). */
const withStage = (journey: Journey, stage: Stage): Journey => ({
  ...journey,
  phases: journey.phases.map((p) => ({
    ...p,
    stages: p.stages.map((s) => (s.id === stage.id ? stage : s)),
  })),
})

/** Every stage by phase: what it demands, and its settings one at a time. */
export function StagesSection() {
  const { t, text } = useI18n()
  const { data: journey, set, failed, reload } = useLoaded(getJourney)
  const [editing, setEditing] = useState<string | null>(null)

  if (failed) return <ErrorState error={failed} onRetry={reload} />
  if (!journey) return <LoadingState />
  const roleName = (id: string) => {
    const role = journey.roles.find((r) => r.id === id)
    return role ? text(role.name) : id
  }

  return (
    <div class="admin-list">
      {[...journey.phases].sort(byPosition).map((phase) => (
        <section key={phase.id} class="settings-card" aria-labelledby={`admin-phase-${phase.id}`}>
          <h3 id={`admin-phase-${phase.id}`} class="settings-card__title">
            {text(phase.name)}
          </h3>
          <ul class="admin-rows">
            {phase.stages
              .filter((s) => !s.archived)
              .sort(byPosition)
              .map((stage) => (
                <li key={stage.id} class="admin-row" data-stage-id={stage.id}>
                  <div class="admin-row__line">
                    <div class="admin-row__main">
                      <p class="admin-row__title">
                        <span class="admin-row__pos">{stage.position}.</span> {text(stage.name)}
                      </p>
                      <p class="admin-row__meta">
                        <span>{t('admin.stages.slaShort', { n: stage.slaDays })}</span>
                        <span>
                          {stage.wipLimit === null
                            ? t('admin.stages.wip.none')
                            : t('admin.stages.wipShort', { n: stage.wipLimit })}
                        </span>
                        <span>{t(`admin.stages.policy.${stage.overduePolicy}`)}</span>
                        <span>
                          {roleName(stage.roles.owner)} · {roleName(stage.roles.communicator)} ·{' '}
                          {roleName(stage.roles.support)}
                        </span>
                      </p>
                    </div>
                    <button
                      type="button"
                      class="button"
                      aria-expanded={editing === stage.id}
                      aria-label={t('admin.stages.edit', { name: text(stage.name) })}
                      onClick={() => setEditing((id) => (id === stage.id ? null : stage.id))}
                    >
                      {t('settings.edit')}
                    </button>
                  </div>
                  {editing === stage.id && (
                    <StageForm
                      stage={stage}
                      roles={journey.roles}
                      onCancel={() => setEditing(null)}
                      onSaved={(saved) => {
                        set(withStage(journey, saved))
                        setEditing(null)
                        toast(t('admin.saved'), 'info')
                      }}
                      onArchived={() => {
                        setEditing(null)
                        toast(t('admin.stages.archived'), 'info')
                        reload()
                      }}
                    />
                  )}
                </li>
              ))}
          </ul>
        </section>
      ))}
    </div>
  )
}
