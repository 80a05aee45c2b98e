import type { ArticleEditorState } from './editor-state'
import { FieldMessages } from './field-messages'
import type { JourneyIndex } from './journey-index'
import { RolePicker, StagePicker } from './link-pickers'

/** The stages and roles the article is about. */
export function EditorLinks({
  editor,
  journey,
}: {
  editor: ArticleEditorState
  journey: JourneyIndex
}) {
  const { draft, set } = editor
  const stagesField = editor.field('stageIds')
  const rolesField = editor.field('roleIds')
  return (
    <div class="kb-editor__links">
      <div>
        <StagePicker
          journey={journey}
          value={draft.stageIds}
          onChange={(stageIds) => set({ stageIds })}
          describedBy={stagesField.messages.length ? stagesField.errorId : undefined}
        />
        <FieldMessages id={stagesField.errorId} messages={stagesField.messages} />
      </div>
      <div>
        <RolePicker
          journey={journey}
          value={draft.roleIds}
          onChange={(roleIds) => set({ roleIds })}
          describedBy={rolesField.messages.length ? rolesField.errorId : undefined}
        />
        <FieldMessages id={rolesField.errorId} messages={rolesField.messages} />
      </div>
    </div>
  )
}
