import { useState } from 'preact/hooks'
import type { Member } from '../../../schema/members'
import { listMembers } from '../api/members'
import { teamOnboarding } from '../api/onboarding'
import { listMentors, putMentor, type Mentorship } from '../api/onboarding-tracks'
import { FormNotice } from '../components/form-notice'
import { saveErrors } from '../components/save-errors'
import { SelectField, TextField } from '../components/text-field'
import { useLoaded } from '../components/use-loaded'
import { ErrorState, LoadingState } from '../components/status-panel'
import { toast } from '../components/toasts'
import { useI18n } from '../i18n'
import type { FieldErrors } from '../components/form-errors'

const load = async (signal: AbortSignal) => {
  const [team, members, mentors] = await Promise.all([
    teamOnboarding(signal),
    listMembers(signal),
    listMentors(signal),
  ])
  return { team, members, mentors }
}

/** Each newcomer on the team gets a mentor and a start day (their step dates count from it). */
export function MentorsSection() {
  const { t } = useI18n()
  const { data, set, failed, reload } = useLoaded(load)
  if (failed) return <ErrorState error={failed} onRetry={reload} />
  if (!data) return <LoadingState />
  const saved = (m: Mentorship) =>
    set({ ...data, mentors: [...data.mentors.filter((x) => x.memberId !== m.memberId), m] })
  return (
    <section class="settings-card" aria-labelledby="mentors-title">
      <h2 id="mentors-title" class="settings-card__title">
        {t('tracks.mentors')}
      </h2>
      <p class="settings-field__note">{t('tracks.mentors.hint')}</p>
      {data.team.length === 0 ? (
        <p class="settings-empty">{t('onboarding.team.empty')}</p>
      ) : (
        <ul class="admin-rows">
          {data.team.map((m) => {
            const current = data.mentors.find((x) => x.memberId === m.memberId)
            return (
              <MentorRow
                key={`${m.memberId}:${current?.version ?? 0}`}
                memberId={m.memberId}
                name={m.name}
                current={current}
                members={data.members}
                onSaved={saved}
              />
            )
          })}
        </ul>
      )}
    </section>
  )
}

function MentorRow(props: {
  memberId: string
  name: string
  current?: Mentorship
  members: readonly Member[]
  onSaved: (m: Mentorship) => void
}) {
  const { memberId, name, current, members, onSaved } = props
  const { t } = useI18n()
  const [mentorId, setMentorId] = useState(current?.mentorId ?? '')
  const [startedOn, setStartedOn] = useState(current?.startedOn ?? '')
  const [errors, setErrors] = useState<FieldErrors>({})
  const [saving, setSaving] = useState(false)

  const save = async () => {
    if (!mentorId) {
      setErrors({ mentorId: [t('tracks.mentors.pick')] })
      return
    }
    setSaving(true)
    try {
      const body = { mentorId, version: current?.version ?? 0 }
      onSaved(await putMentor(memberId, startedOn ? { ...body, startedOn } : body))
      toast(t('admin.saved'), 'info')
    } catch (error) {
      setErrors(saveErrors(error, t))
      setSaving(false)
    }
  }

  return (
    <li class="admin-row" data-newcomer-id={memberId}>
      <form
        noValidate
        class="admin-form admin-form--inline"
        aria-label={t('tracks.mentors.of', { name })}
        onSubmit={(event) => {
          event.preventDefault()
          void save()
        }}
      >
        <FormNotice errors={errors} shown={['mentorId', 'startedOn']} />
        <p class="admin-row__title">{name}</p>
        <div class="admin-form__grid">
          <SelectField
            id={`mentor-${memberId}`}
            label={t('tracks.mentors.mentor')}
            value={mentorId}
            options={[
              { value: '', label: t('tracks.mentors.none') },
              ...members
                .filter((x) => x.id !== memberId && x.active)
                .map((x) => ({ value: x.id, label: x.name })),
            ]}
            errors={errors.mentorId}
            onValue={setMentorId}
          />
          <TextField
            id={`mentor-${memberId}-start`}
            label={t('tracks.mentors.start')}
            type="date"
            value={startedOn}
            errors={errors.startedOn}
            onValue={setStartedOn}
          />
          <div class="admin-form__save">
            <button type="submit" class="button button--primary" disabled={saving}>
              {saving ? t('settings.saving') : t('settings.save')}
            </button>
          </div>
        </div>
      </form>
    </li>
  )
}
