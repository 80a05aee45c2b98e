import { useI18n } from '../i18n'
import type { ArticleEditorState } from './editor-state'

/** A conflict with someone else's save, with both ways out; errors no field shows. */
export function EditorNotices({ editor }: { editor: ArticleEditorState }) {
  const { t } = useI18n()
  const { conflict, formError, others, keepMine, takeTheirs } = editor
  return (
    <>
      {conflict && (
        <div class="kb-notice kb-notice--error" role="alert">
          <p>{t('kb.conflict', { n: conflict.version })}</p>
          <div class="kb-notice__actions">
            <button type="button" class="button" onClick={() => keepMine(conflict)}>
              {t('kb.conflict.keep')}
            </button>
            <button type="button" class="button" onClick={() => takeTheirs(conflict)}>
              {t('kb.conflict.take')}
            </button>
          </div>
        </div>
      )}
      {(formError || others.length > 0) && (
        <div class="kb-notice kb-notice--error" role="alert">
          {formError && <p>{formError}</p>}
          {others.map((message) => (
            <p key={message}>{message}</p>
          ))}
        </div>
      )}
    </>
  )
}
