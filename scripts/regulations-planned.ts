/**
 * The template as migration 0016 (issue 18, written in parallel) plans to leave it: the three
 * condition stages become flags, their places go to the account plan, payment follow-up and
 * the annual review, and three growth stages get the names DOMAIN.md gives them. Used by
 * scripts/regulations-migration.ts only while the migrations it reads do not have those stages
 * yet; once 0016 is on main the real template wins and this overlay changes nothing.
 */
import type { KnowledgeStage } from './demo-knowledge'

const REMOVED = new Set(['issues-conflicts', 'receivables', 'churn-risk'])

const RENAMED: Record<string, KnowledgeStage['name']> = {
  'client-review': { ru: 'Встреча руководителя с клиентом', en: 'Head’s client review' },
  'upsell-proposal': { ru: 'Предложение о расширении', en: 'Expansion proposal' },
  referral: { ru: 'Запрос рекомендаций', en: 'Referral request' },
}

type NewStage = Omit<KnowledgeStage, 'phase'> & { after: string }

const ADDED: NewStage[] = [
  {
    id: 'account-plan',
    after: 'requests',
    name: { ru: 'План аккаунта', en: 'Account plan' },
    description: {
      ru: 'Раз в год для ключевого клиента составляем план аккаунта: цели клиента и наши, риски, кто с кем работает и что мы предложим. Этап завершён, когда план согласован с тимлидом и обсуждён с клиентом.',
      en: 'Once a year, write the plan of a key account: the client’s goals and ours, the risks, who works with whom and what we will offer. Done when the team lead has agreed the plan and it has been discussed with the client.',
    },
    roles: { owner: 'account_manager', communicator: 'account_manager', support: 'team_lead' },
    slaDays: 10,
    overduePolicy: 'flag',
  },
  {
    id: 'payment-follow-up',
    after: 'closing-documents',
    name: { ru: 'Контроль оплаты', en: 'Payment follow-up' },
    description: {
      ru: 'Каждый расчётный период проверяем, что счёт оплачен в срок; если нет — напоминаем клиенту и договариваемся о дате. Этап завершён, когда оплата за период получена.',
      en: 'Each billing cycle, check that the invoice is paid on time; if not, remind the client and agree a date. Done when the payment for the period has arrived.',
    },
    roles: { owner: 'finance', communicator: 'account_manager', support: 'team_lead' },
    slaDays: 5,
    overduePolicy: 'flag',
  },
  {
    id: 'annual-review',
    after: 'referral',
    name: { ru: 'Итоги года с клиентом', en: 'Annual review' },
    description: {
      ru: 'Раз в год подводим с клиентом итоги: результаты, что получилось и что нет, планы на следующий год. Этап завершён, когда встреча прошла и итоги отправлены клиенту письменно.',
      en: 'Once a year, go over the year with the client: the results, what worked and what did not, the plans for next year. Done when the meeting has taken place and the summary has been sent to the client in writing.',
    },
    roles: { owner: 'account_manager', communicator: 'account_manager', support: 'team_lead' },
    slaDays: 10,
    overduePolicy: 'flag',
  },
]

/** The annual review opens the renewal phase; the others join the phase of the stage before. */
const PHASE_OF_FIRST: Record<string, string> = { 'annual-review': 'renewal-planning' }

/**
 * The planned template in journey order, and the stages it drops (which still get their
 * regulation in case the migration that drops them has not run: each insert needs a live stage).
 */
export function plannedTemplate(current: readonly KnowledgeStage[]): {
  stages: KnowledgeStage[]
  dropped: KnowledgeStage[]
} {
  if (current.some((s) => s.id === 'account-plan')) return { stages: [...current], dropped: [] }
  const stages = current
    .filter((s) => !REMOVED.has(s.id))
    .map((s) => ({ ...s, name: RENAMED[s.id] ?? s.name }))
  for (const { after, ...stage } of ADDED) {
    const anchor = PHASE_OF_FIRST[stage.id] ?? after
    const phase = stages.find((s) => s.id === anchor)?.phase
    const at = stages.findIndex((s) => s.id === after)
    if (!phase || at === -1) throw new Error(`No stage ${anchor} in the template`)
    stages.splice(at + 1, 0, { ...stage, phase })
  }
  return { stages, dropped: current.filter((s) => REMOVED.has(s.id)) }
}
