/**
 * Column headings of the report tables in both languages: the page shows the tables the API
 * sends and the CSV export is the same table, so the worker labels them.
 */
const LABELS = {
  date: ['Дата', 'Date'],
  phase: ['Фаза', 'Phase'],
  stage: ['Этап', 'Stage'],
  visits: ['Визиты', 'Visits'],
  p50: ['Медиана, раб. ч', 'Median, work h'],
  p85: ['p85, раб. ч', 'p85, work h'],
  max: ['Максимум, раб. ч', 'Max, work h'],
  sla: ['SLA, раб. ч', 'SLA, work h'],
  withinShare: ['В срок, %', 'Within SLA, %'],
  within: ['В срок', 'Within SLA'],
  returns: ['Возвраты', 'Returns'],
  client: ['Клиент', 'Client'],
  hours: ['Раб. часы', 'Work hours'],
  status: ['Статус', 'Status'],
  open: ['ещё на этапе', 'still there'],
  done: ['завершён', 'finished'],
  dimension: ['Разрез', 'By'],
  name: ['Название', 'Name'],
  byStage: ['этап', 'stage'],
  byRole: ['роль', 'role'],
  byMember: ['сотрудник', 'member'],
  byGrade: ['грейд', 'grade'],
  nobody: ['никто', 'nobody'],
  step: ['Шаг', 'Step'],
  count: ['Карточек', 'Cards'],
  dropOff: ['Отвал, %', 'Drop-off, %'],
  acquisition: ['Привлечение', 'Acquisition'],
  sale: ['Продажа', 'Sale'],
  contract: ['Договор', 'Contract'],
  paid: ['Оплачено', 'Paid'],
  onboarded: ['Онбординг завершён', 'Onboarded'],
  renewed: ['Продлено', 'Renewed'],
  manager: ['Аккаунт-менеджер', 'Account manager'],
  grade: ['Грейд', 'Grade'],
  lead: ['Руководитель', 'Lead'],
  team: ['Команда', 'Team'],
  people: ['Людей', 'People'],
  clients: ['Клиентов', 'Clients'],
  gained: ['Новых за период', 'New in period'],
  growth: ['Рост, %', 'Growth, %'],
  load: ['Нагрузка', 'Load'],
  capacity: ['Ёмкость', 'Capacity'],
  loadShare: ['Загрузка, %', 'Load, %'],
  span: ['Подчинённых', 'Direct reports'],
  weekEnding: ['Неделя до', 'Week ending'],
  arrivals: ['Приход в день (90 дн.)', 'Arrivals a day (90 d)'],
  daysInPhase: ['Дней в фазе', 'Days in phase'],
  cardsNow: ['Карточек сейчас', 'Cards now'],
  settles: ['Придёт к (закон Литтла)', 'Settles at (Little’s law)'],
  revenue: ['Выручка в месяц', 'Revenue a month'],
  margin: ['Маржа за период', 'Margin in period'],
  hoursLogged: ['Часов работы', 'Hours worked'],
  marginPerHour: ['Маржа на час', 'Margin per hour'],
  ltv: ['LTV', 'LTV'],
  nps: ['NPS', 'NPS'],
  npsAnswers: ['Ответов NPS', 'NPS answers'],
  churned: ['Ушли (отток)', 'Churned'],
  churnRate: ['Отток, %', 'Churn, %'],
} as const satisfies Record<string, readonly [string, string]>

export type LabelKey = keyof typeof LABELS
export type Lang = 'ru' | 'en'

/** A heading in the language asked for. */
export const label = (key: LabelKey, lang: Lang) => LABELS[key][lang === 'ru' ? 0 : 1]

/** Headings for a row of keys. */
export const labels = (keys: readonly LabelKey[], lang: Lang) => keys.map((k) => label(k, lang))

/** Hours with one decimal, from milliseconds. */
export const hours = (ms: number | null) => (ms === null ? null : Math.round(ms / 360_000) / 10)

/** A share as a whole percentage, or null without a base. */
export const pct = (part: number, whole: number) =>
  whole > 0 ? Math.round((part / whole) * 1000) / 10 : null

/** A fraction as a percentage with one decimal (0.773 → 77.3). */
export const asPercent = (x: number | null) => (x === null ? null : Math.round(x * 1000) / 10)
