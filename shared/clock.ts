/**
 * The organisation's working time: weekends, holidays and nights do not count towards a
 * card's time in stage. Pure functions; instants are epoch milliseconds, and the calendar's
 * local times are read in its IANA time zone (daylight saving included).
 */
export interface Calendar {
  timeZone: string
  /** ISO weekdays that are working days: 1 = Monday … 7 = Sunday. */
  workingDays: number[]
  /** Local start and end of the working day, "HH:MM". */
  workStart: string
  workEnd: string
  /** Local dates off work, "YYYY-MM-DD". */
  holidays: string[]
}

export const DEFAULT_CALENDAR: Calendar = {
  timeZone: 'Europe/Moscow',
  workingDays: [1, 2, 3, 4, 5],
  workStart: '09:00',
  workEnd: '18:00',
  holidays: [],
}

const DAY_MS = 86_400_000
/** No SLA is searched further than this: a calendar without working days never ends. */
const MAX_DAYS = 3_660

/** How the wall clock is read: every calendar field, numeric, on a 24-hour clock (en-US). */
export const WALL_CLOCK_FORMAT: Intl.DateTimeFormatOptions = {
  hourCycle: 'h23',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
}

// Formatters are costly to build and hold no data of ours: one per time zone is reused.
const formatters = new Map<string, Intl.DateTimeFormat>()
function formatter(timeZone: string) {
  let f = formatters.get(timeZone)
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', { ...WALL_CLOCK_FORMAT, timeZone })
    formatters.set(timeZone, f)
  }
  return f
}

// "MM/DD/YYYY, HH:MM:SS" as the formatter above writes it (en-US, h23).
const WALL_TEXT = /^(\d{2})\/(\d{2})\/(\d+), (\d{2}):(\d{2}):(\d{2})$/

/** The local calendar fields of an instant in a zone. */
function wallFields(instant: number, timeZone: string): Record<string, number> {
  const f = formatter(timeZone)
  // format() and a pattern cost a third of formatToParts(), and a move or a sweep asks for
  // hundreds of these; formatToParts() stays for what the pattern does not read (eras).
  const m = WALL_TEXT.exec(f.format(new Date(instant)))
  if (m) {
    const [, month, day, year, hour, minute, second] = m.map(Number)
    return { year, month, day, hour, minute, second } as Record<string, number>
  }
  const parts: Record<string, number> = {}
  for (const p of f.formatToParts(new Date(instant))) {
    if (p.type !== 'literal') parts[p.type] = Number(p.value)
  }
  return parts
}

/** The local wall-clock time of an instant, as if it were UTC (for date arithmetic). */
function wallClock(instant: number, timeZone: string): number {
  const {
    year = 0,
    month = 1,
    day = 1,
    hour = 0,
    minute = 0,
    second = 0,
  } = wallFields(instant, timeZone)
  return Date.UTC(year, month - 1, day, hour, minute, second, instant % 1000)
}

/** The instant at which the zone's clocks show `wall` (wall time written as a UTC instant). */
function fromWallClock(wall: number, timeZone: string): number {
  const guess = wall - (wallClock(wall, timeZone) - wall)
  // Across a daylight-saving change the offset at the guess may differ: correct once.
  return wall - (wallClock(guess, timeZone) - guess)
}

const minutesOf = (hhmm: string) => {
  const [h = 0, m = 0] = hhmm.split(':').map(Number)
  return h * 60 + m
}

/** Local date "YYYY-MM-DD" of an instant in the calendar's zone. */
export function localDate(instant: number, timeZone: string): string {
  return new Date(wallClock(instant, timeZone)).toISOString().slice(0, 10)
}

/**
 * A date no time zone's local date comes before at `instant`: the UTC date's eve. Zones sit
 * within a day of UTC (UTC−12 to UTC+14), so a read can filter by it before the zone is known.
 */
export function earliestLocalDate(instant: number): string {
  return new Date(instant - DAY_MS).toISOString().slice(0, 10)
}

/** The instant of local midnight starting the day "YYYY-MM-DD" in the calendar's zone. */
export function localMidnight(date: string, timeZone: string): number {
  return fromWallClock(Date.parse(`${date}T00:00:00Z`), timeZone)
}

const WEEK_MS = 7 * DAY_MS

/**
 * `fromWallClock` for a walk over consecutive days (deadlines, time in stage), where reading the
 * clock (an Intl format, four a working day) is most of the cost. A zone's offset changes only
 * at its shifts (daylight saving, a new standard time), never twice within a week: the walk
 * reads the offset at both ends of each week of wall time, and inside a week where the two agree
 * takes it for every instant; a week with a shift in it is read exactly, instant by instant.
 */
