import { lazy, Suspense } from 'preact/compat'
import { useCallback, useEffect, useMemo, useRef, useState } from 'preact/hooks'
import type { User } from '../api/auth'
import { can } from '../../../schema/access'
import { getBoard } from '../api/board'
import { useAssignAfterMove } from '../assign/assign-after-move'
import { Board } from './board'
import { loadBoardData, takeBoardLoad } from './board-load'
import {
  BoardContext,
  isCardIntent,
  type BoardContextValue,
  type CardIntent,
  type ColumnHandle,
} from '../board/board-context'
import { buildBoard, type BoardModel } from '../board/board-model'
import { ColumnPager, columnsOf } from '../board/column-pages'
import { BoardStore } from '../board/board-store'
import { DragStore } from '../board/drag-store'
import { boardQuery, cardFilter, readFilters, writeFilters, type Filters } from '../board/filters'
import { LiveBoard } from '../board/live-board'
import { PresenceStore } from '../board/presence-store'
import { FilterBar } from '../board/filter-bar'
import { BoardExport } from '../export/board-export'
import { LiveBanner, LivePresence } from '../board/live-status'
import { ErrorState, LoadingState } from '../components/status-panel'
import { useI18n } from '../i18n'
import { BoardExtras } from '../knowledge/board-extras'
import { NewClientEntry } from './new-client-entry'
import { narrowToStage } from '../knowledge/stage-focus'
import { href, navigate, type Place } from '../routing/nav'
import { BoardGuidanceContext, useBoardGuidance } from '../onboarding/board-guidance'
import type { Calendar } from '../../../shared/clock'
import { useCollapsedPhases } from './collapsed-phases'
import { PhaseStrip } from '../board-nav/phase-strip'
import { ArchivedButton } from '../quick/archived-dialog'
import { BulkBar } from '../quick/bulk-bar'
import { QuickContext } from '../quick/quick-context'
import { useQuickLayer } from '../quick/quick-layer'
import { useUndoableMove } from '../quick/undo-move'

// The drawer is not needed to draw the board: it loads on the first card opened.
const CardDrawer = lazy(() => import('../drawer/card-drawer'))

/** What a load of the board gives the loaded board. */
interface Loaded {
  model: BoardModel
  store: BoardStore
  calendar: Calendar
  /** The change feed's cursor before the data was read (null: live updates unavailable). */
  cursor: number | null
  /** The filters the cards were loaded with, as the API takes them. */
  query: string
}

type Load =
  { status: 'loading' } | { status: 'error'; error: unknown } | ({ status: 'ready' } & Loaded)

const CLOCK_MS = 5 * 60_000

/** The board screen: loads the journey, members and cards, then keeps them in a store. */
export function BoardPage({ user, place }: { user: User; place: Place }) {
  const [load, setLoad] = useState<Load>({ status: 'loading' })
  const [attempt, setAttempt] = useState(0)
  const [now, setNow] = useState(() => new Date())

  // The filters the first load asks the server for; later changes reload only the cards.
  const initialQuery = useRef('')
  initialQuery.current = boardQuery(readFilters(place.search), user.memberId).toString()
  useEffect(() => {
    const abort = new AbortController()
    const query = initialQuery.current
    setLoad({ status: 'loading' })
    // The first load takes what the app asked for as it started; a reload asks afresh.
    const data =
      attempt === 0 ? takeBoardLoad(query, abort.signal) : loadBoardData(query, abort.signal)
    data
      .then(({ journey, board, members, calendar, cursor }) => {
        if (abort.signal.aborted) return
        const { columns: server, meta } = columnsOf(board)
        const { model, columns } = buildBoard(journey, [...server.values()].flat(), members)
        const store = new BoardStore(columns)
        for (const [stageId, m] of meta) store.setMeta(stageId, m)
        setLoad({ status: 'ready', model, store, calendar, cursor, query })
        setNow(new Date())
      })
      .catch((error: unknown) => {
        if (!abort.signal.aborted) setLoad({ status: 'error', error })
      })
    return () => abort.abort()
  }, [attempt])

  // Time in stage moves on while the board stays open.
  useEffect(() => {
    const timer = setInterval(() => setNow(new Date()), CLOCK_MS)
    return () => clearInterval(timer)
  }, [])

  // Far behind, or the journey or team changed under the board: load it afresh.
  const reload = useCallback(() => setAttempt((n) => n + 1), [])

  if (load.status === 'loading') return <LoadingState />
  if (load.status === 'error') {
    return <ErrorState error={load.error} onRetry={() => setAttempt((n) => n + 1)} />
  }
  return <LoadedBoard {...load} user={user} place={place} now={now} onReload={reload} />
}

interface LoadedProps extends Loaded {
  user: User
  place: Place
  now: Date
  onReload: () => void
}

