import type { FlagKind } from '../schema/flags'
import { DEFAULT_CALENDAR, slaDeadlines } from '../shared/clock'
import { FLAG_DEFAULTS } from '../shared/flags'
import { quadrantOf } from '../shared/kam-quadrant'
import type { DemoClient } from './demo-data'
import { lit } from './sql-literal'

const DAY = 86_400_000

/** Ratings and reasons the demo's key accounts get, in turn (attractiveness, relationship). */
const RATINGS: readonly [number, string, number, string][] = [
  [5, 'Крупный бюджет, растущий рынок', 4, 'Регулярно говорим с директором'],
  [4, 'Планируют расширение на регионы', 2, 'Знаем только закупщика'],
  [2, 'Бюджет стабилен, роста не ждём', 4, 'Давние тёплые отношения'],
  [2, 'Небольшой объём работ', 2, 'Контакт только по счетам'],
]

/** The flags some demo cards carry, and how many days ago each was raised. */
const FLAGS: readonly { kind: FlagKind; daysAgo: number; note: string }[] = [
  { kind: 'incident', daysAgo: 0, note: 'Не проходят выгрузки в 1С' },
  { kind: 'receivables', daysAgo: 9, note: 'Счёт за октябрь не оплачен' },
  { kind: 'churn_risk', daysAgo: 1, note: 'Падает активность пользователей' },
]

/**
 * The client's record in the demo: KAM ratings for most key accounts (every fourth one is left
 * for its lead's list) and a few open flags, one of them past its SLA for the flag sweep to find.
 * Every insert is a no-op when its row exists, so seeding twice changes nothing.
 */
export function kamFlagsSql(clients: readonly DemoClient[], now: number): string[] {
  const lines: string[] = []
  const keys = clients.filter((c) => c.tier === 'A')
  keys.forEach((c, i) => {
    if (i % 4 === 3) return
    const [a, aNote, r, rNote] = RATINGS[i % RATINGS.length] ?? [3, '', 3, '']
    lines.push(
      'INSERT OR IGNORE INTO client_kam (client_id, attractiveness, attractiveness_note, ' +
        'relationship, relationship_note, quadrant, assessed_by, assessed_at) VALUES (' +
        [c.id, a, aNote, r, rNote, quadrantOf(a, r), null, now - DAY].map(lit).join(', ') +
        ');',
      `INSERT INTO client_events (client_id, kind, version, data, at) SELECT ${lit(c.id)}, ` +
        `'kam_assessed', version, ${lit(JSON.stringify({ attractiveness: a, relationship: r, quadrant: quadrantOf(a, r), previous: null }))}, ` +
        `${lit(now - DAY)} FROM clients WHERE id = ${lit(c.id)} AND NOT EXISTS (SELECT 1 FROM ` +
        `client_events WHERE client_id = ${lit(c.id)} AND kind = 'kam_assessed');`,
    )
  })
  const cared = clients.filter((c) => c.people.account_manager && c.tier !== 'C')
  FLAGS.forEach((f, i) => {
    const c = cared[i * 7]
    if (!c) return
    const slaDays = FLAG_DEFAULTS[f.kind].slaDays
    const raisedAt = now - f.daysAgo * DAY
    const { dueAt, due2At } = slaDeadlines(raisedAt, slaDays, DEFAULT_CALENDAR)
    const owner = c.people[FLAG_DEFAULTS[f.kind].roleId] ?? null
    const id = `demo-flag-${c.id}-${f.kind}`
    lines.push(
      'INSERT OR IGNORE INTO client_flags (id, client_id, kind, note, owner_id, sla_days, ' +
        'raised_at, due_at, due2_at, updated_at) VALUES (' +
        [id, c.id, f.kind, f.note, owner, slaDays, raisedAt, dueAt, due2At, raisedAt]
          .map(lit)
          .join(', ') +
        ');',
      `INSERT INTO client_events (client_id, kind, version, data, at) SELECT ${lit(c.id)}, ` +
        `'flag_raised', version, ${lit(JSON.stringify({ flagId: id, kind: f.kind, ownerId: owner, slaDays }))}, ` +
        `${lit(raisedAt)} FROM clients WHERE id = ${lit(c.id)} AND NOT EXISTS (SELECT 1 FROM ` +
        `client_events WHERE client_id = ${lit(c.id)} AND kind = 'flag_raised');`,
    )
  })
  return lines
}
