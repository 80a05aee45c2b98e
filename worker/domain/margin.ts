/** A client's money as the margin report needs it (minor units, whole percent). */
export interface MarginClient {
  clientId: string
  name: string
  accountManagerId: string | null
  currency: string
  monthlyRevenue: number | null
  marginPercent: number | null
  /** YYYY-MM-DD; months before the start earn nothing. */
  startDate: string | null
}

export interface MarginTotals {
  currency: string
  margin: number
  minutes: number
  marginPerHour: number | null
}

/** Months from `from` to `to` inclusive (YYYY-MM), in order. */
export function monthsBetween(from: string, to: string): string[] {
  const out: string[] = []
  let [y, m] = from.split('-').map(Number) as [number, number]
  for (let key = from; key <= to;) {
    out.push(key)
    m += 1
    if (m > 12) [y, m] = [y + 1, 1]
    key = `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}`
  }
  return out
}

/** Margin per hour of work in minor units, rounded half up; null without logged time. */
export function perHour(margin: bigint, minutes: number): number | null {
  if (minutes <= 0) return null
  const scaled = margin * 60n * 2n + BigInt(minutes)
  const divisor = BigInt(minutes) * 2n
  // Floor division for negatives too, so -0.5 rounds to 0 like 0.5 rounds to 1.
  const q = scaled / divisor - (scaled % divisor < 0n ? 1n : 0n)
  return Number(q)
}

/**
 * Margin earned over the months (monthly revenue × margin % per month the client was active)
 * and margin per hour of the time logged in those months. BigInt inside: revenue up to 10^12
 * kopecks × 100 % × 120 months × 60 minutes nears 2^53.
 */
export function clientMargin(
  c: MarginClient,
  months: readonly string[],
  minutes: number,
): MarginTotals & { marginExact: bigint } {
  const started = c.startDate?.slice(0, 7) ?? ''
  const active = months.filter((m) => m >= started).length
  const marginExact =
    c.monthlyRevenue === null || c.marginPercent === null
      ? 0n
      : (BigInt(c.monthlyRevenue) * BigInt(c.marginPercent) * BigInt(active)) / 100n
  return {
    currency: c.currency,
    margin: Number(marginExact),
    marginExact,
    minutes,
    marginPerHour: perHour(marginExact, minutes),
  }
}

/**
 * The report: one line per client that earned or cost time, and per account manager and
 * currency the sum of their clients' margin over all the time logged on those clients.
 */
export function marginReport(
  clients: readonly MarginClient[],
  minutesByClient: ReadonlyMap<string, number>,
  memberNames: ReadonlyMap<string, string>,
  months: readonly string[],
) {
  const lines = clients
    .map((c) => ({ c, t: clientMargin(c, months, minutesByClient.get(c.clientId) ?? 0) }))
    .filter(({ t }) => t.marginExact !== 0n || t.minutes > 0)
  const byManager = new Map<
    string,
    { memberId: string; currency: string; m: bigint; min: number }
  >()
  for (const { c, t } of lines) {
    if (!c.accountManagerId) continue
    const key = `${c.accountManagerId}\u0000${c.currency}`
    const acc = byManager.get(key) ?? {
      memberId: c.accountManagerId,
      currency: c.currency,
      m: 0n,
      min: 0,
    }
    acc.m += t.marginExact
    acc.min += t.minutes
    byManager.set(key, acc)
  }
  return {
    clients: lines.map(({ c, t }) => ({
      clientId: c.clientId,
      name: c.name,
      accountManagerId: c.accountManagerId,
      currency: t.currency,
      margin: t.margin,
      minutes: t.minutes,
      marginPerHour: t.marginPerHour,
    })),
    managers: [...byManager.values()].map((a) => ({
      memberId: a.memberId,
      name: memberNames.get(a.memberId) ?? a.memberId,
      currency: a.currency,
      margin: Number(a.m),
      minutes: a.min,
      marginPerHour: perHour(a.m, a.min),
    })),
  }
}
