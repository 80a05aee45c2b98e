/**
 * The demo knowledge base: a regulation for every stage (Russian and English, written from the
 * stage's roles, time limit, overdue policy and description), the hand-written articles, and an
 * onboarding track per role. Pure and deterministic: ids are fixed, `now` is passed in.
 */
import { FIXED_TEXTS } from './demo-knowledge-articles'
import { CHECKLISTS } from './demo-onboarding'

type Lang = 'ru' | 'en'
type Text = Record<Lang, string>

/** A stage as the regulations need it, in journey order. */
export interface KnowledgeStage {
  id: string
  name: Text
  phase: Text
  description: Text
  roles: { owner: string; communicator: string; support: string }
  slaDays: number
  overduePolicy: 'flag' | 'return'
}

export interface KnowledgeRole {
  id: string
  name: Text
}

export interface DemoArticle {
  id: string
  lang: Lang
  translationOf: string | null
  kind: 'instruction' | 'article'
  title: string
  body: string
  tags: string[]
  stageIds: string[]
  roleIds: string[]
  /** A demo user id (scripts/demo-users.ts). */
  authorId: string
  reviewedAt: number
}

export type DemoTrackItem =
  | { id: string; kind: 'article'; articleId: string }
  | { id: string; kind: 'checklist'; title: Text }

export interface DemoTrack {
  id: string
  roleId: string
  title: Text
  items: DemoTrackItem[]
}

const DAY = 86_400_000

/** Support's part, by the supporting role. */
const SUPPORT_DUTY: Record<string, Text> = {
  sales: {
    ru: 'Делится тем, что знает о клиенте со времён продажи, и помогает с коммерческими вопросами.',
    en: 'Shares what they learned about the client during the sale and helps with commercial questions.',
  },
  bizdev: {
    ru: 'Помогает оценить потенциал клиента и подсказывает, как выстроить сделку.',
    en: "Helps judge the client's potential and advises on shaping the deal.",
  },
  account_manager: {
    ru: 'Подключается, когда нужно знание о клиенте, и держит команду в курсе его ожиданий.',
    en: "Joins in when knowledge of the client is needed and keeps the team aware of the client's expectations.",
  },
  team_lead: {
    ru: 'Решает спорные вопросы, согласует исключения и следит, чтобы этап не застрял.',
    en: 'Settles disputes, approves exceptions and makes sure the stage does not stall.',
  },
  support: {
    ru: 'Отвечает на технические вопросы и помогает с настройкой.',
    en: 'Answers technical questions and helps with the setup.',
  },
  finance: {
    ru: 'Проверяет финансовые условия, документы и платежи.',
    en: 'Checks the financial terms, the documents and the payments.',
  },
  marketing: {
    ru: 'Готовит материалы и кейсы и отвечает за источник заявки.',
    en: 'Prepares materials and case studies and owns the lead source.',
  },
  product: {
    ru: 'Отвечает на сложные вопросы о продукте и собирает пожелания клиента.',
    en: "Answers the hard product questions and collects the client's requests.",
  },
}

const OWNER_DUTY: Text = {
  ru: 'Отвечает за результат этапа: следит за сроком, решает, что этап пройден, и переносит карточку дальше. Когда нужна помощь, подключает саппорт.',
  en: "Accountable for the stage's result: watches the time limit, decides when the stage is done and moves the card on. Brings in the support when help is needed.",
}
const COMMUNICATOR_DUTY: Text = {
  ru: 'Говорит с клиентом от лица компании на этом этапе: звонки, письма, встречи. После каждого контакта коротко записывает итог в карточку.',
  en: 'Speaks to the client for the company at this stage: calls, messages, meetings. Writes a short note on the card after every contact.',
}
const LABEL = {
  owner: { ru: 'Ответственный', en: 'Owner' },
  communicator: { ru: 'Коммуникатор', en: 'Communicator' },
  support: { ru: 'Саппорт', en: 'Support' },
}

function workingDays(n: number, lang: Lang): string {
  if (lang === 'en') return `${n} working day${n === 1 ? '' : 's'}`
  const tens = n % 100
  const ones = n % 10
  const word =
    tens >= 11 && tens <= 14
      ? 'рабочих дней'
      : ones === 1
        ? 'рабочий день'
        : ones >= 2 && ones <= 4
          ? 'рабочих дня'
          : 'рабочих дней'
  return `${n} ${word}`
}

