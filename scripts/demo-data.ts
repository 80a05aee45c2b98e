/**
 * The demo organisation: an account-management department of ~20 people and ~150 B2B clients
 * spread over the journey. Pure and deterministic: no I/O, no clock (`now`, in epoch ms, is
 * passed in), randomness from a fixed-seed PRNG, so the same `now` always gives the same data.
 */

import { DEFAULT_LOAD_SETTINGS, roleWeight } from '../worker/domain/load'
import { roleParts, type RoleParts, type RolePart } from '../worker/domain/people'

export type Grade = 'intern' | 'junior' | 'middle' | 'senior' | 'lead'
export type Tier = 'A' | 'B' | 'C'

export interface DemoMember {
  id: string
  name: string
  email: string
  grade: Grade
  roleIds: string[]
  managerId: string | null
  capacityOverride: number | null
  active: boolean
}

export interface DemoStageRoles {
  owner: string
  communicator: string
  support: string
}

/** A stage as the generator needs it, in journey order (phase position, then stage position). */
export interface DemoStage {
  id: string
  slaDays: number
  roles: DemoStageRoles
  /** Under `return` the sweep sends a late card back a stage: no card waits late there. */
  overduePolicy?: 'flag' | 'return'
  /** The stage's phase: people are spread by what a client weighs in its phase. */
  phaseId?: string
}

export interface DemoClient {
  id: string
  /** The contact person. */
  name: string
  company: string
  tier: Tier
  score: number | null
  stageId: string
  enteredStageAt: number
  createdAt: number
  /** The client's person per journey role (role id → member id). */
  people: Record<string, string>
}

const HOUR = 3_600_000
const DAY = 24 * HOUR
const SEED = 0x4a42_2026

/** mulberry32: a tiny 32-bit PRNG, plenty for demo data. Returns floats in [0, 1). */
function mulberry32(seed: number): () => number {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296
  }
}

type Rng = () => number

const intBetween = (rng: Rng, lo: number, hi: number) => lo + Math.floor(rng() * (hi - lo + 1))

function pick<T>(rng: Rng, items: readonly T[]): T {
  const item = items[Math.floor(rng() * items.length)]
  if (item === undefined) throw new Error('pick from an empty list')
  return item
}

/** Fisher–Yates on a copy. */
function shuffled<T>(rng: Rng, items: readonly T[]): T[] {
  const out = [...items]
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(rng() * (i + 1))
    const a = out[i] as T
    out[i] = out[j] as T
    out[j] = a
  }
  return out
}

const floorToMinute = (ms: number) => Math.floor(ms / 60_000) * 60_000

// ---------------------------------------------------------------------------------------------
// Members

const TRANSLIT = new Map(
  (
    'а:a б:b в:v г:g д:d е:e ё:e ж:zh з:z и:i й:y к:k л:l м:m н:n о:o п:p р:r с:s т:t у:u ' +
    'ф:f х:kh ц:ts ч:ch ш:sh щ:shch ъ: ы:y ь: э:e ю:yu я:ya'
  )
    .split(' ')
    .map((pair) => pair.split(':') as [string, string]),
)

/** Russian → Latin for e-mail addresses ("Артём Семёнов" → "artem.semenov"). */
function transliterate(text: string): string {
  return [...text.toLowerCase()].map((ch) => TRANSLIT.get(ch) ?? ch).join('')
}

interface MemberSeed {
  name: string
  grade: Grade
  managerId: string | null
  roleIds: string[]
  capacityOverride: number | null
  active: boolean
}

const member = (
  name: string,
  grade: Grade,
  managerId: string | null,
  roles: string,
  extra: { capacityOverride?: number; active?: boolean } = {},
): MemberSeed => ({
  name,
  grade,
  managerId,
  roleIds: roles.split(' '),
  capacityOverride: extra.capacityOverride ?? null,
  active: extra.active ?? true,
})

/**
 * The department: a head (account director, m-01) with two group heads under her; each lead
 * keeps to the 5–7 span of control. The head also leads the shared specialists (product,
 * finance, support, marketing) directly. Ids follow the order: m-01, m-02, …
 */
