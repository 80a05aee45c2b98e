import { cardsPerMember, memberNames, overdueByOwner, teams } from '../db/digest'
import { notifyStatement } from '../db/notifications'
import { enqueueStatement } from '../db/webhooks'
import { localDate } from '../domain/clock'
import type { Env } from '../env'
import { loadCalendar } from '../services/calendar'

/**
 * The morning digest for each lead: their team's overdue cards and how many cards each member
 * carries. One per lead per local day (dedupe key), however often the trigger fires.
 */
export async function dailyDigest(env: Env, now: number) {
  const db = env.DB
  const { value: calendar } = await loadCalendar(db)
  const day = localDate(now, calendar.timeZone)
  const [byLead, overdue, cards, names] = await Promise.all([
    teams(db),
    overdueByOwner(db),
    cardsPerMember(db),
    memberNames(db),
  ])
  const statements: D1PreparedStatement[] = []
  for (const [leadId, team] of byLead) {
    const members = new Set(team)
    const late = overdue.filter((c) => members.has(c.owner_id))
    const lines = late
      .slice(0, 10)
      .map(
        (c) =>
          `• ${c.company} — ${names.get(c.owner_id) ?? c.owner_id}${c.overdue_level === 2 ? ' (×2 SLA)' : ''}`,
      )
    const load = team
      .map((m) => ({ name: names.get(m) ?? m, cards: cards.get(m) ?? 0 }))
      .sort((a, b) => b.cards - a.cards)
    const title = {
      ru: `Сводка команды: просрочено ${late.length}`,
      en: `Team digest: ${late.length} overdue`,
    }
    const body = [...lines, '', ...load.map((l) => `${l.name}: ${l.cards}`)].join('\n')
    const key = `digest:${leadId}:${day}`
    statements.push(
      notifyStatement(
        db,
        {
          memberId: leadId,
          kind: 'digest',
          clientId: null,
          title: title.ru,
          body,
          data: { en: { title: title.en, body }, overdue: late.map((c) => c.id), load },
          dedupeKey: key,
        },
        now,
      ),
      enqueueStatement(
        db,
        'digest',
        key,
        { leadId, day, overdue: late, load, text: `${title.ru}\n${body}` },
        now,
      ),
    )
  }
  for (let i = 0; i < statements.length; i += 50) await db.batch(statements.slice(i, i + 50))
  return `digest: ${byLead.size} leads`
}
