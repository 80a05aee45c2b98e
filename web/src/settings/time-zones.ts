/**
 * Time zones offered in the calendar's list: Russia west to east, its neighbours, and the
 * business capitals clients and partners often sit in. Any other IANA zone can be typed in.
 */
export const COMMON_ZONES: readonly string[] = [
  'Europe/Kaliningrad',
  'Europe/Moscow',
  'Europe/Samara',
  'Asia/Yekaterinburg',
  'Asia/Omsk',
  'Asia/Novosibirsk',
  'Asia/Krasnoyarsk',
  'Asia/Irkutsk',
  'Asia/Yakutsk',
  'Asia/Vladivostok',
  'Asia/Magadan',
  'Asia/Kamchatka',
  'Europe/Minsk',
  'Asia/Almaty',
  'Asia/Tashkent',
  'Asia/Tbilisi',
  'Asia/Yerevan',
  'Asia/Baku',
  'Europe/Istanbul',
  'Asia/Dubai',
  'Europe/London',
  'Europe/Berlin',
  'America/New_York',
  'Asia/Singapore',
  'UTC',
]

/** Whether the browser (and so the server's runtime) knows the zone. */
export function isTimeZone(zone: string): boolean {
  if (!zone.trim()) return false
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone })
    return true
  } catch {
    return false
  }
}

/** The wall-clock time in the zone at an instant, e.g. "17:32". */
export function zoneClock(zone: string, at: Date, locale: string): string {
  if (!isTimeZone(zone)) return ''
  return new Intl.DateTimeFormat(locale, {
    timeZone: zone,
    hour: '2-digit',
    minute: '2-digit',
  }).format(at)
}

/** The zone's offset from UTC at an instant, e.g. "UTC+3", "UTC+5:30", "UTC". */
export function zoneOffset(zone: string, at: Date): string {
  if (!isTimeZone(zone)) return ''
  const name = new Intl.DateTimeFormat('en', { timeZone: zone, timeZoneName: 'shortOffset' })
    .formatToParts(at)
    .find((part) => part.type === 'timeZoneName')?.value
  return (name ?? '').replace(/^GMT/, 'UTC')
}
