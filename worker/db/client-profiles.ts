import type { ClientProfile } from '../../schema/record'
import { landed, type Condition } from './record-change'

interface ProfileRow {
  client_id: string
  source_id: string | null
  currency: string
  contract_value: number | null
  monthly_revenue: number | null
  margin_percent: number | null
  start_date: string | null
  renewal_date: string | null
  outcome: ClientProfile['outcome']
  outcome_reason_id: string | null
  outcome_note: string
  version: number
}

/** A client without a row yet has the empty profile at version 1. */
export const emptyProfile = (clientId: string): ClientProfile => ({
  clientId,
  sourceId: null,
  currency: 'RUB',
  contractValue: null,
  monthlyRevenue: null,
  marginPercent: null,
  startDate: null,
  renewalDate: null,
  outcome: null,
  outcomeReasonId: null,
  outcomeNote: '',
  version: 1,
})

export async function getProfile(db: D1Database, clientId: string): Promise<ClientProfile> {
  const r = await db
    .prepare('SELECT * FROM client_profiles WHERE client_id = ?')
    .bind(clientId)
    .first<ProfileRow>()
  if (!r) return emptyProfile(clientId)
  return {
    clientId: r.client_id,
    sourceId: r.source_id,
    currency: r.currency,
    contractValue: r.contract_value,
    monthlyRevenue: r.monthly_revenue,
    marginPercent: r.margin_percent,
    startDate: r.start_date,
    renewalDate: r.renewal_date,
    outcome: r.outcome,
    outcomeReasonId: r.outcome_reason_id,
    outcomeNote: r.outcome_note,
    version: r.version,
  }
}

/** The profile still has this version (a missing row counts as version 1). */
export const profileAt = (clientId: string, version: number): Condition => ({
  sql: 'COALESCE((SELECT version FROM client_profiles WHERE client_id = ?), 1) = ?',
  params: [clientId, version],
})

/**
 * Writes the whole profile at the next version, creating the row on the first write; only if
 * the batch's event landed (`guard`), which checked the expected version.
 */
export function writeProfileStatement(
  db: D1Database,
  p: ClientProfile,
  now: number,
  guard: { clientId: string; op: string },
) {
  const g = landed(guard.clientId, guard.op)
  return db
    .prepare(
      `INSERT INTO client_profiles (client_id, source_id, currency, contract_value, monthly_revenue,
         margin_percent, start_date, renewal_date, outcome, outcome_reason_id, outcome_note,
         version, updated_at)
       SELECT ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 2, ? WHERE ${g.sql}
       ON CONFLICT (client_id) DO UPDATE SET source_id = excluded.source_id,
         currency = excluded.currency, contract_value = excluded.contract_value,
         monthly_revenue = excluded.monthly_revenue, margin_percent = excluded.margin_percent,
         start_date = excluded.start_date, renewal_date = excluded.renewal_date,
         outcome = excluded.outcome, outcome_reason_id = excluded.outcome_reason_id,
         outcome_note = excluded.outcome_note, version = client_profiles.version + 1,
         updated_at = excluded.updated_at`,
    )
    .bind(
      p.clientId,
      p.sourceId,
      p.currency,
      p.contractValue,
      p.monthlyRevenue,
      p.marginPercent,
      p.startDate,
      p.renewalDate,
      p.outcome,
      p.outcomeReasonId,
      p.outcomeNote,
      now,
      ...g.params,
    )
}
