import { useState } from 'preact/hooks'
import type { User } from '../api/auth'
import { listArticles } from '../api/articles'
import { getJourney } from '../api/journey'
import { listAllTracks, patchTrack, type OnboardingTrack } from '../api/onboarding-tracks'
import { useLoaded } from '../components/use-loaded'
import { ErrorState, LoadingState } from '../components/status-panel'
import { toast } from '../components/toasts'
import { useI18n } from '../i18n'
import { followLink } from '../routing/follow-link'
import { reportFailure } from '../components/save-failure'
import { MentorsSection } from './mentors-section'
import { moveStep } from './track-draft'
import { TrackEditor } from './track-editor'
import '../settings/settings.css'
import '../admin/admin.css'
import './onboarding.css'
import './tracks.css'

const load = async (signal: AbortSignal) => {
  const [tracks, journey, articles] = await Promise.all([
    listAllTracks(signal),
    getJourney(signal),
    listArticles({}, signal),
  ])
  return { tracks, roles: journey.roles, articles: articles.filter((a) => !a.archived) }
}

/** /onboarding/manage — leads and admins shape the tracks and give newcomers mentors. */
export default function ManagePage({ user: _user }: { user: User }) {
  const { t, text } = useI18n()
  const { data, set, failed, reload } = useLoaded(load)
  const [editing, setEditing] = useState<string | null>(null)

  const saved = (track: OnboardingTrack) => {
    if (!data) return
    const known = data.tracks.some((x) => x.id === track.id)
    set({
      ...data,
      tracks: known
        ? data.tracks.map((x) => (x.id === track.id ? track : x))
        : [...data.tracks, track],
    })
    setEditing(null)
    toast(t('admin.saved'), 'info')
  }
  const retire = async (track: OnboardingTrack) => {
    try {
      saved(await patchTrack(track.id, { version: track.version, retired: !track.retired }))
    } catch (error) {
      if (reportFailure(error, t('admin.conflict'), t)) reload()
    }
  }
  /** Moves a track one place up, numbering the tracks whose place changed 1, 2, 3… */
  const moveUp = async (index: number) => {
    if (!data) return
    const order = moveStep(data.tracks, index, -1)
    try {
      for (const [i, track] of order.entries()) {
        if (track.position !== i + 1) {
          await patchTrack(track.id, { version: track.version, position: i + 1 })
        }
      }
    } catch (error) {
      if (!reportFailure(error, t('admin.conflict'), t)) return
    }
    reload()
  }
  const roleName = (id: string) => {
    const role = data?.roles.find((r) => r.id === id)
    return role ? text(role.name) : id
  }

  return (
    <main class="ob" tabIndex={0}>
      <div class="ob__inner">
        <header class="ob__header">
          <a class="settings__back" href="/onboarding" onClick={followLink('/onboarding')}>
            {t('tracks.back')}
          </a>
          <h1 class="ob__title">{t('tracks.title')}</h1>
          <p class="ob__lead">{t('tracks.lead')}</p>
        </header>
        {failed ? (
          <ErrorState error={failed} onRetry={reload} />
        ) : !data ? (
          <LoadingState />
        ) : (
          <section class="settings-card" aria-labelledby="tracks-title">
            <header class="settings-card__header">
              <h2 id="tracks-title" class="settings-card__title">
                {t('tracks.list')}
              </h2>
              {editing !== 'new' && (
                <button
                  type="button"
                  class="button button--primary"
                  onClick={() => setEditing('new')}
                >
                  {t('tracks.add')}
                </button>
              )}
            </header>
            {editing === 'new' && (
              <TrackEditor
                roles={data.roles}
                articles={data.articles}
                onSaved={saved}
                onCancel={() => setEditing(null)}
              />
            )}
            {data.tracks.length === 0 && <p class="settings-empty">{t('tracks.none')}</p>}
            <ul class="admin-rows">
              {data.tracks.map((track, index) => (
                <li
                  key={track.id}
                  class={`admin-row${track.retired ? ' admin-row--off' : ''}`}
                  data-track-id={track.id}
                >
                  <div class="admin-row__line">
                    <div class="admin-row__main">
                      <p class="admin-row__title">{text(track.title)}</p>
                      <p class="admin-row__meta">
                        <span>{roleName(track.roleId)}</span>
                        <span>{t('tracks.stepCount', { n: track.items.length })}</span>
                        {track.retired && <span class="admin-row__off">{t('tracks.retired')}</span>}
                      </p>
                    </div>
                    <div class="admin-row__controls">
                      <button
                        type="button"
                        class="button button--small"
                        disabled={index === 0}
                        aria-label={t('tracks.up', { name: text(track.title) })}
                        onClick={() => void moveUp(index)}
                      >
                        ↑
                      </button>
                      <button type="button" class="button" onClick={() => void retire(track)}>
                        {t(track.retired ? 'tracks.restore' : 'tracks.retire')}
                      </button>
                      <button
                        type="button"
                        class="button"
                        aria-expanded={editing === track.id}
                        aria-label={t('tracks.edit', { name: text(track.title) })}
                        onClick={() => setEditing((id) => (id === track.id ? null : track.id))}
                      >
                        {t('settings.edit')}
                      </button>
                    </div>
                  </div>
                  {editing === track.id && (
                    <TrackEditor
                      track={track}
                      roles={data.roles}
                      articles={data.articles}
                      onSaved={saved}
                      onCancel={() => setEditing(null)}
                    />
                  )}
                </li>
              ))}
            </ul>
          </section>
        )}
        <MentorsSection />
      </div>
    </main>
  )
}
