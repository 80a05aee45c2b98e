import { LoadSettings } from '../../schema/load'
import { unknownPhases } from '../db/load'
import { settingFrom, settingQuery } from '../db/settings'
import { AppError } from '../errors'
import { localDate } from '../../shared/clock'
import { DEFAULT_LOAD_SETTINGS } from '../domain/load'
import { loadCalendar } from './calendar'
import { saveSetting } from './settings'

export const LOAD_KEY = 'load'

/**
 * The stored document over the defaults, record by record: a document saved before a setting
 * existed still reads complete. One that no longer validates falls back to the defaults.
 */
export function withDefaults(stored: Partial<LoadSettings>): LoadSettings {
  const d = DEFAULT_LOAD_SETTINGS
  const merged = {
    ...d,
    ...stored,
    capacity: { ...d.capacity, ...stored.capacity },
    tierWeight: { ...d.tierWeight, ...stored.tierWeight },
    roleWeight: { ...d.roleWeight, ...stored.roleWeight },
    // Phases are open-ended: a saved map replaces the defaults (a phase left out counts 1).
    phaseEffort: stored.phaseEffort ?? d.phaseEffort,
    minGrade: { ...d.minGrade, ...stored.minGrade },
  }
  const parsed = LoadSettings.safeParse(merged)
  return parsed.success ? parsed.data : d
}

/** The read of the load settings, to batch with other reads (`loadSettingsFrom` its result). */
export const loadSettingsQuery = (db: D1Database) => settingQuery(db, LOAD_KEY)

/** The load settings in a result of `loadSettingsQuery`, with their version. */
export function loadSettingsFrom(result: D1Result | undefined) {
  const { value, version } = settingFrom<Partial<LoadSettings>>(result, {})
  return { value: withDefaults(value), version }
}

/** The load settings with their version (0: never saved, the defaults apply). */
export async function loadLoadSettings(db: D1Database) {
  return loadSettingsFrom(await loadSettingsQuery(db).all())
}

/** Settings and the local date (the organisation calendar's zone) for absences. */
export async function loadContext(db: D1Database, now: number) {
  const [settings, calendar] = await Promise.all([loadLoadSettings(db), loadCalendar(db)])
  return { settings: settings.value, today: localDate(now, calendar.value.timeZone) }
}

/** Saves the weights over `version` (409 when stale); 422 naming each phase that does not exist. */
export async function saveLoadSettings(db: D1Database, load: LoadSettings, version: number) {
  const unknown = await unknownPhases(db, Object.keys(load.phaseEffort))
  if (unknown.length > 0) {
    const fields = Object.fromEntries(
      unknown.map((id) => [`load.phaseEffort.${id}`, [`No phase ${JSON.stringify(id)}`]]),
    )
    throw new AppError(422, 'invalid', `Unknown phase(s): ${unknown.join(', ')}`, {}, fields)
  }
  const setting = {
    key: LOAD_KEY,
    field: 'load',
    what: 'The load settings were',
    load: () => loadLoadSettings(db),
  }
  await saveSetting(db, setting, load, version, Date.now())
}
