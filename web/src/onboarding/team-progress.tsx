import { useEffect, useState } from 'preact/hooks'
import { getJourney } from '../api/journey'
import { teamOnboarding, type TeamProgress } from '../api/onboarding'
import type { Role } from '../../../schema/journey'
import { useI18n } from '../i18n'
import { ProgressBar } from './progress-bar'

type Members = TeamProgress['members']

/** Leads and admins: how far each person on the team has got, least progress first. */
export function TeamProgressSection() {
  const { t, text, dateTime } = useI18n()
  const [members, setMembers] = useState<Members | null>(null)
  const [roles, setRoles] = useState<Map<string, Role>>(new Map())
  const [failed, setFailed] = useState(false)
  const [attempt, setAttempt] = useState(0)

  useEffect(() => {
    const abort = new AbortController()
    setFailed(false)
    teamOnboarding(abort.signal)
      .then(setMembers)
      .catch(() => {
        if (!abort.signal.aborted) setFailed(true)
      })
    getJourney(abort.signal)
      .then((journey) => setRoles(new Map(journey.roles.map((r) => [r.id, r]))))
      .catch(() => undefined)
    return () => abort.abort()
  }, [attempt])

  const sorted = members
    ? [...members].sort(
        (a, b) =>
          (a.total ? a.completed / a.total : 1) - (b.total ? b.completed / b.total : 1) ||
          a.name.localeCompare(b.name),
      )
    : null

  return (
    <section class="ob-team" aria-labelledby="ob-team-title">
      <h2 id="ob-team-title" class="ob-team__title">
        {t('onboarding.team')}
      </h2>
      <p class="ob__lead">{t('onboarding.team.hint')}</p>
      {failed ? (
        <p class="ob-empty">
          {t('onboarding.team.failed')}{' '}
          <button type="button" class="link-button" onClick={() => setAttempt((n) => n + 1)}>
            {t('app.error.retry')}
          </button>
        </p>
      ) : !sorted ? (
        <p class="ob-empty">{t('app.loading')}</p>
      ) : sorted.length === 0 ? (
        <p class="ob-empty">{t('onboarding.team.empty')}</p>
      ) : (
        <div class="ob-table-wrap">
          <table class="ob-table">
            <thead>
              <tr>
                <th scope="col">{t('onboarding.team.member')}</th>
                <th scope="col">{t('onboarding.team.grade')}</th>
                <th scope="col">{t('onboarding.team.roles')}</th>
                <th scope="col">{t('onboarding.team.progress')}</th>
                <th scope="col">{t('onboarding.team.last')}</th>
              </tr>
            </thead>
            <tbody>
              {sorted.map((m) => (
                <tr key={m.memberId}>
                  <th scope="row">{m.name}</th>
                  <td>{t(`grade.${m.grade}`)}</td>
                  <td>
                    {m.roleIds
                      .map((id) => {
                        const role = roles.get(id)
                        return role ? text(role.name) : id
                      })
                      .join(', ')}
                  </td>
                  <td class="ob-table__progress">
                    <ProgressBar completed={m.completed} total={m.total} label={m.name} />
                  </td>
                  <td class="ob-table__last">
                    {m.lastActivityAt ? dateTime(m.lastActivityAt) : t('onboarding.team.never')}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  )
}
