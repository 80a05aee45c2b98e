import { useEffect, useState } from 'preact/hooks'
import { articleHistory, type ArticleRevision } from '../api/articles'
import { useI18n, type I18n } from '../i18n'

const FIELD_KEYS = {
  title: 'kb.field.title',
  body: 'kb.field.body',
  kind: 'kb.field.kind',
  tags: 'kb.field.tags',
  stageIds: 'kb.field.stages',
  roleIds: 'kb.field.roles',
  archived: 'kb.history.archived',
  reviewedAt: 'kb.history.reviewed',
} as const

/** The changed fields in the reader's language; unknown ones as the server names them. */
export function describeFields(fields: readonly string[], t: I18n['t']): string {
  return fields
    .map((f) => (f in FIELD_KEYS ? t(FIELD_KEYS[f as keyof typeof FIELD_KEYS]) : f))
    .join(', ')
}

/** Who changed what, newest first; what a change replaced can be opened under it. */
export function ArticleHistory({ id, version }: { id: string; version: number }) {
  const { t, dateTime } = useI18n()
  const [revisions, setRevisions] = useState<ArticleRevision[] | null>(null)
  const [failed, setFailed] = useState(false)

  useEffect(() => {
    const abort = new AbortController()
    articleHistory(id, abort.signal)
      .then(setRevisions)
      .catch(() => {
        if (!abort.signal.aborted) setFailed(true)
      })
    return () => abort.abort()
  }, [id, version])

  if (failed) return <p class="kb__note">{t('kb.history.failed')}</p>
  if (!revisions) return <p class="kb__note">{t('app.loading')}</p>
  return (
    <ol class="timeline kb-history">
      {revisions.map((r) => (
        <li
          key={r.id}
          class={`timeline__item timeline__item--${r.kind === 'created' ? 'assigned' : 'moved'}`}
        >
          <p class="timeline__text">
            {r.kind === 'created'
              ? t('kb.history.created')
              : t('kb.history.edited', { fields: describeFields(r.fields, t) })}
            <span class="kb-history__version">{t('kb.version', { n: r.version })}</span>
          </p>
          <time class="timeline__time" dateTime={r.at}>
            {dateTime(r.at)}
            {r.actorName ? ` · ${r.actorName}` : ''}
          </time>
          {r.previous.title !== null && (
            <p class="kb-history__was">{t('kb.history.wasTitle', { title: r.previous.title })}</p>
          )}
          {r.previous.body !== null && (
            <details class="kb-history__body">
              <summary>{t('kb.history.wasBody')}</summary>
              <pre>{r.previous.body}</pre>
            </details>
          )}
        </li>
      ))}
    </ol>
  )
}
