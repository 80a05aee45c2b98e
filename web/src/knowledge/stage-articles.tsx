import { useEffect, useState } from 'preact/hooks'
import type { Client } from '../../../schema/clients'
import type { Stage } from '../../../schema/journey'
import type { User } from '../api/auth'
import { stageGuide, type StageGuide } from '../api/articles'
import type { BoardModel } from '../board/board-model'
import { useI18n } from '../i18n'
import { KindBadge, ReviewBadge } from './badges'
import { followLink } from '../routing/follow-link'
import { viewerRole } from './guide-role'
import { kbUrl } from '../routing/kb-paths'
import { canWriteKind } from './permissions'
import { ServerHtml } from './server-html'
import './stage-articles.css'

type Load = { status: 'loading' } | { status: 'error' } | { status: 'ready'; guide: StageGuide }

/**
 * The drawer's "Articles" section: first "what do I do here" — the stage's instruction for the
 * viewer's role on this card — then the stage's other articles.
 */
export function StageArticlesSection(props: {
  client: Client
  stage: Stage
  user: User
  model: BoardModel
}) {
  const { client, stage, user, model } = props
  const { t, text, locale } = useI18n()
  const memberRoles = user.memberId ? (model.members.get(user.memberId)?.roleIds ?? []) : []
  const roleId = viewerRole(stage.roles, memberRoles, {
    memberId: user.memberId,
    acting: client.acting,
  })
  const [load, setLoad] = useState<Load>({ status: 'loading' })
  const [expanded, setExpanded] = useState(false)
  const [attempt, setAttempt] = useState(0)

  useEffect(() => {
    const abort = new AbortController()
    setLoad({ status: 'loading' })
    setExpanded(false)
    stageGuide(stage.id, { roleId, lang: locale }, abort.signal)
      .then((guide) => setLoad({ status: 'ready', guide }))
      .catch(() => {
        if (!abort.signal.aborted) setLoad({ status: 'error' })
      })
    return () => abort.abort()
  }, [stage.id, roleId, locale, attempt])

  const role = roleId ? model.roles.get(roleId) : undefined
  const count =
    load.status === 'ready' ? load.guide.articles.length + (load.guide.instruction ? 1 : 0) : 0

  return (
    <section class="drawer__section stage-articles" aria-labelledby="articles-title">
      <h3 id="articles-title" class="drawer__section-title">
        {t('drawer.articles')}
        {count > 0 && <span class="drawer__count">{count}</span>}
      </h3>
      {load.status === 'loading' && <p class="drawer__empty">{t('app.loading')}</p>}
      {load.status === 'error' && (
        <p class="drawer__empty">
          {t('kb.guide.failed')}{' '}
          <button type="button" class="link-button" onClick={() => setAttempt((n) => n + 1)}>
            {t('app.error.retry')}
          </button>
        </p>
      )}
      {load.status === 'ready' && (
        <>
          {load.guide.instruction ? (
            <article class="guide" aria-labelledby="guide-title">
              <p class="guide__label">
                {load.guide.forRole && role
                  ? t('kb.guide.forRole', { role: text(role.name) })
                  : t('kb.guide.general')}
              </p>
              <h4 id="guide-title" class="guide__title">
                <a
                  href={kbUrl.article(load.guide.instruction.id)}
                  onClick={followLink(kbUrl.article(load.guide.instruction.id))}
                >
                  {load.guide.instruction.title}
                </a>
                <ReviewBadge article={load.guide.instruction} />
              </h4>
              <div class={`guide__body${expanded ? ' guide__body--open' : ''}`}>
                <ServerHtml class="kb-prose" html={load.guide.instruction.html} />
              </div>
              <button
                type="button"
                class="link-button guide__more"
                aria-expanded={expanded}
                onClick={() => setExpanded((v) => !v)}
              >
                {t(expanded ? 'kb.guide.less' : 'kb.guide.more')}
              </button>
            </article>
          ) : (
            <p class="drawer__empty">
              {t('drawer.articles.empty')}{' '}
              {canWriteKind(user, 'instruction') && (
                <a
                  class="guide__write"
                  href={kbUrl.create({ stage: stage.id, kind: 'instruction' })}
                  onClick={followLink(kbUrl.create({ stage: stage.id, kind: 'instruction' }))}
                >
                  {t('kb.guide.write')}
                </a>
              )}
            </p>
          )}
          {load.guide.articles.length > 0 && (
            <>
              <h4 class="stage-articles__subtitle">{t('kb.guide.others')}</h4>
              <ul class="stage-articles__list">
                {load.guide.articles.map((article) => (
                  <li key={article.id}>
                    <a
                      class="stage-articles__link"
                      href={kbUrl.article(article.id)}
                      onClick={followLink(kbUrl.article(article.id))}
                    >
                      {article.title}
                    </a>
                    <span class="stage-articles__badges">
                      <KindBadge kind={article.kind} />
                      <ReviewBadge article={article} />
                    </span>
                  </li>
                ))}
              </ul>
            </>
          )}
        </>
      )}
    </section>
  )
}
