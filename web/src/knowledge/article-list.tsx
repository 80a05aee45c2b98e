import { useEffect, useRef, useState } from 'preact/hooks'
import type { Lang } from '../../../schema/articles'
import type { User } from '../api/auth'
import { listArticles, type ArticleSummary } from '../api/articles'
import { CloseIcon, SearchIcon } from '../components/icons'
import { ExportButton } from '../export/export-button'
import { articlesCsv } from '../export/list-csv'
import { ErrorState } from '../components/status-panel'
import { useI18n } from '../i18n'
import { href, navigate, type Place } from '../routing/nav'
import { ArchivedBadge, KindBadge, LangBadge, ReviewBadge } from './badges'
import { followLink } from '../routing/follow-link'
import type { JourneyIndex } from './journey-index'
import {
  articleQuery,
  narrowsArticles,
  NO_KB_FILTERS,
  readKbFilters,
  writeKbFilters,
  type KbFilters,
} from './kb-filters'
import { KB_PATH, kbUrl } from '../routing/kb-paths'
import { canWriteKind } from './permissions'
import { ServerHtml } from './server-html'

type Load =
  | { status: 'loading'; previous: ArticleSummary[] | null }
  | { status: 'error'; error: unknown }
  | { status: 'ready'; articles: ArticleSummary[]; elsewhere?: Elsewhere }

/** A search that found nothing in one language, and how much it finds in the other. */
interface Elsewhere {
  lang: Lang
  count: number
}

const SEARCH_DELAY_MS = 250
const STAGES_SHOWN = 3

