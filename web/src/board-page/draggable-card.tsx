import { useDraggable } from '@dnd-kit/core'
import { memo } from 'preact/compat'
import type { Client } from '../../../schema/clients'
import type { Stage } from '../../../schema/journey'
import { useBoard } from '../board/board-context'
import { usePresence } from '../board/presence-store'
import { useI18n } from '../i18n'
import { CardMenu } from '../quick/card-menu'
import { useQuick } from '../quick/quick-context'
import { CheckIcon } from '../quick/quick-icons'
import { RenameCard } from '../quick/rename-card'
import { SelectionStore, useSelection } from '../quick/selection-store'
import { useViewerDragHint } from '../quick/viewer-hint'
import { ClientCard } from '../board/client-card'

interface Props {
  client: Client
  stage: Stage
  /** Offset from the top of the column list, in px (rows are absolutely placed). */
  top: number
  /** The card being dragged: shown faded where it was. */
  dimmed: boolean
}

/**
 * A card on the board: draggable (unless the user may not move cards), opens on click / Enter.
 * Ctrl-, ⌘- or Shift-click picks it for a bulk action (and while any card is picked, a plain
 * click does); its "…" menu offers the same by keyboard.
 */
export const DraggableCard = memo(function DraggableCard({ client, stage, top, dimmed }: Props) {
  const { members, roles, now, calendar, canMove, openCard, drag, presence, store } = useBoard()
  const quick = useQuick()
  const { t } = useI18n()
  const heldBy = usePresence(presence, (p) => p.draggedBy(client.id))
  const selected = useSelection(quick?.selection ?? IDLE, (s) => s.selected.has(client.id))
  const picking = useSelection(quick?.selection ?? IDLE, (s) => s.selected.size > 0)
  const renaming = useSelection(quick?.selection ?? IDLE, (s) => s.renaming === client.id)
  const hint = useViewerDragHint(!canMove)
  const { attributes, listeners, setNodeRef } = useDraggable({
    id: client.id,
    disabled: !canMove,
    data: { stageId: stage.id },
    attributes: { roleDescription: t('card.roleDescription') },
  })
  const open = () => openCard(client.id)

  if (renaming && quick) {
    return <RenameCard client={client} store={store} selection={quick.selection} top={top} />
  }
  return (
    <>
      <div
        ref={setNodeRef}
        class={`card-slot${dimmed ? ' card-slot--dimmed' : ''}${canMove ? '' : ' card-slot--static'}${heldBy ? ' card-slot--held' : ''}${selected ? ' card-slot--selected' : ''}`}
        style={{ top: `${top}px` }}
        {...listeners}
        {...hint}
        role="button"
        tabIndex={0}
        aria-pressed={picking ? selected : undefined}
        aria-roledescription={canMove ? attributes['aria-roledescription'] : undefined}
        aria-describedby={canMove ? attributes['aria-describedby'] : undefined}
        onClick={(event: MouseEvent) => {
          const pick = picking || event.ctrlKey || event.metaKey || event.shiftKey
          if (quick?.canEdit && pick) {
            event.preventDefault()
            quick.selection.toggle(client.id)
          } else open()
        }}
        onKeyDown={(event: KeyboardEvent) => {
          hint.onKeyDown?.(event)
          listeners?.onKeyDown?.(event)
          // Enter opens the card; while a keyboard drag runs it drops the card instead.
          if (event.key === 'Enter' && !event.defaultPrevented && drag.current.activeId === null) {
            event.preventDefault()
            open()
          }
        }}
      >
        <ClientCard
          client={client}
          stage={stage}
          members={members}
          roles={roles}
          now={now}
          calendar={calendar}
        />
        {selected && (
          <span class="card-slot__check" aria-hidden="true">
            <CheckIcon />
          </span>
        )}
        {heldBy && <span class="card-slot__dragging">{t('live.dragging', { name: heldBy })}</span>}
      </div>
      {quick?.canEdit && (
        <CardMenu
          client={client}
          quick={quick}
          top={top}
          onOpen={open}
          onRecord={(intent) => openCard(client.id, intent)}
        />
      )}
    </>
  )
})

const IDLE = new SelectionStore()
