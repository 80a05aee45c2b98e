import { memo } from 'preact/compat'
import { useEffect, useLayoutEffect, useMemo, useRef, useState } from 'preact/hooks'
import type { Stage } from '../../../schema/journey'
import { useBoard, useColumnCards } from '../board/board-context'
import { countNow, useColumnMeta } from '../board/column-pages'
import { useColumnDrag } from '../board/drag-store'
import { useColumnReveal } from '../board/column-reveal'
import { CARD_GAP, listHeight, slotTop, visibleRows } from '../board/layout'
import { useI18n } from '../i18n'
import { useStageHighlighted } from '../onboarding/board-guidance'
import { ColumnHeader } from './column-header'
import { DraggableCard } from './draggable-card'
import './column-more.css'

/**
 * One stage: header, then a virtualised list of cards (only the rows in view are rendered, and
 * none while the column is scrolled out of the board's view; off screen at first, its cards and
 * header details come in idle time).
 */
export const StageColumn = memo(function StageColumn({ stage }: { stage: Stage }) {
  const { t, text } = useI18n()
  const board = useBoard()
  const all = useColumnCards(board.store, stage.id)
  const shown = useMemo(() => all.filter((c) => board.shows(c, stage)), [all, board.shows, stage])
  const meta = useColumnMeta(board.store, stage.id)
  const { activeId, slot } = useColumnDrag(board.drag, stage.id)
  const highlighted = useStageHighlighted(stage.id)

  const section = useRef<HTMLElement>(null)
  const scroller = useRef<HTMLDivElement>(null)
  const shownRef = useRef(shown)
  shownRef.current = shown
  const { near, drawn } = useColumnReveal(section)
  const inView = near && drawn
  const [viewport, setViewport] = useState({ top: 0, height: 800 })

  useLayoutEffect(() => {
    const list = scroller.current
    if (list) setViewport({ top: list.scrollTop, height: list.clientHeight })
  }, [])

  useEffect(() => {
    const el = section.current
    const list = scroller.current
    if (!el || !list) return
    board.columns.set(stage.id, { section: el, scroller: list, shown: () => shownRef.current })
    const ro = new ResizeObserver(() =>
      setViewport({ top: list.scrollTop, height: list.clientHeight }),
    )
    ro.observe(list)
    return () => {
      ro.disconnect()
      board.columns.delete(stage.id)
    }
  }, [board.columns, stage.id])

  // The column's cards come a page at a time: the server counts them, filters aside and not.
  const counted = countNow(meta, all.length)
  const count = counted.total
  const hidden = count - counted.count + (all.length - shown.length)

  const [start, end] = inView ? visibleRows(viewport.top, viewport.height, shown.length) : [0, 0]
  const nearEnd = inView && meta?.next && end >= shown.length - 5
  useEffect(() => {
    if (nearEnd) board.store.more(stage.id)
  }, [nearEnd, board.store, stage.id, shown.length])
  const rows = []
  for (let i = start; i < end; i++) {
    const client = shown[i]
    if (client) {
      rows.push(
        <DraggableCard
          key={client.id}
          client={client}
          stage={stage}
          top={slotTop(i)}
          dimmed={client.id === activeId}
        />,
      )
    }
  }

  return (
    <section
      ref={section}
      class={`column${slot === null ? '' : ' column--target'}${highlighted ? ' column--onboarding' : ''}`}
      data-stage-id={stage.id}
      aria-label={text(stage.name)}
    >
      <ColumnHeader stage={stage} count={count} hidden={hidden} details={drawn} />
      <div
        ref={scroller}
        class="column__scroller"
        onScroll={(event) => {
          const el = event.currentTarget
          setViewport({ top: el.scrollTop, height: el.clientHeight })
        }}
      >
        <div class="column__list" style={{ height: `${listHeight(shown.length)}px` }}>
          {rows}
          {slot !== null && (
            <div
              class="drop-indicator"
              style={{ top: `${slotTop(slot) - CARD_GAP / 2 - 1}px` }}
              aria-hidden="true"
            />
          )}
        </div>
        {meta?.next && (
          <p class="column__more" aria-live="polite">
            {t('board.column.more')}
          </p>
        )}
        {shown.length === 0 && !meta?.next && (
          <p class="column__empty">{t(count === 0 ? 'stage.empty' : 'stage.emptyFiltered')}</p>
        )}
      </div>
    </section>
  )
})
