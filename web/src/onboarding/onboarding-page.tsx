import { useEffect, useState } from 'preact/hooks'
import type { User } from '../api/auth'
import { can } from '../../../schema/access'
import { ApiError } from '../api/client'
import { myOnboarding, setProgress, type MyOnboarding } from '../api/onboarding'
import { ErrorState, LoadingState } from '../components/status-panel'
import { toast } from '../components/toasts'
import { useI18n } from '../i18n'
import { followLink } from '../routing/follow-link'
import { kbUrl } from '../routing/kb-paths'
import { TRACKS_PATH } from '../routing/paths'
import { ProgressBar } from './progress-bar'
import { applyMark, itemArticleId, onboardingComplete, splitItems, toggledStatus } from './progress'
import { TeamProgressSection } from './team-progress'
import './onboarding.css'
import './tracks.css'

type Track = MyOnboarding['tracks'][number]
type Item = Track['items'][number]

type Load =
  | { status: 'loading' }
  | { status: 'error'; error: unknown }
  | { status: 'ready'; me: MyOnboarding }

/** /onboarding — my tracks (articles to read, the first-week checklist) and, for leads, the team. */
export default function OnboardingPage({ user }: { user: User }) {
  const { t } = useI18n()
  const [load, setLoad] = useState<Load>({ status: 'loading' })
  const [attempt, setAttempt] = useState(0)
  const [pending, setPending] = useState<ReadonlySet<string>>(new Set())
  const seesTeam = can(user.role, 'onboarding.team')

  useEffect(() => {
    const abort = new AbortController()
    myOnboarding(abort.signal)
      .then((me) => setLoad({ status: 'ready', me }))
      .catch((error: unknown) => {
        if (!abort.signal.aborted) setLoad({ status: 'error', error })
      })
    return () => abort.abort()
  }, [attempt])

  const mark = async (item: Item) => {
    if (load.status !== 'ready' || pending.has(item.id)) return
    const before = load.me
    const status = toggledStatus(item)
    setLoad({ status: 'ready', me: applyMark(before, item.id, status, new Date().toISOString()) })
    setPending((p) => new Set(p).add(item.id))
    try {
      const saved = await setProgress(item.id, status)
      setLoad((now) =>
        now.status === 'ready'
          ? { status: 'ready', me: applyMark(now.me, saved.itemId, saved.status, saved.at) }
          : now,
      )
    } catch (error) {
      setLoad((now) =>
        now.status === 'ready'
          ? { status: 'ready', me: applyMark(now.me, item.id, item.status, item.at) }
          : now,
      )
      if (!(error instanceof ApiError && error.status === 401)) {
        toast(t('onboarding.failed'), 'error')
      }
    } finally {
      setPending((p) => {
        const next = new Set(p)
        next.delete(item.id)
        return next
      })
    }
  }

  return (
    <main class="ob" tabIndex={0}>
      <div class="ob__inner">
        <header class="ob__header">
          <h1 class="ob__title">{t('onboarding.title')}</h1>
          <p class="ob__lead">{t('onboarding.lead')}</p>
          {can(user.role, 'onboarding.manage') && (
            <p class="ob__lead">
              <a href={TRACKS_PATH} onClick={followLink(TRACKS_PATH)}>
                {t('tracks.manage')}
              </a>
            </p>
          )}
        </header>
        {load.status === 'loading' && <LoadingState />}
        {load.status === 'error' && (
          <ErrorState error={load.error} onRetry={() => setAttempt((n) => n + 1)} />
        )}
        {load.status === 'ready' && (
          <MyTracks me={load.me} user={user} pending={pending} onMark={(item) => void mark(item)} />
        )}
        {seesTeam && <TeamProgressSection />}
      </div>
    </main>
  )
}