export function zoneWalk(timeZone: string): (wall: number) => number {
  const offsetAt = (wall: number, likely?: number) => {
    // Most weeks end on the offset they began with: one reading confirms it, where finding an
    // offset from scratch takes two.
    if (likely !== undefined && wallClock(wall - likely, timeZone) === wall) return likely
    return wall - fromWallClock(wall, timeZone)
  }
  let week = Number.NaN
  let atEnd = 0
  let offset: number | null = null
  return (wall) => {
    const start = wall - (((wall % WEEK_MS) + WEEK_MS) % WEEK_MS)
    if (start !== week) {
      // The next week starts where the last one ended: its first offset is already read.
      const atStart = start === week + WEEK_MS ? atEnd : offsetAt(start)
      week = start
      atEnd = offsetAt(start + WEEK_MS, atStart)
      offset = atStart === atEnd ? atStart : null
    }
    return offset === null ? fromWallClock(wall, timeZone) : wall - offset
  }
}

/**
 * The working interval of each local day, by the day's wall-clock midnight (null: no work that
 * day). The calendar's rules are read once, so a walk over hundreds of days pays per day only
 * for its two instants. `instantOf` turns wall times into instants (a walk passes its `zoneWalk`).
 */
export function dayWindows(
  cal: Calendar,
  instantOf: (wall: number) => number = (wall) => fromWallClock(wall, cal.timeZone),
): (dayWall: number) => [number, number] | null {
  // Indexed by JS weekday (0 = Sunday); the calendar names ISO weekdays (7 = Sunday).
  const works = [7, 1, 2, 3, 4, 5, 6].map((isoDay) => cal.workingDays.includes(isoDay))
  const holidays = new Set(cal.holidays)
  const startMs = minutesOf(cal.workStart) * 60_000
  const endMs = minutesOf(cal.workEnd) * 60_000
  return (dayWall) => {
    const date = new Date(dayWall)
    if (!works[date.getUTCDay()]) return null
    if (holidays.size > 0 && holidays.has(date.toISOString().slice(0, 10))) return null
    const start = instantOf(dayWall + startMs)
    const end = instantOf(dayWall + endMs)
    return end > start ? [start, end] : null
  }
}

/** Wall-clock midnight of the local day containing `instant`. */
export const dayOf = (instant: number, timeZone: string) => {
  const wall = wallClock(instant, timeZone)
  return wall - (((wall % DAY_MS) + DAY_MS) % DAY_MS)
}

/** Length of one working day, for turning SLA days into working time. */
export function workdayMs(cal: Calendar): number {
  return Math.max(0, minutesOf(cal.workEnd) - minutesOf(cal.workStart)) * 60_000
}

/** Working time between two instants (0 if `to` is not after `from`). */
export function workingMsBetween(from: number, to: number, cal: Calendar): number {
  if (to <= from) return 0
  const instantOf = zoneWalk(cal.timeZone)
  const windowOf = dayWindows(cal, instantOf)
  let total = 0
  for (let day = dayOf(from, cal.timeZone), i = 0; i < MAX_DAYS; day += DAY_MS, i += 1) {
    const window = windowOf(day)
    if (window) {
      if (window[0] >= to) break
      total += Math.max(0, Math.min(window[1], to) - Math.max(window[0], from))
    } else if (instantOf(day) >= to) {
      break
    }
  }
  return total
}

/**
 * The instants when each of `amounts` of working time has passed since `from` (null: never, no
 * workdays), in one walk over the days: the SLA's two deadlines share the days up to the first.
 */
function addWorkingMsEach(from: number, amounts: readonly number[], cal: Calendar) {
  const found: (number | null)[] = amounts.map(() => null)
  const windowOf = dayWindows(cal, zoneWalk(cal.timeZone))
  let open = amounts.length
  let used = 0
  for (
    let day = dayOf(from, cal.timeZone), i = 0;
    i < MAX_DAYS && open > 0;
    day += DAY_MS, i += 1
  ) {
    const window = windowOf(day)
    if (!window || window[1] <= from) continue
    const start = Math.max(window[0], from)
    for (let k = 0; k < amounts.length; k += 1) {
      const at = start + ((amounts[k] ?? 0) - used)
      if (found[k] === null && at <= window[1]) {
        found[k] = at
        open -= 1
      }
    }
    used += window[1] - start
  }
  return found
}

/** The instant when `ms` of working time has passed since `from`; null if never (no workdays). */
export function addWorkingMs(from: number, ms: number, cal: Calendar): number | null {
  return addWorkingMsEach(from, [ms], cal)[0] ?? null
}

/** When a card that entered at `enteredAt` passes `slaDays` working days (and twice that). */
export function slaDeadlines(enteredAt: number, slaDays: number, cal: Calendar) {
  const sla = slaDays * workdayMs(cal)
  const [dueAt = null, due2At = null] = addWorkingMsEach(enteredAt, [sla, 2 * sla], cal)
  return { dueAt, due2At }
}

/** Time in stage in working days (fractional), as the board shows it. */
export function workingDaysBetween(from: number, to: number, cal: Calendar): number {
  const day = workdayMs(cal)
  return day === 0 ? 0 : workingMsBetween(from, to, cal) / day
}

/** How far the zone's clocks are ahead of UTC at an instant, in milliseconds. */
export const zoneOffsetMs = (instant: number, timeZone: string): number =>
  wallClock(instant, timeZone) - instant