const MEMBERS: readonly MemberSeed[] = [
  // Leads. The head manages more and serves fewer clients herself.
  member('Ирина Соколова', 'lead', null, 'team_lead account_manager', { capacityOverride: 3 }),
  member('Дмитрий Волков', 'lead', 'm-01', 'team_lead account_manager'),
  member('Ольга Морозова', 'lead', 'm-01', 'team_lead sales bizdev'),
  // Seniors
  member('Анна Смирнова', 'senior', 'm-02', 'account_manager'),
  member('Алексей Кузнецов', 'senior', 'm-02', 'account_manager product'),
  member('Мария Лебедева', 'senior', 'm-03', 'bizdev sales'),
  member('Сергей Новиков', 'senior', 'm-01', 'product'),
  member('Елена Козлова', 'senior', 'm-01', 'finance', { capacityOverride: 12 }),
  // Middles
  member('Павел Попов', 'middle', 'm-02', 'account_manager'),
  member('Наталья Васильева', 'middle', 'm-02', 'account_manager marketing'),
  member('Игорь Петров', 'middle', 'm-03', 'sales'),
  member('Татьяна Фёдорова', 'middle', 'm-01', 'support'),
  member('Андрей Михайлов', 'middle', 'm-02', 'account_manager support'),
  // Juniors
  member('Екатерина Никитина', 'junior', 'm-02', 'account_manager', { capacityOverride: 6 }),
  member('Максим Орлов', 'junior', 'm-03', 'sales bizdev'),
  member('Юлия Андреева', 'junior', 'm-01', 'finance marketing'),
  member('Артём Захаров', 'junior', 'm-02', 'account_manager'),
  // Interns
  member('Дарья Павлова', 'intern', 'm-03', 'sales marketing'),
  member('Кирилл Семёнов', 'intern', 'm-01', 'support', { active: false }),
  member('Полина Егорова', 'intern', 'm-03', 'marketing sales'),
  // Grown since: a second sales group under the head of sales, and a second account group
  // under the head, so ~150 clients sit at 50–95 % of capacity for most people.
  member('Виктор Белов', 'lead', 'm-03', 'team_lead sales'),
  member('Светлана Королёва', 'senior', 'm-21', 'sales bizdev'),
  member('Денис Гусев', 'middle', 'm-21', 'sales bizdev'),
  member('Олег Титов', 'middle', 'm-21', 'sales'),
  member('Ксения Виноградова', 'lead', 'm-01', 'team_lead account_manager'),
  member('Роман Ершов', 'senior', 'm-25', 'account_manager'),
  member('Вера Медведева', 'senior', 'm-25', 'account_manager'),
  member('Григорий Зайцев', 'middle', 'm-25', 'account_manager support'),
  member('Алина Кравцова', 'middle', 'm-21', 'sales'),
  member('Никита Соловьёв', 'junior', 'm-21', 'sales bizdev'),
]

const memberId = (index: number) => `m-${String(index + 1).padStart(2, '0')}`

export function demoMembers(): DemoMember[] {
  return MEMBERS.map((m, i) => ({
    id: memberId(i),
    name: m.name,
    email: `${transliterate(m.name).replace(' ', '.')}@demo.local`,
    grade: m.grade,
    roleIds: [...m.roleIds],
    managerId: m.managerId,
    capacityOverride: m.capacityOverride,
    active: m.active,
  }))
}

// ---------------------------------------------------------------------------------------------
// Clients

/** Relative number of cards per stage: busy funnel entry and account care, thin late stages. */
const STAGE_WEIGHT: Record<string, number> = {
  'inbound-lead': 7,
  qualification: 6,
  'initial-scoring': 5,
  'first-call': 6,
  'follow-up-materials': 5,
  'needs-discovery': 5,
  'platform-demo': 6,
  proposal: 5,
  'terms-negotiation': 4,
  pilot: 3,
  decision: 3,
  'contract-draft': 3,
  'contract-signed': 2,
  'invoice-issued': 2,
  'payment-received': 3,
  handoff: 2,
  'account-manager-assigned': 2,
  kickoff: 3,
  'onboarding-plan': 3,
  'setup-integrations': 5,
  'product-training': 3,
  'first-value': 3,
  'onboarding-sign-off': 2,
  'regular-check-in': 9,
  'client-report': 5,
  requests: 6,
  'issues-conflicts': 3,
  'closing-documents': 3,
  receivables: 3,
  'feedback-nps': 3,
  'custdev-interview': 2,
  'client-review': 2,
  'upsell-proposal': 2,
  'joint-case-study': 1,
  referral: 1,
  'renewal-planning': 3,
  'renewal-negotiation': 2,
  'renewal-signed': 1,
  'churn-risk': 2,
  'churned-win-back': 1,
}
const DEFAULT_STAGE_WEIGHT = 2
const CLIENT_COUNT = 150
/** Share of clients clearly past their stage's SLA. */
const OVERDUE_SHARE = 0.2
/** The first stages come before the initial scoring: those clients have no score yet. */
const UNSCORED_STAGES = 2

