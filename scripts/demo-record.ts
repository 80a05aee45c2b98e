import type { DemoClient } from './demo-data'
import { lit } from './sql-literal'

const DAY = 24 * 3_600_000

/** A calendar day (YYYY-MM-DD) `days` from `now`, in UTC. */
const dayOf = (now: number, days: number) => new Date(now + days * DAY).toISOString().slice(0, 10)

const CONTACTS = [
  ['Ольга Кузнецова', 'Финансовый директор', '+79161234501', 'finance', true],
  ['Сергей Павлов', 'Руководитель отдела продаж', '+79261234502', 'sales', false],
  ['Марина Белова', 'Менеджер проекта', '+79031234503', 'pm', false],
] as const

const JOURNAL = [
  {
    kind: 'call',
    body: 'Созвон по итогам месяца: клиент доволен скоростью ответов, просит **отчёт по воронке** раз в неделю.',
    outcome: 'Договорились о еженедельном отчёте',
    nextStep: 'Отправить шаблон еженедельного отчёта',
    next: 3,
  },
  {
    kind: 'meeting',
    body: 'Встреча с финансовым директором: обсудили продление и бюджет на следующий год.',
    outcome: 'Бюджет согласуют до конца квартала',
    nextStep: '',
    next: null,
  },
  {
    kind: 'email',
    body: 'Отправили письменный запрос обратной связи (NPS) — по регламенту письмом, не звонком.',
    outcome: '',
    nextStep: 'Проверить ответ на запрос NPS',
    next: 7,
  },
] as const

/**
 * The demo clients' record: contacts, a few journal entries (the next contact dates give their
 * account manager tasks, as the API would), money and hours, an NPS answer. Only clients that
 * have an account manager; ids derive from the client's, and every insert is a no-op when its
 * row exists, so seeding twice changes nothing.
 */
export function recordSeedSql(clients: readonly DemoClient[], now: number): string[] {
  const lines: string[] = []
  const picked = clients.filter((c) => c.people.account_manager).slice(0, 14)
  picked.forEach((c, i) => {
    const am = c.people.account_manager ?? ''
    const id = (what: string) => lit(`${c.id}-${what}`)
    const live = `EXISTS (SELECT 1 FROM clients WHERE id = ${lit(c.id)})`
    CONTACTS.slice(0, 1 + (i % 3)).forEach(([name, position, phone, mail, decides], k) => {
      const email = `${mail}@${c.id}.example.ru`
      lines.push(
        'INSERT INTO client_contacts (id, client_id, name, position, phone, email, messenger, ' +
          `decision_maker, notes, created_at, updated_at) SELECT ${id(`ct${k}`)}, ${lit(c.id)}, ` +
          `${lit(name)}, ${lit(position)}, ${lit(phone)}, ${lit(email)}, '', ${lit(decides)}, '', ` +
          `${lit(c.createdAt)}, ${lit(c.createdAt)} WHERE ${live} ON CONFLICT DO NOTHING;`,
      )
    })
    const tierRevenue = c.tier === 'A' ? 450_000_00 : c.tier === 'B' ? 180_000_00 : 60_000_00
    const revenue = tierRevenue + (i % 5) * 15_000_00
    const margin = 25 + (i % 4) * 5
    const source = ['source-inbound', 'source-referral', 'source-event', 'source-partner'][i % 4]
    lines.push(
      'INSERT INTO client_profiles (client_id, source_id, currency, contract_value, ' +
        'monthly_revenue, margin_percent, start_date, renewal_date, updated_at) SELECT ' +
        `${lit(c.id)}, ${lit(source ?? null)}, 'RUB', ${lit(revenue * 12)}, ${lit(revenue)}, ` +
        `${lit(margin)}, ${lit(dayOf(c.createdAt, 0))}, ${lit(dayOf(c.createdAt, 365))}, ` +
        `${lit(now)} WHERE ${live} ON CONFLICT DO NOTHING;`,
    )
    JOURNAL.slice(0, 1 + (i % 3)).forEach((e, k) => {
      const at = now - (k * 9 + 2 + (i % 4)) * DAY
      const next = e.next === null ? null : dayOf(now, e.next + (i % 5))
      lines.push(
        'INSERT INTO journal_entries (id, client_id, kind, body, outcome, next_step, ' +
          'next_contact_on, contact_id, author_id, author_member_id, created_at, updated_at) ' +
          `SELECT ${id(`j${k}`)}, ${lit(c.id)}, ${lit(e.kind)}, ${lit(e.body)}, ${lit(e.outcome)}, ` +
          `${lit(e.nextStep)}, ${lit(next)}, ${id('ct0')}, NULL, ${lit(am)}, ${lit(at)}, ${lit(at)} ` +
          `WHERE ${live} ON CONFLICT DO NOTHING;`,
        'INSERT INTO client_events (client_id, kind, actor_id, version, data, at) SELECT ' +
          `id, 'journal_added', NULL, version, ${lit(JSON.stringify({ entryId: `${c.id}-j${k}`, journalKind: e.kind }))}, ` +
          `${lit(at)} FROM clients WHERE id = ${lit(c.id)} AND NOT EXISTS (SELECT 1 FROM ` +
          `client_events WHERE client_id = ${lit(c.id)} AND kind = 'journal_added' AND ` +
          `json_extract(data, '$.entryId') = ${id(`j${k}`)});`,
      )
      if (next) {
        lines.push(
          'INSERT INTO tasks (id, dedupe_key, client_id, title, assignee_member_id, due_date, ' +
            `created_by_kind, created_by, created_at, updated_at) SELECT ${id(`t${k}`)}, ` +
            `${lit(`journal:${c.id}-j${k}`)}, ${lit(c.id)}, ${lit(e.nextStep)}, ${lit(am)}, ` +
            `${lit(next)}, 'person', NULL, ${lit(at)}, ${lit(at)} WHERE ${live} ` +
            'ON CONFLICT DO NOTHING;',
        )
      }
    })
    for (let k = 0; k < 4; k += 1) {
      const minutes = 30 + ((i * 7 + k * 13) % 6) * 30
      lines.push(
        'INSERT INTO time_entries (id, client_id, member_id, minutes, spent_on, note, created_at) ' +
          `SELECT ${id(`tm${k}`)}, ${lit(c.id)}, ${lit(am)}, ${lit(minutes)}, ` +
          `${lit(dayOf(now, -(k * 6 + (i % 5))))}, ${lit(['Созвон', 'Отчёт клиенту', 'Настройка', 'Письма'][k] ?? '')}, ` +
          `${lit(now)} WHERE ${live} AND EXISTS (SELECT 1 FROM members WHERE id = ${lit(am)}) ` +
          'ON CONFLICT DO NOTHING;',
      )
    }
    if (i % 2 === 0) {
      lines.push(
        'INSERT INTO nps_answers (id, client_id, contact_id, score, comment, answered_on, created_at) ' +
          `SELECT ${id('nps0')}, ${lit(c.id)}, ${id('ct0')}, ${lit(6 + (i % 5))}, ` +
          `${lit('Быстро отвечают, хотелось бы больше аналитики')}, ${lit(dayOf(now, -12))}, ` +
          `${lit(now)} WHERE EXISTS (SELECT 1 FROM client_contacts WHERE id = ${id('ct0')}) ` +
          'ON CONFLICT DO NOTHING;',
      )
    }
  })
  return lines
}
