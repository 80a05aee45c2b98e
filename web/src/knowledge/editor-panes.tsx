import { useRef } from 'preact/hooks'
import { useI18n } from '../i18n'
import type { ArticleEditorState } from './editor-state'
import { FieldMessages } from './field-messages'
import { ServerHtml } from './server-html'

/** The Markdown source beside its preview, rendered as the server will. */
export function EditorPanes({ editor }: { editor: ArticleEditorState }) {
  const { t } = useI18n()
  const { draft, set, preview } = editor
  const bodyField = editor.field('body')
  const paper = useRef<HTMLDivElement>(null)
  /**
   * The preview follows the source: while typing, to where the caret is (as a share of the
   * text); on scrolling, to the same share of its height. Measured after the preview renders.
   */
  const follow = (source: HTMLTextAreaElement, by: 'caret' | 'scroll') => {
    const share =
      by === 'caret'
        ? source.selectionStart / Math.max(1, source.value.length)
        : source.scrollTop / Math.max(1, source.scrollHeight - source.clientHeight)
    requestAnimationFrame(() => {
      const target = paper.current
      if (target) target.scrollTop = share * (target.scrollHeight - target.clientHeight)
    })
  }

  return (
    <div class="kb-editor__panes">
      <label class="kb-field kb-editor__source">
        <span class="kb-field__label">{t('kb.field.body')}</span>
        <textarea
          class="input kb-editor__textarea"
          name="body"
          value={draft.body}
          spellcheck
          onInput={(event) => {
            set({ body: event.currentTarget.value })
            follow(event.currentTarget, 'caret')
          }}
          onScroll={(event) => follow(event.currentTarget, 'scroll')}
          {...bodyField.props}
        />
        <span class="kb-field__hint">{t('kb.markdown.hint')}</span>
        <FieldMessages id={bodyField.errorId} messages={bodyField.messages} />
      </label>
      <section class="kb-editor__preview" aria-labelledby="kb-preview-title">
        <h2 id="kb-preview-title" class="kb-field__label">
          {t('kb.preview')}
        </h2>
        {/* It scrolls on its own: focusable, so the keyboard can scroll it too. */}
        <div
          class="kb-editor__paper"
          ref={paper}
          tabIndex={0}
          role="region"
          aria-labelledby="kb-preview-title"
        >
          <p class="kb-editor__preview-title">{draft.title.trim() || t('kb.preview.untitled')}</p>
          {preview ? (
            <ServerHtml class="kb-prose" html={preview} />
          ) : (
            <p class="kb__note">{t('kb.preview.empty')}</p>
          )}
        </div>
      </section>
    </div>
  )
}
