import { perHour } from '../margin'

/** What a book (one person's, or a team's) adds up to over a period; money in minor units. */
export interface KpiSums {
  /** Live clients, and of those the ones that came in the period. */
  clients: number
  gained: number
  /** Monthly revenue of the live clients. */
  revenue: number
  /** Σ monthly revenue × margin % × the client's active months of the period (÷100 = margin). */
  marginCents: number
  /** Minutes logged on the clients in the period. */
  minutes: number
  /** Σ monthly revenue × months from the start to today (or to the archiving), and over how many. */
  ltvTotal: number
  ltvClients: number
  /** NPS answers in the period: 9–10, 0–6, all. */
  promoters: number
  detractors: number
  answers: number
  renewed: number
  churned: number
  lost: number
}

export const NO_SUMS: KpiSums = {
  clients: 0,
  gained: 0,
  revenue: 0,
  marginCents: 0,
  minutes: 0,
  ltvTotal: 0,
  ltvClients: 0,
  promoters: 0,
  detractors: 0,
  answers: 0,
  renewed: 0,
  churned: 0,
  lost: 0,
}

/** Books added together (a team is the sum of its people's). */
export function addSums(books: readonly KpiSums[]): KpiSums {
  const out = { ...NO_SUMS }
  for (const b of books) for (const k of Object.keys(out) as (keyof KpiSums)[]) out[k] += b[k]
  return out
}

export interface Kpis {
  clients: number
  gained: number
  /** New clients over those held before them, in percent (null with none before). */
  growth: number | null
  revenue: number
  margin: number
  hours: number
  /** Margin per hour of work (minor units), null without logged time. */
  marginPerHour: number | null
  /** Mean lifetime revenue per client with revenue (minor units). */
  ltv: number | null
  /** Promoters minus detractors, in percent of the answers: −100 … 100. */
  nps: number | null
  answers: number
  renewed: number
  churned: number
  lost: number
  /** Churned over the clients held in the period (live + churned), in percent. */
  churnRate: number | null
}

const share = (part: number, whole: number) =>
  whole > 0 ? Math.round((part / whole) * 1000) / 10 : null

/** NPS from the answers' counts, rounded to a whole number. */
export function npsOf(promoters: number, detractors: number, answers: number): number | null {
  return answers > 0 ? Math.round(((promoters - detractors) / answers) * 100) : null
}

/** The KPIs a lead reads, from a book's sums. */
export function kpisOf(s: KpiSums): Kpis {
  const margin = Math.round(s.marginCents / 100)
  return {
    clients: s.clients,
    gained: s.gained,
    growth: share(s.gained, s.clients - s.gained),
    revenue: s.revenue,
    margin,
    hours: Math.round(s.minutes / 6) / 10,
    marginPerHour: perHour(BigInt(margin), s.minutes),
    ltv: s.ltvClients > 0 ? Math.round(s.ltvTotal / s.ltvClients) : null,
    nps: npsOf(s.promoters, s.detractors, s.answers),
    answers: s.answers,
    renewed: s.renewed,
    churned: s.churned,
    lost: s.lost,
    churnRate: share(s.churned, s.clients + s.churned),
  }
}

/** Minor units as whole major units (kopecks → roubles) for tables and charts. */
export const major = (minor: number | null) => (minor === null ? null : Math.round(minor / 100))
