import type { ArticleKind, ArticleSummary } from '../../../schema/articles'
import { useI18n } from '../i18n'
import { BookIcon, WarningIcon } from './kb-icons'

/** Regulation or article. */
export function KindBadge({ kind }: { kind: ArticleKind }) {
  const { t } = useI18n()
  return (
    <span class={`kb-badge kb-badge--${kind}`}>
      {kind === 'instruction' && <BookIcon />}
      {t(`kb.kind.${kind}`)}
    </span>
  )
}

export function LangBadge({ lang }: { lang: string }) {
  return (
    <span class="kb-badge kb-badge--lang" lang={lang}>
      {lang.toUpperCase()}
    </span>
  )
}

/** "Review overdue": regulations are reviewed every year. */
export function ReviewBadge({
  article,
}: {
  article: Pick<ArticleSummary, 'overdueReview' | 'reviewDue'>
}) {
  const { t, date } = useI18n()
  if (!article.overdueReview) return null
  return (
    <span
      class="kb-badge kb-badge--overdue"
      title={t('kb.review.overdue.title', { date: date(article.reviewDue) })}
    >
      <WarningIcon />
      {t('kb.review.overdue')}
    </span>
  )
}

export function ArchivedBadge() {
  const { t } = useI18n()
  return <span class="kb-badge kb-badge--archived">{t('kb.archived')}</span>
}