function LoadedBoard(props: LoadedProps) {
  const { user, place, model, store, calendar, cursor, now, onReload } = props
  const i18n = useI18n()
  const filters = useMemo(() => readFilters(place.search), [place.search])
  useServerFilters(store, props.query, boardQuery(filters, user.memberId).toString())
  const openId = place.search.get('card')
  const [collapsed, toggle] = useCollapsedPhases()
  const [drag] = useState(() => new DragStore())
  const [presence] = useState(() => new PresenceStore(user.id))
  const [live, setLive] = useState<LiveBoard | null>(null)
  useEffect(() => {
    if (cursor === null) return
    const board = new LiveBoard({ store, drag, presence, cursor, reload: onReload })
    board.start()
    setLive(board)
    return () => board.stop()
  }, [store, drag, presence, cursor, onReload])
  const [columns] = useState(() => new Map<string, ColumnHandle>())
  const i18nRef = useRef(i18n)
  i18nRef.current = i18n
  const [landed, assignDialog] = useAssignAfterMove(user, model, store)
  const move = useUndoableMove(store, model, () => i18nRef.current, landed)
  const [quick, quickLayer] = useQuickLayer({ user, model, store, move, landed })

  const setFilters = useCallback(
    (next: Filters, replace = false) =>
      navigate(href(place.path, writeFilters(place.search, next)), replace),
    [place],
  )
  const openCard = useCallback(
    (clientId: string, intent?: CardIntent) => {
      const search = new URLSearchParams(place.search)
      search.set('card', clientId)
      if (intent) search.set('do', intent)
      else search.delete('do')
      navigate(href(place.path, search))
    },
    [place],
  )
  const closeCard = useCallback(() => {
    const search = new URLSearchParams(place.search)
    search.delete('card')
    search.delete('do')
    navigate(href(place.path, search))
  }, [place])
  const intent = place.search.get('do')
  const guidance = useBoardGuidance(user, model)

  const shows = useMemo(
    () => cardFilter(filters, { myMemberId: user.memberId, now, calendar }),
    [filters, user.memberId, now, calendar],
  )
  const context = useMemo<BoardContextValue>(
    () => ({
      store,
      drag,
      presence,
      stages: model.stages,
      roles: model.roles,
      members: model.members,
      shows,
      now,
      calendar,
      canMove: can(user.role, 'clients.write'),
      columns,
      openCard,
    }),
    [store, drag, presence, model, shows, now, calendar, user, columns, openCard],
  )

  // A link from an article (`stage`) narrows the focused phase to that one column.
  const phases = narrowToStage(
    filters.phase ? model.phases.filter((p) => p.phase.id === filters.phase) : model.phases,
    place.search.get('stage'),
    filters.phase,
  )
  const focus = useCallback(
    (phase: string | null) => setFilters({ ...filters, phase }),
    [filters, setFilters],
  )

  return (
    <BoardContext.Provider value={context}>
      <FilterBar
        filters={filters}
        onChange={setFilters}
        model={model}
        user={user}
        extra={
          <>
            <BoardExtras place={place} model={model} highlight={guidance.highlight} />
            {live && <LivePresence presence={presence} />}
            <BoardExport store={store} model={model} shows={shows} />
            {/* Those who assign create from the Team view, with the people chosen at once. */}
            {can(user.role, 'clients.write') && !can(user.role, 'clients.assign') && (
              <NewClientEntry store={store} onOpen={openCard} />
            )}
            <ArchivedButton model={model} store={store} canRestore={quick.canEdit} />
          </>
        }
      />
      {live && <LiveBanner live={live} />}
      <QuickContext.Provider value={quick}>
        <PhaseStrip
          phases={model.phases}
          collapsed={collapsed}
          focusedPhase={filters.phase}
          onToggle={toggle}
          onFocus={focus}
          myMemberId={user.memberId}
        />
        <BulkBar quick={quick} model={model} store={store} />
        <BoardGuidanceContext.Provider value={guidance.value}>
          <Board
            phases={phases.length > 0 ? phases : model.phases}
            collapsed={collapsed}
            focusedPhase={filters.phase}
            onToggle={toggle}
            onFocus={focus}
            onMove={move}
          />
        </BoardGuidanceContext.Provider>
        {openId && (
          <Suspense fallback={null}>
            <CardDrawer
              key={`${openId} ${intent ?? ''}`}
              clientId={openId}
              intent={isCardIntent(intent) ? intent : undefined}
              user={user}
              model={model}
              store={store}
              live={live}
              onClose={closeCard}
            />
          </Suspense>
        )}
        {assignDialog}
        {quickLayer}
      </QuickContext.Provider>
    </BoardContext.Provider>
  )
}

/**
 * Filters and search go to the server: when they change, the board's cards are loaded again
 * under them (the first page of every column, with counts), and columns page in under them.
 */
function useServerFilters(store: BoardStore, loadedWith: string, query: string) {
  const loaded = useRef(loadedWith)
  const [pager, setPager] = useState(() => new ColumnPager(store, new URLSearchParams(loadedWith)))
  useEffect(() => {
    store.more = (stageId) => pager.more(stageId)
    store.recount = () => pager.recount()
    return () => pager.stop()
  }, [store, pager])
  useEffect(() => {
    if (query === loaded.current) return
    const abort = new AbortController()
    getBoard(new URLSearchParams(query), undefined, abort.signal)
      .then((answer) => {
        loaded.current = query
        const { columns, meta } = columnsOf(answer)
        for (const [stageId, m] of meta) store.setMeta(stageId, m)
        store.set(columns)
        store.touch()
        setPager(new ColumnPager(store, new URLSearchParams(query)))
      })
      .catch(() => undefined)
    return () => abort.abort()
  }, [store, query])
}