const POLICY: Record<'flag' | 'return', Text> = {
  flag: {
    ru: 'Выходные и нерабочие часы не считаются. Когда срок вышел, карточка помечается просроченной, а ответственный и его руководитель получают уведомление; если она стоит вдвое дольше срока — ещё одно. Запишите в карточке причину задержки и следующий шаг.',
    en: 'Weekends and non-working hours do not count. When the time is up, the card is flagged overdue and its owner and the owner’s lead are notified; at twice the limit, once more. Note on the card why it is late and what the next step is.',
  },
  return: {
    ru: 'Выходные и нерабочие часы не считаются. Когда срок вышел, карточка сама возвращается на предыдущий этап, а ответственный и его руководитель получают уведомление: сделку придётся заново довести до этого этапа. Договоритесь с клиентом о следующем шаге до того, как срок выйдет.',
    en: 'Weekends and non-working hours do not count. When the time is up, the card goes back to the previous stage by itself and its owner and the owner’s lead are notified: the deal has to be brought here again. Agree the next step with the client before the time runs out.',
  },
}

/** "What happens here" and "done when", split where the template's descriptions split them. */
function splitDescription(text: string, lang: Lang): { what: string; done: string } {
  const marker = lang === 'ru' ? 'Этап завершён, когда' : 'Done when'
  const at = text.indexOf(marker)
  if (at === -1) return { what: text.trim(), done: '' }
  return { what: text.slice(0, at).trim(), done: text.slice(at).trim() }
}

/** The who-does-what list; a role holding two parts gets one line with both. */
function duties(stage: KnowledgeStage, roleName: (id: string) => Text, lang: Lang): string {
  const parts = (['owner', 'communicator', 'support'] as const).map((part) => ({
    roleId: stage.roles[part],
    label: LABEL[part][lang],
    duty:
      part === 'owner'
        ? OWNER_DUTY[lang]
        : part === 'communicator'
          ? COMMUNICATOR_DUTY[lang]
          : (SUPPORT_DUTY[stage.roles.support]?.[lang] ?? ''),
  }))
  const merged: typeof parts = []
  for (const p of parts) {
    const same = merged.find((m) => m.roleId === p.roleId)
    if (!same) merged.push({ ...p })
    else {
      same.label += lang === 'ru' ? ` и ${p.label.toLowerCase()}` : ` and ${p.label.toLowerCase()}`
      same.duty += ` ${p.duty}`
    }
  }
  return merged.map((m) => `- **${m.label} — ${roleName(m.roleId)[lang]}.** ${m.duty}`).join('\n')
}

function regulationBody(
  stage: KnowledgeStage,
  next: KnowledgeStage | undefined,
  roleName: (id: string) => Text,
  lang: Lang,
): string {
  const { what, done } = splitDescription(stage.description[lang], lang)
  const days = workingDays(stage.slaDays, lang)
  const ru = lang === 'ru'
  const move = next
    ? ru
      ? `Тогда ответственный переносит карточку на этап «${next.name.ru}».`
      : `The owner then moves the card to *${next.name.en}*.`
    : ru
      ? 'Это последний этап пути: карточка остаётся здесь, пока клиент не вернётся.'
      : 'This is the last stage of the journey: the card stays here until the client comes back.'
  return [
    what,
    ru
      ? `Фаза «${stage.phase.ru}». Срок этапа — ${days}.`
      : `Phase: ${stage.phase.en}. Time limit: ${days}.`,
    ru ? '## Кто что делает' : '## Who does what',
    duties(stage, roleName, lang),
    ru ? '## Когда этап завершён' : '## When the stage is done',
    [done, move].filter(Boolean).join(' '),
    ru ? '## Если срок вышел' : '## When time runs out',
    POLICY[stage.overduePolicy][lang],
  ]
    .filter((block) => block !== '')
    .join('\n\n')
}

