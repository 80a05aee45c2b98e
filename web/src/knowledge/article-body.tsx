import { useState } from 'preact/hooks'
import type { User } from '../api/auth'
import type { Article } from '../api/articles'
import { LOCALES, useI18n } from '../i18n'
import { ArchivedBadge, KindBadge, LangBadge, ReviewBadge } from './badges'
import { ArticleHistory } from './article-history'
import { followLink } from '../routing/follow-link'
import type { JourneyIndex } from './journey-index'
import { kbUrl } from '../routing/kb-paths'
import { canWriteKind } from './permissions'
import { ServerHtml } from './server-html'
import { boardStageUrl } from './stage-focus'

interface Props {
  article: Article
  user: User
  journey: JourneyIndex
  busy: boolean
  onReviewed: () => void
  onArchive: () => void
  onRestore: () => void
}

/** An article as read: the text, and beside it its links, languages, review and history. */
export function ArticleBody({
  article,
  user,
  journey,
  busy,
  onReviewed,
  onArchive,
  onRestore,
}: Props) {
  const { t, text, date } = useI18n()
  const [historyOpen, setHistoryOpen] = useState(false)
  const writable = canWriteKind(user, article.kind)
  const stages = article.stageIds.flatMap((id) => journey.stages.get(id) ?? [])
  const roles = article.roleIds.flatMap((id) => journey.roleById.get(id) ?? [])

  return (
    <article class="kb-article" aria-labelledby="kb-article-title">
      <div class="kb-article__main">
        <div class="kb-article__badges">
          <KindBadge kind={article.kind} />
          <LangBadge lang={article.lang} />
          <ReviewBadge article={article} />
          {article.archived && <ArchivedBadge />}
        </div>
        <h1 id="kb-article-title" class="kb-article__title">
          {article.title}
        </h1>
        <p class="kb-article__byline">
          {t('kb.byline', {
            author: article.authorName ?? t('kb.author.unknown'),
            date: date(article.updatedAt),
            version: article.version,
          })}
        </p>
        {article.overdueReview && (
          <div class="kb-notice kb-notice--warn" role="note">
            <p>{t('kb.review.overdue.notice', { date: date(article.reviewDue) })}</p>
            {writable && (
              <button type="button" class="button" disabled={busy} onClick={onReviewed}>
                {t('kb.review.mark')}
              </button>
            )}
          </div>
        )}
        {article.archived && (
          <div class="kb-notice" role="note">
            <p>{t('kb.archived.notice')}</p>
            {writable && (
              <button type="button" class="button" disabled={busy} onClick={onRestore}>
                {t('kb.restore')}
              </button>
            )}
          </div>
        )}
        {article.html.trim() ? (
          <ServerHtml class="kb-prose kb-article__text" html={article.html} />
        ) : (
          <p class="kb__note">{t('kb.body.empty')}</p>
        )}
      </div>

      <aside class="kb-article__aside">
        {writable && (
          <div class="kb-actions">
            <a
              class="button button--primary"
              href={kbUrl.edit(article.id)}
              onClick={followLink(kbUrl.edit(article.id))}
            >
              {t('kb.edit')}
            </a>
            {!article.archived && (
              <button type="button" class="button" disabled={busy} onClick={onArchive}>
                {t('kb.archive')}
              </button>
            )}
          </div>
        )}

        <section class="kb-side" aria-labelledby="kb-side-lang">
          <h2 id="kb-side-lang" class="kb-side__title">
            {t('kb.translations')}
          </h2>
          <div class="segmented" role="group" aria-labelledby="kb-side-lang">
            {LOCALES.map((lang) => {
              const other = article.translations.find((x) => x.lang === lang)
              const label = t(`lang.${lang}`)
              if (lang === article.lang) {
                return (
                  <span
                    key={lang}
                    class="segmented__option kb-lang"
                    aria-current="true"
                    lang={lang}
                  >
                    {label}
                  </span>
                )
              }
              if (other) {
                return (
                  <a
                    key={lang}
                    class="segmented__option kb-lang"
                    href={kbUrl.article(other.id)}
                    lang={lang}
                    title={other.title}
                    onClick={followLink(kbUrl.article(other.id))}
                  >
                    {label}
                  </a>
                )
              }
              return (
                <span
                  key={lang}
                  class="segmented__option kb-lang kb-lang--missing"
                  lang={lang}
                  title={t('kb.translation.none')}
                >
                  {label}
                </span>
              )
            })}
          </div>
          {article.translationOf === null &&
            writable &&
            LOCALES.filter(
              (l) => l !== article.lang && !article.translations.some((x) => x.lang === l),
            ).map((lang) => (
              <a
                key={lang}
                class="kb-side__link"
                href={kbUrl.create({ translationOf: article.id, lang })}
                onClick={followLink(kbUrl.create({ translationOf: article.id, lang }))}
              >
                {t('kb.translate', { lang: t(`lang.${lang}.title`) })}
              </a>
            ))}
        </section>

        <section class="kb-side" aria-labelledby="kb-side-stages">
          <h2 id="kb-side-stages" class="kb-side__title">
            {t('kb.field.stages')}
          </h2>
          {stages.length === 0 ? (
            <p class="kb__note">{t('kb.stages.none')}</p>
          ) : (
            <ul class="kb-chips">
              {stages.map((stage) => (
                <li key={stage.id}>
                  <a
                    class="kb-chip"
                    href={boardStageUrl(stage)}
                    title={t('kb.stage.board', { stage: text(stage.name) })}
                    onClick={followLink(boardStageUrl(stage))}
                  >
                    {text(stage.name)}
                  </a>
                </li>
              ))}
            </ul>
          )}
        </section>

        <section class="kb-side" aria-labelledby="kb-side-roles">
          <h2 id="kb-side-roles" class="kb-side__title">
            {t('kb.field.roles')}
          </h2>
          {roles.length === 0 ? (
            <p class="kb__note">{t('kb.roles.none')}</p>
          ) : (
            <ul class="kb-chips">
              {roles.map((role) => (
                <li key={role.id}>
                  <a
                    class="kb-chip kb-chip--role"
                    href={`/?role=${encodeURIComponent(role.id)}`}
                    title={t('kb.role.board', { role: text(role.name) })}
                    onClick={followLink(`/?role=${encodeURIComponent(role.id)}`)}
                  >
                    {text(role.name)}
                  </a>
                </li>
              ))}
            </ul>
          )}
        </section>

        {article.tags.length > 0 && (
          <section class="kb-side" aria-labelledby="kb-side-tags">
            <h2 id="kb-side-tags" class="kb-side__title">
              {t('kb.field.tags')}
            </h2>
            <p class="kb-tags">{article.tags.map((tag) => `#${tag}`).join(' ')}</p>
          </section>
        )}

        <section class="kb-side" aria-labelledby="kb-side-review">
          <h2 id="kb-side-review" class="kb-side__title">
            {t('kb.review')}
          </h2>
          <p class={`kb-review${article.overdueReview ? ' kb-review--overdue' : ''}`}>
            {t('kb.review.last', { date: date(article.reviewedAt) })}
            <br />
            {t(article.overdueReview ? 'kb.review.wasDue' : 'kb.review.next', {
              date: date(article.reviewDue),
            })}
          </p>
          {writable && !article.archived && !article.overdueReview && (
            <button
              type="button"
              class="button kb-review__button"
              disabled={busy}
              onClick={onReviewed}
            >
              {t('kb.review.mark')}
            </button>
          )}
        </section>

        <details
          class="kb-side kb-side--history"
          onToggle={(event) => setHistoryOpen(event.currentTarget.open)}
        >
          <summary class="kb-side__title">{t('kb.history')}</summary>
          {historyOpen && <ArticleHistory id={article.id} version={article.version} />}
        </details>
      </aside>
    </article>
  )
}
