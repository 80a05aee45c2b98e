import { useDraggable } from '@dnd-kit/core'
import { memo } from 'preact/compat'
import type { Client } from '../../../schema/clients'
import type { Stage } from '../../../schema/journey'
import { useBoard } from '../board/board-context'
import { usePresence } from '../board/presence-store'
import { useI18n } from '../i18n'
import { ClientCard } from './client-card'

interface Props {
  client: Client
  stage: Stage
  /** Offset from the top of the column list, in px (rows are absolutely placed). */
  top: number
  /** The card being dragged: shown faded where it was. */
  dimmed: boolean
}

/** A card on the board: draggable (unless the user may not move cards), opens on click / Enter. */
export const DraggableCard = memo(function DraggableCard({ client, stage, top, dimmed }: Props) {
  const { members, roles, now, calendar, canMove, openCard, drag, presence } = useBoard()
  const { t } = useI18n()
  const heldBy = usePresence(presence, (p) => p.draggedBy(client.id))
  const { attributes, listeners, setNodeRef } = useDraggable({
    id: client.id,
    disabled: !canMove,
    data: { stageId: stage.id },
    attributes: { roleDescription: t('card.roleDescription') },
  })
  const open = () => openCard(client.id)

  return (
    <div
      ref={setNodeRef}
      class={`card-slot${dimmed ? ' card-slot--dimmed' : ''}${canMove ? '' : ' card-slot--static'}${heldBy ? ' card-slot--held' : ''}`}
      style={{ top: `${top}px` }}
      {...listeners}
      role="button"
      tabIndex={0}
      aria-roledescription={canMove ? attributes['aria-roledescription'] : undefined}
      aria-describedby={canMove ? attributes['aria-describedby'] : undefined}
      onClick={open}
      onKeyDown={(event: KeyboardEvent) => {
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
      {heldBy && <span class="card-slot__dragging">{t('live.dragging', { name: heldBy })}</span>}
    </div>
  )
})
