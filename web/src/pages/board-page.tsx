import { lazy, Suspense } from 'preact/compat'
import { useCallback, useEffect, useMemo, useRef, useState } from 'preact/hooks'
import { can, type User } from '../api/auth'
import { getCalendar } from '../api/calendar'
import { listClients } from '../api/clients'
import { getJourney } from '../api/journey'
import { listMembers } from '../api/members'
import { useAssignAfterMove } from '../assign/assign-after-move'
import { Board } from '../board/board'
import { BoardContext, type BoardContextValue, type ColumnHandle } from '../board/board-context'
import { buildBoard, type BoardModel } from '../board/board-model'
import { BoardStore } from '../board/board-store'
import { DragStore } from '../board/drag-store'
import { cardFilter, readFilters, writeFilters, type Filters } from '../board/filters'
import { createMover } from '../board/mover'
import { FilterBar } from '../components/filter-bar'
import { ErrorState, LoadingState } from '../components/status-panel'
import { useI18n } from '../i18n'
import { BoardExtras } from '../knowledge/board-extras'
import { NewClientEntry } from './new-client-entry'
import { narrowToStage } from '../knowledge/stage-focus'
import { href, navigate, withParam, type Place } from '../nav'
import { BoardGuidanceContext, useBoardGuidance } from '../onboarding/board-guidance'
import { DEFAULT_CALENDAR, type Calendar } from '../../../worker/domain/clock'
import { useCollapsedPhases } from './collapsed-phases'

// The drawer is not needed to draw the board: it loads on the first card opened.
const CardDrawer = lazy(() => import('../drawer/card-drawer'))

type Load =
  | { status: 'loading' }
  | { status: 'error'; error: unknown }
  | { status: 'ready'; model: BoardModel; store: BoardStore; calendar: Calendar }

const CLOCK_MS = 5 * 60_000

/** The board screen: loads the journey, members and cards, then keeps them in a store. */
export function BoardPage({ user, place }: { user: User; place: Place }) {
  const [load, setLoad] = useState<Load>({ status: 'loading' })
  const [attempt, setAttempt] = useState(0)
  const [now, setNow] = useState(() => new Date())

  useEffect(() => {
    const abort = new AbortController()
    setLoad({ status: 'loading' })
    // Without the calendar the board still works: the server's deadlines decide overdue.
    const calendarLoad = getCalendar(abort.signal).then(
      (setting) => setting.calendar,
      () => DEFAULT_CALENDAR,
    )
    Promise.all([
      getJourney(abort.signal),
      listClients(abort.signal),
      listMembers(abort.signal),
      calendarLoad,
    ])
      .then(([journey, clients, members, calendar]) => {
        const { model, columns } = buildBoard(journey, clients, members)
        setLoad({ status: 'ready', model, store: new BoardStore(columns), calendar })
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

  if (load.status === 'loading') return <LoadingState />
  if (load.status === 'error') {
    return <ErrorState error={load.error} onRetry={() => setAttempt((n) => n + 1)} />
  }
  return (
    <LoadedBoard
      user={user}
      place={place}
      model={load.model}
      store={load.store}
      calendar={load.calendar}
      now={now}
    />
  )
}

interface LoadedProps {
  user: User
  place: Place
  model: BoardModel
  store: BoardStore
  calendar: Calendar
  now: Date
}

function LoadedBoard({ user, place, model, store, calendar, now }: LoadedProps) {
  const i18n = useI18n()
  const filters = useMemo(() => readFilters(place.search), [place.search])
  const openId = place.search.get('card')
  const [collapsed, toggle] = useCollapsedPhases()
  const [drag] = useState(() => new DragStore())
  const [columns] = useState(() => new Map<string, ColumnHandle>())
  const i18nRef = useRef(i18n)
  i18nRef.current = i18n
  const [landed, assignDialog] = useAssignAfterMove(user, model, store)
  const move = useMemo(
    () => createMover(store, model, () => i18nRef.current, landed),
    [store, model, landed],
  )

  const setFilters = useCallback(
    (next: Filters, replace = false) =>
      navigate(href(place.path, writeFilters(place.search, next)), replace),
    [place],
  )
  const openCard = useCallback(
    (clientId: string) => navigate(withParam(place, 'card', clientId)),
    [place],
  )
  const closeCard = useCallback(() => navigate(withParam(place, 'card', null)), [place])
  const guidance = useBoardGuidance(user, model)

  const shows = useMemo(
    () => cardFilter(filters, { myMemberId: user.memberId, now, calendar }),
    [filters, user.memberId, now, calendar],
  )
  const context = useMemo<BoardContextValue>(
    () => ({
      store,
      drag,
      stages: model.stages,
      roles: model.roles,
      members: model.members,
      shows,
      now,
      calendar,
      canMove: can.move(user),
      columns,
      openCard,
    }),
    [store, drag, model, shows, now, calendar, user, columns, openCard],
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
            {user.role === 'member' && <NewClientEntry store={store} onOpen={openCard} />}
          </>
        }
      />
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
            clientId={openId}
            user={user}
            model={model}
            store={store}
            onClose={closeCard}
          />
        </Suspense>
      )}
      {assignDialog}
    </BoardContext.Provider>
  )
}
