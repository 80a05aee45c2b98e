import { memo } from 'preact/compat'
import { useEffect, useMemo, useRef, useState } from 'preact/hooks'
import type { Stage } from '../../../schema/journey'
import { useBoard, useColumnCards } from '../board/board-context'
import { countNow, useColumnMeta } from '../board/column-pages'
import { useColumnDrag } from '../board/drag-store'
import { CARD_GAP, listHeight, slotTop, visibleRows } from '../board/layout'
import { useI18n } from '../i18n'
import { StageGuideLink } from '../knowledge/stage-guide-link'
import { AddCardButton } from '../quick/add-card-button'
import { useStageHighlighted } from '../onboarding/board-guidance'
import { DraggableCard } from './draggable-card'
import { BoltIcon, FunnelIcon, TimerIcon } from '../components/icons'
import { StageRoles } from '../board/stage-roles'
import './column-more.css'

/**
 * One stage: header, then a virtualised list of cards (only the rows in view are rendered, and
 * none while the column is scrolled out of the board's view).
 */
export const StageColumn = memo(function StageColumn({ stage }: { stage: Stage }) {
  const { t, text, plural, number } = useI18n()
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
  const [inView, setInView] = useState(false)
  const [viewport, setViewport] = useState({ top: 0, height: 800 })

  useEffect(() => {
    const el = section.current
    const list = scroller.current
    if (!el || !list) return
    board.columns.set(stage.id, { section: el, scroller: list, shown: () => shownRef.current })
    const boardEl = el.closest('.board')
    const io = new IntersectionObserver(
      (entries) => setInView(entries.some((e) => e.isIntersecting)),
      {
        root: boardEl,
        rootMargin: '0px 400px',
      },
    )
    io.observe(el)
    const ro = new ResizeObserver(() =>
      setViewport({ top: list.scrollTop, height: list.clientHeight }),
    )
    ro.observe(list)
    return () => {
      io.disconnect()
      ro.disconnect()
      board.columns.delete(stage.id)
    }
  }, [board.columns, stage.id])

  // The column's cards come a page at a time: the server counts them, filters aside and not.
  const counted = countNow(meta, all.length)
  const count = counted.total
  const limit = stage.wipLimit
  const over = limit !== null && count > limit
  const full = limit !== null && count === limit
  const countTitle =
    limit === null
      ? t('stage.count.title', { n: count })
      : t(over ? 'stage.wip.over' : 'stage.wip.title', { n: count, limit })
  const slaTitle = t('stage.sla.title', { days: plural('count.workingDays', stage.slaDays) })
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
      <header class="column__header">
        <div class="column__heading">
          <h3 class="column__name" title={text(stage.description) || undefined}>
            {text(stage.name)}
          </h3>
          <span
            class={`count${over ? ' count--over' : full ? ' count--full' : ''}`}
            title={countTitle}
            aria-label={countTitle}
          >
            {limit === null ? number(count) : `${number(count)} / ${number(limit)}`}
          </span>
          <AddCardButton stage={stage} />
        </div>
        <StageRoles roles={stage.roles} lookup={board.roles} />
        <div class="column__foot">
          <span class="sla" title={slaTitle}>
            <TimerIcon />
            {t('stage.sla', { n: stage.slaDays })}
          </span>
          {stage.automationCount > 0 && (
            <span
              class="sla stage-automations"
              title={t('stage.automations', { n: stage.automationCount })}
              aria-label={t('stage.automations', { n: stage.automationCount })}
            >
              <BoltIcon />
              {number(stage.automationCount)}
            </span>
          )}
          <StageGuideLink stage={stage} />
          {hidden > 0 && (
            <span
              class="column__hidden"
              title={t('stage.hidden', { n: hidden })}
              aria-label={t('stage.hidden', { n: hidden })}
            >
              <FunnelIcon />
              {number(hidden)}
            </span>
          )}
        </div>
      </header>
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