/** The knowledge base's list: filters, full-text search with highlighted snippets. */
export function ArticleList({
  user,
  place,
  journey,
}: {
  user: User
  place: Place
  journey: JourneyIndex
}) {
  const i18n = useI18n()
  const { t, text, plural, locale } = i18n
  const filters = readKbFilters(place.search)
  const key = place.search.toString()
  const [q, setQ] = useState(filters.q)
  const [load, setLoad] = useState<Load>({ status: 'loading', previous: null })
  const [attempt, setAttempt] = useState(0)
  const latest = useRef(filters)
  latest.current = filters

  const setFilters = (next: KbFilters, replace = false) =>
    navigate(href(KB_PATH, writeKbFilters(next)), replace)
  const set = (patch: Partial<KbFilters>) => setFilters({ ...filters, ...patch })

  // Typing replaces the URL once the user pauses, rather than adding a history entry per key.
  useEffect(() => {
    if (q === latest.current.q) return
    const timer = setTimeout(() => setFilters({ ...latest.current, q }, true), SEARCH_DELAY_MS)
    return () => clearTimeout(timer)
  }, [q])
  useEffect(() => setQ(filters.q), [filters.q])

  useEffect(() => {
    const abort = new AbortController()
    setLoad((prev) => ({
      status: 'loading',
      previous:
        prev.status === 'ready' ? prev.articles : prev.status === 'loading' ? prev.previous : null,
    }))
    const query = articleQuery(filters, locale)
    listArticles(query, abort.signal)
      .then(async (articles) => {
        // Nothing in this language: count the other one's, to offer it.
        const other: Lang | null = query.lang === 'ru' ? 'en' : query.lang === 'en' ? 'ru' : null
        if (articles.length > 0 || !query.q || !other) return setLoad({ status: 'ready', articles })
        const found = await listArticles({ ...query, lang: other }, abort.signal)
        const elsewhere = found.length > 0 ? { lang: other, count: found.length } : undefined
        setLoad({ status: 'ready', articles, elsewhere })
      })
      .catch((error: unknown) => {
        if (!abort.signal.aborted) setLoad({ status: 'error', error })
      })
    return () => abort.abort()
  }, [key, locale, attempt])

  const articles =
    load.status === 'ready' ? load.articles : load.status === 'loading' ? load.previous : null
  const searching = !!filters.q.trim()

  return (
    <div class="kb__inner">
      <header class="kb__header">
        <div>
          <h1 class="kb__title">{t('kb.title')}</h1>
          <p class="kb__lead">{t('kb.lead')}</p>
        </div>
        {canWriteKind(user, 'article') && (
          <a
            class="button button--primary"
            href={kbUrl.create({ stage: filters.stage ?? undefined })}
            onClick={followLink(kbUrl.create({ stage: filters.stage ?? undefined }))}
          >
            {t('kb.new')}
          </a>
        )}
      </header>

      <div class="kb-filters" role="search" aria-label={t('kb.filters')}>
        <label class="filters__search kb-filters__search">
          <SearchIcon />
          <input
            type="search"
            name="q"
            value={q}
            placeholder={t('kb.search')}
            aria-label={t('kb.search')}
            onInput={(event) => setQ(event.currentTarget.value)}
          />
        </label>
        <select
          class="select"
          aria-label={t('kb.filter.stage')}
          value={filters.stage ?? ''}
          onChange={(event) => set({ stage: event.currentTarget.value || null })}
        >
          <option value="">{t('kb.filter.stage.any')}</option>
          {journey.phases.map((group) => (
            <optgroup key={group.phase.id} label={text(group.phase.name)}>
              {group.stages.map((stage) => (
                <option key={stage.id} value={stage.id}>
                  {text(stage.name)}
                </option>
              ))}
            </optgroup>
          ))}
        </select>
        <select
          class="select"
          aria-label={t('kb.filter.role')}
          value={filters.role ?? ''}
          onChange={(event) => set({ role: event.currentTarget.value || null })}
        >
          <option value="">{t('kb.filter.role.any')}</option>
          {journey.roles.map((role) => (
            <option key={role.id} value={role.id}>
              {text(role.name)}
            </option>
          ))}
        </select>
        <div class="segmented kb-filters__kind" role="group" aria-label={t('kb.filter.kind')}>
          {([null, 'instruction', 'article'] as const).map((kind) => (
            <button
              key={kind ?? 'all'}
              type="button"
              class="segmented__option"
              aria-pressed={filters.kind === kind}
              onClick={() => set({ kind })}
            >
              {t(kind ? `kb.kinds.${kind}` : 'kb.kinds.all')}
            </button>
          ))}
        </div>
        <select
          class="select"
          aria-label={t('kb.filter.lang')}
          value={filters.lang ?? ''}
          onChange={(event) => {
            const value = event.currentTarget.value
            set({ lang: value === 'ru' || value === 'en' || value === 'all' ? value : null })
          }}
        >
          <option value="">{t('kb.filter.lang.ui', { lang: locale.toUpperCase() })}</option>
          <option value="ru">{t('kb.filter.lang.ru')}</option>
          <option value="en">{t('kb.filter.lang.en')}</option>
          <option value="all">{t('kb.filter.lang.all')}</option>
        </select>
        <button
          type="button"
          class="chip"
          aria-pressed={filters.archived}
          onClick={() => set({ archived: !filters.archived })}
        >
          {t('kb.filter.archived')}
        </button>
        {narrowsArticles(filters) && (
          <button
            type="button"
            class="link-button"
            onClick={() => {
              setQ('')
              setFilters(NO_KB_FILTERS)
            }}
          >
            {t('filters.reset')}
          </button>
        )}
      </div>

      {load.status === 'error' ? (
        <ErrorState error={load.error} onRetry={() => setAttempt((n) => n + 1)} />
      ) : articles === null ? (
        <p class="kb__note" role="status">
          {t('app.loading')}
        </p>
      ) : (
        <div class={`kb-results${load.status === 'loading' ? ' kb-results--busy' : ''}`}>
          <div class="export-head">
            <p class="kb__note" role="status" aria-live="polite">
              {searching
                ? t('kb.found', { count: plural('count.articles', articles.length) })
                : plural('count.articles', articles.length)}
            </p>
            {articles.length > 0 && (
              <ExportButton
                name="knowledge"
                csv={() =>
                  articlesCsv(articles, { stages: journey.stages, roles: journey.roleById }, i18n)
                }
              />
            )}
          </div>
          {articles.length === 0 ? (
            <div class="kb-empty">
              <p>{t(searching ? 'kb.empty.search' : 'kb.empty')}</p>
              {load.status === 'ready' && load.elsewhere && (
                <button
                  type="button"
                  class="button"
                  onClick={() => set({ lang: load.elsewhere?.lang ?? null })}
                >
                  {t(`kb.search.elsewhere.${load.elsewhere.lang}`, {
                    count: plural('count.articles', load.elsewhere.count),
                  })}
                </button>
              )}
              {searching && (
                <button type="button" class="link-button" onClick={() => setQ('')}>
                  <CloseIcon /> {t('kb.search.clear')}
                </button>
              )}
            </div>
          ) : (
            <ul class="kb-list">
              {articles.map((article) => {
                const stages = article.stageIds.flatMap((id) => {
                  const stage = journey.stages.get(id)
                  return stage ? [text(stage.name)] : []
                })
                const roles = article.roleIds.flatMap((id) => {
                  const role = journey.roleById.get(id)
                  return role ? [text(role.name)] : []
                })
                return (
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
                        {filters.lang !== null && <LangBadge lang={article.lang} />}
                        <ReviewBadge article={article} />
                        {article.archived && <ArchivedBadge />}
                      </span>
                    </div>
                    {article.snippet && <ServerHtml class="kb-snippet" html={article.snippet} />}
                    <p class="kb-item__meta">
                      {stages.length > 0 && (
                        <span>
                          {stages.slice(0, STAGES_SHOWN).join(', ')}
                          {stages.length > STAGES_SHOWN &&
                            ` ${t('kb.more', { n: stages.length - STAGES_SHOWN })}`}
                        </span>
                      )}
                      {roles.length > 0 && <span>{roles.join(', ')}</span>}
                      {article.tags.length > 0 && (
                        <span class="kb-item__tags">
                          {article.tags.map((tag) => `#${tag}`).join(' ')}
                        </span>
                      )}
                    </p>
                  </li>
                )
              })}
            </ul>
          )}
        </div>
      )}
    </div>
  )
}
