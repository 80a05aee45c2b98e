import { lit } from './sql-literal'

/** A stable number 0…~500 from a client id, for spreading the demo figures. */
const HASH = '(unicode(substr(c.id, -1)) * 7 + unicode(substr(c.id, -2, 1)) * 3 + length(c.id))'
/** Monthly revenue in kopecks by tier. */
const REVENUE = `(CASE c.tier WHEN 'A' THEN 420000 WHEN 'B' THEN 160000 ELSE 55000 END + ${HASH} % 5 * 15000) * 100`
const AM = `EXISTS (SELECT 1 FROM client_people p WHERE p.client_id = c.id AND p.role_id = 'account_manager')`
const PAID = `(SELECT phase_id FROM stages WHERE id = c.stage_id) IN ('onboarding', 'care', 'growth', 'renewal')`

/**
 * Money, hours and NPS behind the account KPIs, so a newcomer's report shows real numbers: every
 * paying client with an account manager gets a profile, a contact, time logged every two weeks for
 * six months and two NPS answers; the past clients get an outcome (lost when dropped before the
 * contract, a quarter of the paying ones churned, the rest closed at the end of the history). Set-based and insert-if-missing, so seeding twice changes
 * nothing; demo-record.ts's hand-made profiles of the first clients stay as they are.
 */
export function moneySeedSql(now: number): string {
  const day = (daysBack: string) =>
    `date(${lit(now)} / 1000, 'unixepoch', '-' || (${daysBack}) || ' days')`
  return [
    'INSERT INTO client_profiles (client_id, source_id, currency, contract_value, monthly_revenue, ' +
      'margin_percent, start_date, renewal_date, updated_at) ' +
      `SELECT c.id, 'source-inbound', 'RUB', ${REVENUE} * 12, ${REVENUE}, 20 + ${HASH} % 4 * 5, ` +
      "date(c.created_at / 1000, 'unixepoch'), date(c.created_at / 1000, 'unixepoch', '+1 year'), " +
      `${lit(now)} FROM clients c WHERE c.archived = 0 AND ${PAID} AND ${AM} ON CONFLICT DO NOTHING;`,
    'INSERT INTO client_profiles (client_id, currency, monthly_revenue, margin_percent, start_date, ' +
      'outcome, outcome_reason_id, updated_at) ' +
      `SELECT c.id, 'RUB', CASE WHEN ${PAID} THEN ${REVENUE} END, CASE WHEN ${PAID} THEN 30 END, ` +
      "date(c.created_at / 1000, 'unixepoch', '+30 days'), " +
      `CASE WHEN ${PAID} THEN (CASE WHEN ${HASH} % 4 = 0 THEN 'churned' ELSE 'other' END) WHEN c.updated_at < ${lit(now - 3_600_000)} THEN 'lost' ELSE 'other' END, ` +
      `CASE WHEN NOT ${PAID} AND c.updated_at < ${lit(now - 3_600_000)} THEN (CASE ${HASH} % 3 WHEN 0 THEN 'loss-price' WHEN 1 THEN 'loss-competitor' ` +
      `ELSE 'loss-budget' END) WHEN ${HASH} % 4 = 0 THEN 'loss-service' END, ${lit(now)} ` +
      "FROM clients c WHERE c.archived = 1 AND c.id LIKE 'h-%' ON CONFLICT DO NOTHING;",
    'INSERT INTO client_contacts (id, client_id, name, position, created_at, updated_at) ' +
      "SELECT c.id || '-ct0', c.id, 'Ольга Кузнецова', 'Финансовый директор', c.created_at, " +
      'c.created_at FROM clients c JOIN client_profiles pr ON pr.client_id = c.id ' +
      `WHERE c.archived = 0 AND pr.monthly_revenue IS NOT NULL AND ${AM} ON CONFLICT DO NOTHING;`,
    'WITH RECURSIVE k(n) AS (SELECT 0 UNION ALL SELECT n + 1 FROM k WHERE n < 11) ' +
      'INSERT INTO time_entries (id, client_id, member_id, minutes, spent_on, note, created_at) ' +
      `SELECT c.id || '-dm' || k.n, c.id, p.member_id, 60 + (${HASH} + k.n * 7) % 8 * 30, ` +
      `${day(`k.n * 15 + ${HASH} % 7 + 1`)}, 'Сопровождение', ${lit(now)} ` +
      "FROM clients c JOIN client_people p ON p.client_id = c.id AND p.role_id = 'account_manager' " +
      'JOIN client_profiles pr ON pr.client_id = c.id, k ' +
      `WHERE c.archived = 0 AND pr.monthly_revenue IS NOT NULL ` +
      `AND ${day(`k.n * 15 + ${HASH} % 7 + 1`)} >= date(c.created_at / 1000, 'unixepoch') ` +
      'ON CONFLICT DO NOTHING;',
    'WITH k(n) AS (VALUES (0), (1)) ' +
      'INSERT INTO nps_answers (id, client_id, contact_id, score, comment, answered_on, created_at) ' +
      `SELECT c.id || '-dn' || k.n, c.id, c.id || '-ct0', 6 + (${HASH} + k.n * 3) % 5, '', ` +
      `${day(`20 + k.n * 75 + ${HASH} % 9`)}, ${lit(now)} FROM clients c, k ` +
      `WHERE c.archived = 0 AND EXISTS (SELECT 1 FROM client_contacts WHERE id = c.id || '-ct0') ` +
      `AND ${day(`20 + k.n * 75 + ${HASH} % 9`)} >= date(c.created_at / 1000, 'unixepoch') ` +
      'ON CONFLICT DO NOTHING;',
  ].join('\n')
}
