import type { User } from '../api/auth'
import type { Article } from '../api/articles'
import { LOCALES, useI18n } from '../i18n'
import { LIMITS } from './article-draft'
import type { ArticleEditorState } from './editor-state'
import { FieldMessages } from './field-messages'
import { canWriteKind } from './permissions'

/** Title, kind, language (fixed once written or translated) and tags. */
export function EditorMeta(props: {
  editor: ArticleEditorState
  original: Article | null
  user: User
}) {
  const { editor, original, user } = props
  const { t } = useI18n()
  const { base, draft, set } = editor
  const mayInstruct = canWriteKind(user, 'instruction')
  const titleField = editor.field('title')
  const tagsField = editor.field('tags')
  return (
    <div class="kb-editor__meta">
      <label class="kb-field kb-field--title">
        <span class="kb-field__label">{t('kb.field.title')}</span>
        <input
          class="input"
          name="title"
          value={draft.title}
          maxLength={LIMITS.title + 20}
          onInput={(event) => set({ title: event.currentTarget.value })}
          {...titleField.props}
        />
        <FieldMessages id={titleField.errorId} messages={titleField.messages} />
      </label>
      <div class="kb-field">
        <span class="kb-field__label" id="kb-kind-label">
          {t('kb.field.kind')}
        </span>
        <div class="segmented" role="group" aria-labelledby="kb-kind-label">
          {(['article', 'instruction'] as const).map((kind) => (
            <button
              key={kind}
              type="button"
              class="segmented__option kb-editor__kind"
              aria-pressed={draft.kind === kind}
              disabled={kind === 'instruction' && !mayInstruct}
              title={
                kind === 'instruction' && !mayInstruct ? t('kb.forbidden.instruction') : undefined
              }
              onClick={() => set({ kind })}
            >
              {t(`kb.kind.${kind}`)}
            </button>
          ))}
        </div>
      </div>
      <label class="kb-field">
        <span class="kb-field__label">{t('kb.field.lang')}</span>
        <select
          class="select"
          name="lang"
          value={draft.lang}
          disabled={!!base || !!original}
          title={base ? t('kb.lang.fixed') : undefined}
          onChange={(event) => {
            const lang = LOCALES.find((l) => l === event.currentTarget.value)
            if (lang) set({ lang })
          }}
        >
          {LOCALES.map((lang) => (
            <option key={lang} value={lang}>
              {t(`lang.${lang}.title`)}
            </option>
          ))}
        </select>
      </label>
      <label class="kb-field kb-field--tags">
        <span class="kb-field__label">{t('kb.field.tags')}</span>
        <input
          class="input"
          name="tags"
          value={draft.tags}
          placeholder={t('kb.tags.placeholder')}
          onInput={(event) => set({ tags: event.currentTarget.value })}
          {...tagsField.props}
        />
        <FieldMessages id={tagsField.errorId} messages={tagsField.messages} />
      </label>
    </div>
  )
}