/** The regulation of every stage, Russian first and English as its translation. */
function regulations(
  stages: readonly KnowledgeStage[],
  roles: readonly KnowledgeRole[],
  now: number,
) {
  const byId = new Map(roles.map((r) => [r.id, r.name]))
  const roleName = (id: string): Text => byId.get(id) ?? { ru: id, en: id }
  return stages.flatMap((stage, i): DemoArticle[] => {
    const next = stages[i + 1]
    const roleIds = [...new Set(Object.values(stage.roles))].sort()
    const common = {
      kind: 'instruction' as const,
      stageIds: [stage.id],
      roleIds,
      authorId: 'u-demo-admin',
      reviewedAt: now,
    }
    const ru = `kb-stage-${stage.id}-ru`
    return [
      {
        ...common,
        id: ru,
        lang: 'ru',
        translationOf: null,
        title: `Регламент: ${stage.name.ru}`,
        body: regulationBody(stage, next, roleName, 'ru'),
        tags: ['регламент', stage.phase.ru.toLowerCase()],
      },
      {
        ...common,
        id: `kb-stage-${stage.id}-en`,
        lang: 'en',
        translationOf: ru,
        title: `Regulation: ${stage.name.en}`,
        body: regulationBody(stage, next, roleName, 'en'),
        tags: ['regulation', stage.phase.en.toLowerCase()],
      },
    ]
  })
}

/** The hand-written articles; the overdue rules were last reviewed over a year ago (demo). */
function fixedArticles(stageIds: ReadonlySet<string>, now: number): DemoArticle[] {
  return FIXED_TEXTS.flatMap((t): DemoArticle[] => {
    const stale = t.key === 'kb-overdue'
    const common = {
      kind: t.kind,
      stageIds: t.stageIds.filter((id) => stageIds.has(id)),
      roleIds: t.roleIds,
      authorId: stale ? 'u-demo-lead' : 'u-demo-admin',
      reviewedAt: stale ? now - 400 * DAY : now,
    }
    return (['ru', 'en'] as const).map((lang) => ({
      ...common,
      id: `${t.key}-${lang}`,
      lang,
      translationOf: lang === 'en' ? `${t.key}-ru` : null,
      title: t.title[lang],
      body: t.body[lang],
      tags: t.tags[lang],
    }))
  })
}

/** Articles a role reads in its first week, beyond the common two. */
const ROLE_READING: Record<string, string[]> = {
  sales: ['kb-handoff'],
  account_manager: ['kb-handoff', 'kb-feedback'],
  team_lead: ['kb-grades', 'kb-handoff'],
}
/** How many stage regulations go into a role's track: the stages it owns first. */
const STAGE_REGULATIONS = 4

function tracks(stages: readonly KnowledgeStage[], roles: readonly KnowledgeRole[]): DemoTrack[] {
  return roles.map((role) => {
    const reading = ['kb-journey', 'kb-overdue', ...(ROLE_READING[role.id] ?? [])].map(
      (key) => `${key}-ru`,
    )
    // Owner before communicator before support; journey order within each (the sort is stable).
    const part = (s: KnowledgeStage) =>
      [s.roles.owner, s.roles.communicator, s.roles.support].indexOf(role.id)
    const regulations = stages
      .filter((s) => part(s) !== -1)
      .sort((a, b) => part(a) - part(b))
      .slice(0, STAGE_REGULATIONS)
      .map((s) => `kb-stage-${s.id}-ru`)
    const articles = [...reading, ...regulations]
    const checklist = CHECKLISTS[role.id] ?? []
    const id = `ob-${role.id}`
    return {
      id,
      roleId: role.id,
      title: { ru: `Первая неделя: ${role.name.ru}`, en: `First week: ${role.name.en}` },
      items: [
        ...articles.map((articleId, i) => ({
          id: `${id}-a${i + 1}`,
          kind: 'article' as const,
          articleId,
        })),
        ...checklist.map((title, i) => ({
          id: `${id}-c${i + 1}`,
          kind: 'checklist' as const,
          title,
        })),
      ],
    }
  })
}

/**
 * The demo knowledge base for a journey template: `stages` in journey order, `roles` in their
 * order; `now` is the review date of everything except the deliberately overdue article.
 */
export function demoKnowledge(
  stages: readonly KnowledgeStage[],
  roles: readonly KnowledgeRole[],
  now: number,
): { articles: DemoArticle[]; tracks: DemoTrack[] } {
  return {
    articles: [
      ...fixedArticles(new Set(stages.map((s) => s.id)), now),
      ...regulations(stages, roles, now),
    ],
    tracks: tracks(stages, roles),
  }
}
