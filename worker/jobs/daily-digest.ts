import { cardsPerMember, memberNames, overdueByOwner, teams } from '../db/digest'
import { notifyStatement } from '../db/notifications'
import { enqueueStatement } from '../db/webhooks'
import { localDate } from '../../shared/clock'
import { moverLine, topMovers } from '../domain/reports/movers'
import type { Env } from '../env'
import { loadCalendar } from '../services/calendar'
import { lateLines, lateOnboarding, type LateOnboarding } from '../services/onboarding-overdue'

const ONBOARDING_HEAD = { ru: 'Онбординг, просроченные шаги:', en: 'Onboarding, steps past due:' }

/** The section on newcomers' late onboarding steps, or nothing when there are none. */
const onboardingSection = (late: LateOnboarding[], lang: 'ru' | 'en') =>
  late.length ? ['', ONBOARDING_HEAD[lang], ...lateLines(late, lang)] : []
import { weeklyNumbers } from '../services/weekly-movers'

/**
 * The morning digest for each lead: their team's overdue cards, how many cards each member
 * carries and their newcomers' late onboarding steps; each mentor hears of their newcomers'
 * late steps too. One per person per local day (dedupe key), however often the trigger fires.
 */
export async function dailyDigest(env: Env, now: number) {
  const db = env.DB
  const { value: calendar } = await loadCalendar(db)
  const day = localDate(now, calendar.timeZone)
  const [byLead, overdue, cards, names, lateSteps] = await Promise.all([
    teams(db),
    overdueByOwner(db),
    cardsPerMember(db),
    memberNames(db),
    lateOnboarding(db, calendar, now),
  ])
  const statements: D1PreparedStatement[] = []
  // Monday's digest adds the lead's week: the five numbers that moved most.
  const monday = new Date(Date.parse(day)).getUTCDay() === 1
  const numbers = weeklyNumbers(db)
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
    const summary = [...lines, '', ...load.map((l) => `${l.name}: ${l.cards}`)]
    const newcomers = lateSteps.filter((n) => members.has(n.memberId))
    const moved = monday ? topMovers(await numbers([leadId, ...team], day, now)) : []
    const week = (lang: 'ru' | 'en', heading: string) =>
      moved.length > 0 ? ['', heading, ...moved.map((n) => `• ${moverLine(n, lang)}`)] : []
    const body = [
      ...summary,
      ...onboardingSection(newcomers, 'ru'),
      ...week('ru', 'Сильнее всего за неделю:'),
    ].join('\n')
    const bodyEn = [
      ...summary,
      ...onboardingSection(newcomers, 'en'),
      ...week('en', 'Moved most this week:'),
    ].join('\n')
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
          data: {
            en: { title: title.en, body: bodyEn },
            overdue: late.map((c) => c.id),
            load,
            lateOnboarding: newcomers.map((n) => n.memberId),
            moved,
          },
          dedupeKey: key,
        },
        now,
      ),
      enqueueStatement(
        db,
        'digest',
        key,
        { leadId, day, overdue: late, load, moved, text: `${title.ru}\n${body}` },
        now,
      ),
    )
  }
  statements.push(...mentorNotices(db, lateSteps, day, now))
  for (let i = 0; i < statements.length; i += 50) await db.batch(statements.slice(i, i + 50))
  return `digest: ${byLead.size} leads, ${lateSteps.length} newcomers behind on onboarding`
}

/** One notice per mentor per day naming their newcomers' late onboarding steps. */
function mentorNotices(db: D1Database, late: LateOnboarding[], day: string, now: number) {
  const byMentor = new Map<string, LateOnboarding[]>()
  for (const n of late) byMentor.set(n.mentorId, [...(byMentor.get(n.mentorId) ?? []), n])
  return [...byMentor].map(([mentorId, newcomers]) => {
    const title = {
      ru: `Онбординг: просрочены шаги у новичков (${newcomers.length})`,
      en: `Onboarding: newcomers behind on steps (${newcomers.length})`,
    }
    return notifyStatement(
      db,
      {
        memberId: mentorId,
        kind: 'onboarding_overdue',
        clientId: null,
        title: title.ru,
        body: lateLines(newcomers, 'ru').join('\n'),
        data: {
          en: { title: title.en, body: lateLines(newcomers, 'en').join('\n') },
          newcomers: newcomers.map((n) => n.memberId),
        },
        dedupeKey: `onboarding-late:${mentorId}:${day}`,
      },
      now,
    )
  })
}
