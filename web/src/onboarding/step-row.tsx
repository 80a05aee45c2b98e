import type { ArticleSummary } from '../api/articles'
import { FieldError, invalidProps } from '../components/field-error'
import { useI18n } from '../i18n'
import type { StepDraft } from './track-draft'

/** One step in the track editor: an article to read or a checklist item, with its due days. */
export function StepRow(props: {
  step: StepDraft
  index: number
  count: number
  articles: readonly ArticleSummary[]
  errors: Record<string, string[]>
  onChange: (step: StepDraft) => void
  onMove: (by: -1 | 1) => void
  onRemove: () => void
}) {
  const { step, index, count, articles, errors, onChange, onMove, onRemove } = props
  const { t } = useI18n()
  const id = (field: string) => `step-${step.key}-${field}`
  const err = (field: string) => errors[`steps.${index}.${field}`]
  const title = step.kind === 'article' ? t('tracks.step.article') : t('tracks.step.checklist')
  const input = (field: 'ru' | 'en', label: string) => (
    <div class="settings-field">
      <label class="settings-field__label" for={id(field)}>
        {label}
      </label>
      <input
        id={id(field)}
        class="input"
        maxLength={200}
        value={step[field]}
        {...invalidProps(`${id(field)}-error`, err(`title.${field}`))}
        onInput={(event) => onChange({ ...step, [field]: event.currentTarget.value })}
      />
      <FieldError id={`${id(field)}-error`} messages={err(`title.${field}`)} />
    </div>
  )

  return (
    <li class="track-step" data-step-key={step.key}>
      <div class="track-step__head">
        <span class="track-step__index">{index + 1}.</span>
        <span class="track-step__kind">{title}</span>
        <span class="track-step__tools">
          <button
            type="button"
            class="button button--small"
            disabled={index === 0}
            aria-label={t('tracks.step.up', { n: index + 1 })}
            onClick={() => onMove(-1)}
          >
            ↑
          </button>
          <button
            type="button"
            class="button button--small"
            disabled={index === count - 1}
            aria-label={t('tracks.step.down', { n: index + 1 })}
            onClick={() => onMove(1)}
          >
            ↓
          </button>
          <button
            type="button"
            class="button button--small"
            aria-label={t('tracks.step.remove', { n: index + 1 })}
            onClick={onRemove}
          >
            ✕
          </button>
        </span>
      </div>
      <div class="admin-form__grid">
        {step.kind === 'article' ? (
          <div class="settings-field track-step__wide">
            <label class="settings-field__label" for={id('article')}>
              {t('tracks.step.articlePick')}
            </label>
            <select
              id={id('article')}
              class="select"
              value={step.articleId}
              {...invalidProps(`${id('article')}-error`, err('articleId'))}
              onChange={(event) => onChange({ ...step, articleId: event.currentTarget.value })}
            >
              <option value="">{t('tracks.step.articleNone')}</option>
              {articles.map((a) => (
                <option key={a.id} value={a.id}>
                  {a.title} ({a.lang.toUpperCase()})
                </option>
              ))}
            </select>
            <FieldError id={`${id('article')}-error`} messages={err('articleId')} />
          </div>
        ) : (
          <>
            {input('ru', t('tracks.step.titleRu'))}
            {input('en', t('tracks.step.titleEn'))}
          </>
        )}
        <div class="settings-field">
          <label class="settings-field__label" for={id('due')}>
            {t('tracks.step.due')}
          </label>
          <input
            id={id('due')}
            class="input"
            type="number"
            min={1}
            max={365}
            inputMode="numeric"
            placeholder={t('tracks.step.due.none')}
            value={step.dueDays}
            {...invalidProps(`${id('due')}-error`, err('dueDays'))}
            onInput={(event) => onChange({ ...step, dueDays: event.currentTarget.value })}
          />
          <FieldError id={`${id('due')}-error`} messages={err('dueDays')} />
        </div>
      </div>
    </li>
  )
}