/** Splits `total` over the weights (largest remainder), at least one per stage. */
function allocate(weights: readonly number[], total: number): number[] {
  const sum = weights.reduce((a, b) => a + b, 0)
  const exact = weights.map((w) => (w * total) / sum)
  const counts = exact.map((x) => Math.max(1, Math.floor(x)))
  let left = total - counts.reduce((a, b) => a + b, 0)
  const byRemainder = exact
    .map((x, i) => ({ i, rem: x - Math.floor(x) }))
    .sort((a, b) => b.rem - a.rem || a.i - b.i)
  for (let k = 0; left > 0; k = (k + 1) % byRemainder.length, left--) {
    const i = (byRemainder[k] as { i: number }).i
    counts[i] = (counts[i] ?? 0) + 1
  }
  return counts
}

const COMPANY_FORMS = ['ООО', 'ООО', 'ООО', 'ООО', 'ООО', 'АО', 'АО', 'ГК', 'ПАО', 'ТД', 'НПО']

const COMPOUND_ROOTS = [
  'Техно',
  'Агро',
  'Строй',
  'Энерго',
  'Медиа',
  'Инфо',
  'Транс',
  'Фарм',
  'Гео',
  'Нефте',
  'Тепло',
  'Электро',
  'Эко',
  'Мега',
  'Сиб',
  'Урал',
  'Волго',
  'Пром',
  'Авто',
  'Торг',
]
const COMPOUND_SUFFIXES = [
  'снаб',
  'сервис',
  'лайн',
  'пром',
  'групп',
  'софт',
  'торг',
  'систем',
  'маркет',
  'логистик',
  'проект',
  'комплект',
  'трейд',
  'ресурс',
]
const BRAND_PREFIXES = [
  'Альфа',
  'Вектор',
  'Гранит',
  'Дельта',
  'Меридиан',
  'Орион',
  'Сигма',
  'Атлант',
  'Квант',
  'Северо',
]
const BRAND_SUFFIXES = [
  'Логистик',
  'Консалт',
  'Инвест',
  'Трейд',
  'Сервис',
  'Девелопмент',
  'Системс',
  'Ритейл',
  'Медиа',
  'Строй',
]
const PHRASE_NAMES = [
  'Северный ветер',
  'Белый парус',
  'Зелёная долина',
  'Новый горизонт',
  'Тихая гавань',
  'Золотой колос',
  'Синяя птица',
  'Верный курс',
  'Южный порт',
  'Восточный экспресс',
  'Первая линия',
  'Горный ручей',
  'Морской бриз',
  'Полярная звезда',
  'Серебряный ключ',
  'Ясное небо',
  'Зимний сад',
  'Сибирский кедр',
  'Уральские самоцветы',
  'Тёплый дом',
  'Новая волна',
  'Старый мост',
  'Три кита',
  'Семь ветров',
  'Быстрый ответ',
  'Красная горка',
  'Волжские просторы',
  'Честный знак',
  'Крепкий фундамент',
  'Светлый город',
]

/** Every distinct brand the word lists can make (≈ 420), in a fixed order. */
function brandPool(): string[] {
  const pool: string[] = []
  for (const root of COMPOUND_ROOTS) {
    for (const suffix of COMPOUND_SUFFIXES) {
      if (root.toLowerCase() !== suffix) pool.push(root + suffix)
    }
  }
  for (const prefix of BRAND_PREFIXES) {
    for (const suffix of BRAND_SUFFIXES) pool.push(`${prefix}-${suffix}`)
  }
  pool.push(...PHRASE_NAMES)
  return [...new Set(pool)]
}

const MALE_FIRST = [
  'Александр',
  'Алексей',
  'Андрей',
  'Антон',
  'Артём',
  'Борис',
  'Вадим',
  'Виктор',
  'Владимир',
  'Геннадий',
  'Денис',
  'Евгений',
  'Егор',
  'Иван',
  'Илья',
  'Константин',
  'Михаил',
  'Никита',
  'Олег',
  'Роман',
  'Руслан',
  'Станислав',
  'Тимур',
  'Фёдор',
  'Юрий',
]
const FEMALE_FIRST = [
  'Алина',
  'Алёна',
  'Анастасия',
  'Валерия',
  'Вера',
  'Виктория',
  'Галина',
  'Дарья',
  'Евгения',
  'Елизавета',
  'Жанна',
  'Зоя',
  'Инна',
  'Карина',
  'Кристина',
  'Ксения',
  'Людмила',
  'Марина',
  'Надежда',
  'Оксана',
  'Светлана',
  'София',
  'Ульяна',
  'Яна',
]
/** Masculine forms; the feminine adds «а». */
const SURNAMES = [
  'Алексеев',
  'Баранов',
  'Белов',
  'Беляев',
  'Богданов',
  'Виноградов',
  'Воробьёв',
  'Гаврилов',
  'Герасимов',
  'Голубев',
  'Горбунов',
  'Григорьев',
  'Гусев',
  'Давыдов',
  'Денисов',
  'Ершов',
  'Жуков',
  'Зайцев',
  'Зуев',
  'Калинин',
  'Киселёв',
  'Ковалёв',
  'Комаров',
  'Крылов',
  'Кудрявцев',
  'Куликов',
  'Лазарев',
  'Макаров',
  'Медведев',
  'Мельников',
  'Миронов',
  'Никифоров',
  'Овчинников',
  'Пономарёв',
  'Романов',
  'Рябов',
  'Сафронов',
  'Сидоров',
  'Соболев',
  'Тарасов',
  'Тихонов',
  'Титов',
  'Филиппов',
  'Фролов',
  'Чернов',
  'Шестаков',
  'Широков',
  'Щербаков',
  'Яковлев',
  'Ильин',
]

