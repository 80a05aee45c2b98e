import {
  DndContext,
  DragOverlay,
  MouseSensor,
  TouchSensor,
  useSensor,
  useSensors,
  type Announcements,
  type DragEndEvent,
  type DragStartEvent,
} from '@dnd-kit/core'
import { useMemo, useRef, useState } from 'preact/hooks'
import type { Client } from '../../../schema/clients'
import { ClientCard } from '../board/client-card'
import { PhaseGroup } from './phase-group'
import { useI18n } from '../i18n'
import { useBoard } from '../board/board-context'
import type { BoardPhase } from '../board/board-model'
import { locate, targetAt, type Target } from '../board/board-state'
import { BoardKeyboardSensor, type BoardKeyboardOptions } from '../board/keyboard-sensor'
import { dropTarget, keyboardStep, type DragGeometry } from '../board/drag-geometry'
import { PointerTracker } from '../board/pointer-tracker'
import './board.css'

interface Props {
  phases: BoardPhase[]
  collapsed: ReadonlySet<string>
  focusedPhase: string | null
  onToggle: (phaseId: string) => void
  onFocus: (phaseId: string | null) => void
  onMove: (clientId: string, target: Target) => void
}

/**
 * The journey, phase by phase, with drag and drop. While a card is dragged the board's cards do
 * not change: only the drop indicator moves (a per-column store), so cancelling needs no
 * restore and a drag re-renders at most the two columns it passes between. The move itself is
 * applied at drop, optimistically, by `onMove`.
 */
export function Board({ phases, collapsed, focusedPhase, onToggle, onFocus, onMove }: Props) {
  const i18n = useI18n()
  const { t, text } = i18n
  const board = useBoard()
  const boardRef = useRef<HTMLElement>(null)
  const overlayRef = useRef<HTMLDivElement>(null)
  const [active, setActive] = useState<Client | null>(null)
  const announced = useRef('')

  const order = useMemo(
    () =>
      phases.filter((p) => !collapsed.has(p.phase.id)).flatMap((p) => p.stages.map((s) => s.id)),
    [phases, collapsed],
  )
  const geometry: DragGeometry = { drag: board.drag, columns: board.columns, order }
  const geometryRef = useRef(geometry)
  geometryRef.current = geometry

  const tracker = useMemo(() => new PointerTracker(() => geometryRef.current), [])
  const keyboard = useMemo<BoardKeyboardOptions>(
    () => ({
      step: (arrow) => keyboardStep(geometryRef.current, arrow),
      drawnAt: () => {
        const rect = overlayRef.current?.getBoundingClientRect()
        return rect && { x: rect.left, y: rect.top }
      },
    }),
    [],
  )
  const sensors = useSensors(
    // A few pixels before a drag starts, so a click still opens the card.
    useSensor(MouseSensor, { activationConstraint: { distance: 6 } }),
    // On touch, a short press picks the card up; a swipe still scrolls the board.
    useSensor(TouchSensor, { activationConstraint: { delay: 180, tolerance: 8 } }),
    useSensor(BoardKeyboardSensor, keyboard),
  )

  /** "Stage, position n of m" for the place the card would land now. */
  const describeTarget = (): string => {
    const drop = dropTarget(geometryRef.current)
    if (!drop) return t('dnd.nowhere')
    const stage = board.stages.get(drop.stageId)
    return t('dnd.place', {
      stage: stage ? text(stage.name) : drop.stageId,
      position: drop.index + 1,
      total: drop.size + 1,
    })
  }
  const nameOf = (id: string | number) =>
    locate(board.store.snapshot, String(id))?.client.name ?? ''

  const announcements: Announcements = {
    onDragStart: ({ active }) => {
      announced.current = describeTarget()
      return t('dnd.start', { name: nameOf(active.id), place: announced.current })
    },
    onDragMove: () => {
      const place = describeTarget()
      if (place === announced.current) return undefined
      announced.current = place
      return place
    },
    onDragOver: () => undefined,
    onDragEnd: ({ active }) => t('dnd.end', { name: nameOf(active.id), place: announced.current }),
    onDragCancel: ({ active }) => t('dnd.cancel', { name: nameOf(active.id) }),
  }

  const start = ({ active, activatorEvent }: DragStartEvent) => {
    const id = String(active.id)
    const from = locate(board.store.snapshot, id)
    if (!from) return
    const shown = board.columns.get(from.stageId)?.shown() ?? []
    const slot = Math.max(
      0,
      shown.findIndex((c) => c.id === id),
    )
    board.drag.set({
      activeId: id,
      fromStageId: from.stageId,
      target: { stageId: from.stageId, slot },
    })
    setActive(from.client)
    if (!(activatorEvent instanceof KeyboardEvent)) {
      // Where on the card it was grabbed: dnd-kit measures its rects a render later.
      const target = activatorEvent?.target
      const card = target instanceof Element ? target.closest('.card-slot') : null
      tracker.start(activatorEvent, card?.getBoundingClientRect().top ?? 0)
    }
  }

  const finish = (drop: boolean) => {
    if (drop) tracker.flush()
    const id = board.drag.current.activeId
    const target = drop ? dropTarget(geometryRef.current) : undefined
    tracker.stop()
    board.drag.reset()
    setActive(null)
    if (!id || !target) return
    const handle = board.columns.get(target.stageId)
    const others = (handle?.shown() ?? []).filter((c) => c.id !== id)
    onMove(id, targetAt(target.stageId, others, target.index))
  }

  const stage = active ? board.stages.get(active.stageId) : undefined

  return (
    <DndContext
      sensors={sensors}
      accessibility={{
        announcements,
        screenReaderInstructions: { draggable: t('dnd.instructions') },
      }}
      autoScroll={{
        canScroll: (el: Element) => el === boardRef.current,
        threshold: { x: 0.12, y: 0 },
      }}
      onDragStart={start}
      onDragEnd={(_event: DragEndEvent) => finish(true)}
      onDragCancel={() => finish(false)}
    >
      <main class="board" ref={boardRef} aria-label={t('board.label')}>
        {phases.map((group) => (
          <PhaseGroup
            key={group.phase.id}
            group={group}
            index={group.index}
            collapsed={collapsed.has(group.phase.id)}
            focused={focusedPhase === group.phase.id}
            onToggle={onToggle}
            onFocus={onFocus}
          />
        ))}
      </main>
      <DragOverlay dropAnimation={null} style={{ pointerEvents: 'none' }}>
        {active && stage ? (
          <div class="drag-overlay" ref={overlayRef}>
            <ClientCard
              client={active}
              stage={stage}
              members={board.members}
              roles={board.roles}
              now={board.now}
              calendar={board.calendar}
            />
          </div>
        ) : null}
      </DragOverlay>
    </DndContext>
  )
}
