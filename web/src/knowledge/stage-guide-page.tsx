import { STAGE_ROLE_KINDS } from '../../../schema/enums'
import { useEffect, useState } from 'preact/hooks'
import type { User } from '../api/auth'
import { stageGuide, type StageGuide } from '../api/articles'
import { ApiError } from '../api/client'
import { ErrorState, LoadingState } from '../components/status-panel'
import { useI18n } from '../i18n'
import { navigate } from '../routing/nav'
import { KindBadge, ReviewBadge } from './badges'
import { followLink } from '../routing/follow-link'
import type { JourneyIndex } from './journey-index'
import { kbUrl } from '../routing/kb-paths'
import { canWriteKind } from './permissions'
import { boardStageUrl } from './stage-focus'
import { BackLink, LoadedArticle, Missing } from './article-view'

type Load =
  | { status: 'loading' }
  | { status: 'error'; error: unknown }
  | { status: 'missing' }
  | { status: 'ready'; guide: StageGuide }

const KINDS = STAGE_ROLE_KINDS

/**
 * /kb/stages/:stageId?role= — a stage's regulation as the person in `role` reads it (the
 * column headers link here), with the stage's other articles after it.
 */
export function StageGuidePage(props: {
  stageId: string
  roleId: string | null
  user: User
  journey: JourneyIndex
}) {
  const { stageId, roleId, user, journey } = props
  const { t, text, locale } = useI18n()
  const [load, setLoad] = useState<Load>({ status: 'loading' })
  const [attempt, setAttempt] = useState(0)
  const stage = journey.stages.get(stageId)

  useEffect(() => {
    const abort = new AbortController()
    setLoad({ status: 'loading' })
    stageGuide(stageId, { roleId, lang: locale }, abort.signal)
      .then((guide) => setLoad({ status: 'ready', guide }))
      .catch((error: unknown) => {
        if (abort.signal.aborted) return
        const missing = error instanceof ApiError && (error.status === 404 || error.status === 422)
        setLoad(missing ? { status: 'missing' } : { status: 'error', error })
      })
    return () => abort.abort()
  }, [stageId, roleId, locale, attempt])

  if (!stage || load.status === 'missing') return <Missing message={t('kb.stage.missing')} />
  if (load.status === 'loading') return <LoadingState />
  if (load.status === 'error') {
    return <ErrorState error={load.error} onRetry={() => setAttempt((n) => n + 1)} />
  }

  const phase = journey.phaseById.get(stage.phaseId)
  const roles = [...new Set(KINDS.map((k) => stage.roles[k]))].flatMap(
    (id) => journey.roleById.get(id) ?? [],
  )
  const { guide } = load
  return (
    <div class="kb__inner">
      <BackLink />
      <header class="kb-stage">
        <div>
          <p class="kb-stage__phase">{phase ? text(phase.name) : ''}</p>
          <p class="kb-stage__title">{t('kb.stage.title', { stage: text(stage.name) })}</p>
        </div>
        <div class="kb-stage__controls">
          <label class="kb-stage__role">
            <span>{t('kb.stage.role')}</span>
            <select
              class="select"
              value={roleId ?? ''}
              onChange={(event) =>
                navigate(kbUrl.stage(stage.id, event.currentTarget.value || null), true)
              }
            >
              <option value="">{t('kb.stage.role.any')}</option>
              {roles.map((role) => (
                <option key={role.id} value={role.id}>
                  {text(role.name)}
                </option>
              ))}
            </select>
          </label>
          <a class="button" href={boardStageUrl(stage)} onClick={followLink(boardStageUrl(stage))}>
            {t('kb.stage.board.open')}
          </a>
        </div>
      </header>

      {guide.instruction ? (
        <>
          {roleId && !guide.forRole && <p class="kb-notice">{t('kb.stage.general')}</p>}
          <LoadedArticle
            key={guide.instruction.id}
            article={guide.instruction}
            user={user}
            journey={journey}
            onChange={(instruction) =>
              setLoad({ status: 'ready', guide: { ...guide, instruction } })
            }
          />
        </>
      ) : (
        <div class="kb-empty">
          <p>{t('kb.stage.none')}</p>
          {canWriteKind(user, 'instruction') && (
            <a
              class="button button--primary"
              href={kbUrl.create({ stage: stage.id, kind: 'instruction' })}
              onClick={followLink(kbUrl.create({ stage: stage.id, kind: 'instruction' }))}
            >
              {t('kb.guide.write')}
            </a>
          )}
        </div>
      )}

      {guide.articles.length > 0 && (
        <section class="kb-stage__others" aria-labelledby="kb-stage-others">
          <h2 id="kb-stage-others" class="kb-side__title">
            {t('kb.guide.others')}
          </h2>
          <ul class="kb-list">
            {guide.articles.map((article) => (
              <li key={article.id} class="kb-item">
                <div class="kb-item__head">
                  <a
                    class="kb-item__title"
                    href={kbUrl.article(article.id)}
                    onClick={followLink(kbUrl.article(article.id))}
                  >
                    {article.title}
                  </a>
                  <span class="kb-item__badges">
                    <KindBadge kind={article.kind} />
                    <ReviewBadge article={article} />
                  </span>
                </div>
              </li>
            ))}
          </ul>
        </section>
      )}
    </div>
  )
}