function contactName(rng: Rng): string {
  const female = rng() < 0.5
  const first = pick(rng, female ? FEMALE_FIRST : MALE_FIRST)
  const last = pick(rng, SURNAMES)
  return `${first} ${female ? `${last}а` : last}`
}

const GRADE_RANK: Record<Grade, number> = { intern: 0, junior: 1, middle: 2, senior: 3, lead: 4 }
const GRADE_CAPACITY: Record<Grade, number> = {
  intern: 4,
  junior: 8,
  middle: 12,
  senior: 16,
  lead: 6,
}
/** Tier A (key) needs senior+, B middle+, C junior+; interns only as support. */
const TIER_MIN_RANK: Record<Tier, number> = { A: 3, B: 2, C: 1 }
/** How often a card goes to anyone eligible rather than the least loaded. */
const UNEVEN_SHARE = 0.12

/**
 * As in any department, some people get asked first and some get passed over: each number
 * scales the capacity the demo's spreading sees (the load model's capacity is untouched), so a
 * few people end up overloaded beside a same-grade peer with room, for rebalancing to suggest.
 */
const PULL: Record<string, number> = { 'm-09': 0.72, 'm-05': 0.8, 'm-13': 1.7, 'm-24': 0.75 }

type Slot = keyof DemoStageRoles

/** Picks people for the cards, spreading load over capacity and respecting grade rules. */
class Assigner {
  private readonly load = new Map<string, number>()

  constructor(
    private readonly members: readonly DemoMember[],
    private readonly rng: Rng,
  ) {}

  /**
   * The least loaded eligible person after taking `weight` (the load model's weight of the
   * role on this client), but now and then anyone eligible: a real department is not perfectly
   * balanced, so the Team view and the rebalancing have something to show.
   */
  pick(
    roleId: string,
    slot: Slot,
    tier: Tier,
    exclude: string | null,
    weight: number,
  ): string | null {
    const withRole = this.members.filter(
      (m) => m.active && m.roleIds.includes(roleId) && m.id !== exclude,
    )
    const rank = (m: DemoMember) => GRADE_RANK[m.grade]
    const tiers: DemoMember[][] =
      slot === 'support'
        ? [withRole]
        : [
            withRole.filter((m) => rank(m) >= TIER_MIN_RANK[tier]),
            withRole.filter((m) => rank(m) > 0),
            withRole,
          ]
    const candidates = tiers.find((list) => list.length > 0)
    if (!candidates) return null
    let best: DemoMember | null = null
    let bestRatio = Infinity
    for (const m of shuffled(this.rng, candidates)) {
      const capacity = (m.capacityOverride ?? GRADE_CAPACITY[m.grade]) * (PULL[m.id] ?? 1)
      const ratio = ((this.load.get(m.id) ?? 0) + weight) / Math.max(capacity, 1)
      if (ratio < bestRatio) {
        best = m
        bestRatio = ratio
      }
    }
    if (this.rng() < UNEVEN_SHARE) best = pick(this.rng, candidates)
    if (!best) return null
    this.load.set(best.id, (this.load.get(best.id) ?? 0) + weight)
    return best.id
  }
}

const RANK: Record<Slot, number> = { owner: 3, communicator: 2, support: 1 }

/**
 * A client's people, as a department would have them: its sales rep from the first day, its
 * account manager once the account manager has had a part in its journey (from the invoice on),
 * and whoever the current stage asks for — owner and communicator always, support mostly. A
 * fresh card at Account manager assigned often still waits for its account manager, so the
 * demo shows unstaffed cards for a lead to fill.
 */
