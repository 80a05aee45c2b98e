/** Forms of one counted phrase, chosen with `Intl.PluralRules`; `{n}` is the formatted number. */
export type PluralForms = { other: string } & Partial<Record<Intl.LDMLPluralRule, string>>

/** Russian, the default language. Its keys define the dictionary every language must fill. */
export const ru = {
  'app.name': 'Journey Board',
  'app.loading': 'Загружаем доску…',
  'app.error.title': 'Не удалось загрузить доску',
  'app.error.network': 'Сервер недоступен. Проверьте соединение и попробуйте ещё раз.',
  'app.error.retry': 'Повторить',
  'app.summary': '{clients} · {stages}',
  'lang.label': 'Язык интерфейса',
  'lang.ru': 'RU',
  'lang.en': 'EN',
  'lang.ru.title': 'Русский',
  'lang.en.title': 'English',
  'board.label': 'Доска клиентского пути',
  'phase.count.title': 'Клиентов в фазе: {n}',
  'role.owner': 'Ответственный',
  'role.communicator': 'Коммуникатор',
  'role.support': 'Саппорт',
  'role.unknown': '—',
  'stage.count.title': 'Клиентов на этапе: {n}',
  'stage.wip.title': 'Клиентов на этапе: {n}, WIP-лимит: {limit}',
  'stage.wip.over': 'WIP-лимит превышен: {n} из {limit}',
  'stage.sla': 'SLA {n} р.д.',
  'stage.sla.title': 'SLA: {days} на этапе',
  'stage.empty': 'Нет клиентов',
  'tier.A': 'Tier A — ключевой клиент',
  'tier.B': 'Tier B',
  'tier.C': 'Tier C',
  'card.score': 'Скоринг: {n}',
  'card.score.none': 'Скоринг не проведён',
  'card.days.title': 'На этапе с {date}',
  'card.assignee': '{role}: {name}',
  'card.unassigned': 'не назначен',
  'count.clients': {
    one: '{n} клиент',
    few: '{n} клиента',
    many: '{n} клиентов',
    other: '{n} клиента',
  },
  'count.stages': { one: '{n} этап', few: '{n} этапа', many: '{n} этапов', other: '{n} этапа' },
  'count.days': { one: '{n} день', few: '{n} дня', many: '{n} дней', other: '{n} дня' },
  'count.days.short': { other: '{n} дн.' },
  'count.workingDays': {
    one: '{n} рабочий день',
    few: '{n} рабочих дня',
    many: '{n} рабочих дней',
    other: '{n} рабочего дня',
  },
} satisfies Record<string, string | PluralForms>

/** The shape every dictionary has: the same keys as Russian, a plain or a plural text each. */
export type Messages = {
  [K in keyof typeof ru]: (typeof ru)[K] extends string ? string : PluralForms
}
