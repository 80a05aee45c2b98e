import { useState } from 'preact/hooks'
import type { ArticlePatch } from '../../../schema/articles'
import { currentArticleOf, patchArticle, type Article } from '../api/articles'
import { ApiError } from '../api/client'
import { ask } from '../components/confirm-dialog'
import { toast } from '../components/toasts'
import { useI18n, type I18n } from '../i18n'

/** Why a request failed, in words for a message. */
export function failureText(error: unknown, t: I18n['t']): string {
  if (!(error instanceof ApiError)) return error instanceof Error ? error.message : String(error)
  if (error.code === 'network') return t('app.error.network')
  if (error.status === 403) return t('kb.forbidden')
  return error.message
}

/** What the article page's buttons do: mark reviewed, archive (after asking), restore. */
export interface ArticleActions {
  busy: boolean
  onReviewed: () => void
  onArchive: () => void
  onRestore: () => void
}

/**
 * One-click changes to an article, sent with the version shown. On a conflict the server's copy
 * replaces the one on screen, so the reader sees what is there now and can try again.
 */
export function useArticleActions(
  article: Article,
  onChange: (next: Article) => void,
): ArticleActions {
  const { t } = useI18n()
  const [busy, setBusy] = useState(false)

  const change = async (patch: Omit<ArticlePatch, 'version'>, done: string) => {
    setBusy(true)
    try {
      onChange(await patchArticle(article.id, { ...patch, version: article.version }))
      toast(done, 'success')
    } catch (error) {
      const current = currentArticleOf(error)
      if (current) {
        onChange(current)
        toast(t('kb.conflict.quick'), 'error')
      } else if (!(error instanceof ApiError && error.status === 401)) {
        toast(t('kb.failed', { reason: failureText(error, t) }), 'error')
      }
    } finally {
      setBusy(false)
    }
  }

  return {
    busy,
    onReviewed: () => void change({ reviewed: true }, t('kb.review.done')),
    onRestore: () => void change({ archived: false }, t('kb.restore.done')),
    onArchive: () =>
      void ask({
        title: t('kb.archive.title'),
        message: t('kb.archive.message', { title: article.title }),
        confirm: t('kb.archive'),
        cancel: t('kb.cancel'),
      }).then((ok) => (ok ? change({ archived: true }, t('kb.archive.done')) : undefined)),
  }
}