function peopleFor(
  stagesSoFar: readonly DemoStage[],
  tier: Tier,
  assigner: Assigner,
  rng: Rng,
  parts: RoleParts,
): Record<string, string> {
  const current = stagesSoFar.at(-1)
  if (!current) return {}
  const wanted = new Map<string, Slot>([['sales', 'owner']])
  const amActed = stagesSoFar.some((s) => Object.values(s.roles).includes('account_manager'))
  if (amActed) wanted.set('account_manager', 'owner')
  for (const slot of ['owner', 'communicator', 'support'] as const) {
    const role = current.roles[slot]
    const known = wanted.get(role)
    if (!known || RANK[slot] > RANK[known]) wanted.set(role, slot)
  }
  const people: Record<string, string> = {}
  for (const [role, part] of wanted) {
    const isCurrentSupport = part === 'support' && current.roles.support === role
    if (isCurrentSupport && rng() < 0.15) continue
    if (current.id === 'account-manager-assigned' && role === 'account_manager' && rng() < 0.5) {
      continue
    }
    const phaseId = current.phaseId ?? ''
    const client = { tier, phaseId, parts: parts.get(phaseId) ?? new Map<string, RolePart>() }
    // Stages without a phase (older callers) weigh by tier alone.
    const weight = current.phaseId ? roleWeight(client, role, DEFAULT_LOAD_SETTINGS) : 1
    const id = assigner.pick(role, part, tier, null, weight)
    if (id) people[role] = id
  }
  return people
}

export function demoClients(
  now: number,
  stages: readonly DemoStage[],
  members: readonly DemoMember[],
): DemoClient[] {
  if (stages.length === 0) return []
  const rng = mulberry32(SEED)

  const counts = allocate(
    stages.map((s) => STAGE_WEIGHT[s.id] ?? DEFAULT_STAGE_WEIGHT),
    CLIENT_COUNT,
  )
  const slots = shuffled(
    rng,
    counts.flatMap((count, stageIndex) => Array.from({ length: count }, () => stageIndex)),
  )
  const n = slots.length

  const nA = Math.round(n * 0.15)
  const nB = Math.round(n * 0.35)
  const tiers = shuffled(
    rng,
    Array.from({ length: n }, (_, i): Tier => (i < nA ? 'A' : i < nA + nB ? 'B' : 'C')),
  )
  const overdue = new Set(
    shuffled(
      rng,
      Array.from({ length: n }, (_, i) => i),
    ).slice(0, Math.round(n * OVERDUE_SHARE)),
  )
  const brands = shuffled(rng, brandPool())

  const assigner = new Assigner(members, rng)
  const parts = roleParts(
    stages.flatMap((st) => (st.phaseId ? [{ phaseId: st.phaseId, roles: st.roles }] : [])),
  )
  const contacts = new Set<string>()
  const clients: DemoClient[] = []

  for (let i = 0; i < n; i++) {
    const stageIndex = slots[i] as number
    const stage = stages[stageIndex] as DemoStage
    const tier = tiers[i] as Tier

    let name = contactName(rng)
    for (let tries = 0; contacts.has(name) && tries < 20; tries++) name = contactName(rng)
    contacts.add(name)
    const brand = brands[i % brands.length] as string
    const company = `${pick(rng, COMPANY_FORMS)} «${brand}»`

    const score =
      stageIndex < UNSCORED_STAGES
        ? null
        : tier === 'A'
          ? intBetween(rng, 75, 100)
          : tier === 'B'
            ? intBetween(rng, 50, 79)
            : intBetween(rng, 12, 59)

    // On time: within the SLA even counted in calendar days. Overdue: clearly past it,
    // more than slaDays * 2 + 2 calendar days whatever the weekends.
    const sla = Math.max(1, stage.slaDays)
    const late = overdue.has(i) && stage.overduePolicy !== 'return'
    const age = late
      ? (sla * 2 + 2) * DAY + 6 * HOUR + rng() * 3 * DAY
      : 3 * HOUR + rng() * Math.max(sla * DAY * 0.9 - 3 * HOUR, HOUR)
    const enteredStageAt = floorToMinute(now - age)
    const journeyBefore = stageIndex * (1 + rng() * 2) * DAY + rng() * 2 * DAY + HOUR
    const createdAt = floorToMinute(enteredStageAt - journeyBefore)

    const people = peopleFor(stages.slice(0, stageIndex + 1), tier, assigner, rng, parts)

    clients.push({
      id: `c-${String(i + 1).padStart(3, '0')}`,
      name,
      company,
      tier,
      score,
      stageId: stage.id,
      enteredStageAt,
      createdAt,
      people,
    })
  }
  return clients
}