function MyTracks(props: {
  me: MyOnboarding
  user: User
  pending: ReadonlySet<string>
  onMark: (item: Item) => void
}) {
  const { me, user, pending, onMark } = props
  const { t } = useI18n()
  if (!me.memberId) return <p class="ob-empty">{t('onboarding.noMember')}</p>
  if (me.tracks.length === 0) return <p class="ob-empty">{t('onboarding.noTracks')}</p>
  const complete = onboardingComplete(me)
  return (
    <>
      <section
        class={`ob-summary${complete ? ' ob-summary--done' : ''}`}
        aria-label={t('onboarding.total')}
      >
        <div class="ob-summary__text">
          <p class="ob-summary__title">
            {t(complete ? 'onboarding.complete' : 'onboarding.total')}
          </p>
          <p class="ob-summary__hint">
            {complete
              ? t('onboarding.complete.hint')
              : t('onboarding.highlight.hint', { n: me.stageIds.length })}{' '}
            <a href="/" onClick={followLink('/')}>
              {t('onboarding.toBoard')}
            </a>
          </p>
          {me.mentor && (
            <p class="ob-summary__hint">{t('tracks.yourMentor', { name: me.mentor.name })}</p>
          )}
        </div>
        <ProgressBar
          completed={me.completed}
          total={me.total}
          label={t('onboarding.total')}
          size="large"
        />
      </section>
      {me.tracks.map((track) => (
        <TrackCard
          key={track.id}
          track={track}
          readOnly={!can(user.role, 'onboarding.progress')}
          pending={pending}
          onMark={onMark}
        />
      ))}
    </>
  )
}

function TrackCard(props: {
  track: Track
  readOnly: boolean
  pending: ReadonlySet<string>
  onMark: (item: Item) => void
}) {
  const { track, readOnly, pending, onMark } = props
  const { t, text, locale, date } = useI18n()
  const { articles, checklist } = splitItems(track)
  const name = text(track.title)
  const row = (item: Item, index: number) => {
    const articleId = itemArticleId(item, locale)
    const title = text(item.title)
    const marked = item.status !== 'todo'
    const action = t(item.kind === 'article' ? 'onboarding.markRead' : 'onboarding.markDone', {
      title,
    })
    return (
      <li key={item.id} class={`ob-item${marked ? ' ob-item--marked' : ''}`} data-item-id={item.id}>
        <input
          type="checkbox"
          class="ob-item__check"
          checked={marked}
          disabled={readOnly || pending.has(item.id)}
          aria-label={action}
          title={action}
          onChange={() => onMark(item)}
        />
        <span class="ob-item__index" aria-hidden="true">
          {index + 1}
        </span>
        <span class="ob-item__title">
          {articleId ? (
            <a href={kbUrl.article(articleId)} onClick={followLink(kbUrl.article(articleId))}>
              {title}
            </a>
          ) : (
            title
          )}
        </span>
        {!marked && item.dueAt && (
          <span
            class={`ob-item__when${Date.parse(item.dueAt) < Date.now() ? ' ob-item__when--late' : ''}`}
          >
            {t('tracks.dueBy', { date: date(item.dueAt) })}
          </span>
        )}
        {marked && item.at && (
          <span class="ob-item__when">
            {t(item.kind === 'article' ? 'onboarding.readOn' : 'onboarding.doneOn', {
              date: date(item.at),
            })}
          </span>
        )}
      </li>
    )
  }
  return (
    <section class="ob-track" aria-labelledby={`track-${track.id}`} data-track-id={track.id}>
      <header class="ob-track__header">
        <h2 id={`track-${track.id}`} class="ob-track__title">
          {name}
        </h2>
        <ProgressBar completed={track.completed} total={track.total} label={name} />
      </header>
      <div class="ob-track__columns">
        <div>
          <h3 class="ob-track__subtitle">{t('onboarding.articles')}</h3>
          {articles.length === 0 ? (
            <p class="ob-empty">{t('onboarding.articles.none')}</p>
          ) : (
            <ol class="ob-list">{articles.map(row)}</ol>
          )}
        </div>
        <div>
          <h3 class="ob-track__subtitle">{t('onboarding.checklist')}</h3>
          {checklist.length === 0 ? (
            <p class="ob-empty">{t('onboarding.checklist.none')}</p>
          ) : (
            <ol class="ob-list">{checklist.map(row)}</ol>
          )}
        </div>
      </div>
    </section>
  )
}
