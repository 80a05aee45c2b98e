/**
 * What a backup holds: every table of organisation data, in an order where each table comes
 * after the tables its foreign keys point at (restore inserts in this order and deletes in the
 * reverse). A table that is neither here nor in NOT_BACKED_UP fails test/api/backup-tables.test.ts:
 * add new tables to one of the two lists, with the reason when it is the second.
 */
export const BACKUP_TABLES = [
  'roles',
  'phases',
  'stages',
  'settings',
  'members',
  'member_roles',
  'member_absences',
  'users',
  'api_tokens',
  'clients',
  'client_people',
  'client_events',
  'labels',
  'client_labels',
  'client_kam',
  'client_flags',
  'deadline_refresh',
  'attachments',
  'tasks',
  'record_options',
  'client_profiles',
  'client_contacts',
  'journal_entries',
  'journal_revisions',
  'time_entries',
  'nps_answers',
  'stage_automations',
  'scheduled_actions',
  'notifications',
  'webhooks',
  'webhook_deliveries',
  'rebalance_proposals',
  'articles',
  'article_stages',
  'article_roles',
  'article_revisions',
  'onboarding_tracks',
  'onboarding_items',
  'onboarding_progress',
  'onboarding_mentors',
] as const

export type BackupTable = (typeof BACKUP_TABLES)[number]

/** Tables a backup leaves out, and why: each is a credential, a cache, or rebuilt by itself. */
export const NOT_BACKED_UP: Record<string, string> = {
  sessions: 'sign-ins belong to one deployment; everyone signs in again after a restore',
  login_throttle: 'failed sign-in counters of this deployment',
  idempotency_keys: "24-hour replay cache of this deployment's answers",
  flow_snapshots: 'daily counts the morning job rebuilds from the client history (backfill)',
  stage_visits: 'finished stage visits the morning job rebuilds from the client history',
  visit_buckets: 'per-day aggregates of stage_visits, rebuilt with them',
  visit_owners: 'per-day aggregates of stage_visits, rebuilt with them',
  client_reach: 'the furthest stage each card reached, kept with stage_visits',
  working_windows: 'the calendar as prefix sums, rewritten by every morning run',
  duration_buckets: 'fixed histogram bounds from migration 0021: schema, not data',
  report_marks: 'how far this deployment has measured stage visits',
  board_changes: 'the live feed of this deployment; open boards reload after a restore',
  import_jobs: 'upload progress; the imported clients themselves are backed up',
  member_loads: "per-member counts of clients (0020's triggers refill them as a restore inserts)",
  member_overdue: "per-member overdue cards (0020's triggers refill them as a restore inserts)",
  stage_counts: "live cards per stage (0023's triggers refill them as a restore inserts)",
  import_batches: 'guards of applied import batches, of this deployment only',
  article_stem_rows: 'the stem index, rebuilt from the articles on the next search',
  article_stems: 'the stem index (FTS5), rebuilt from the articles on the next search',
  articles_fts: "the full-text index (FTS5), rebuilt by the articles' triggers on insert",
  sqlite_sequence: "SQLite's own AUTOINCREMENT counters, set by the inserted ids",
  d1_migrations: 'which migrations ran: the schema, not data',
  _cf_KV: "D1's internal table",
  _cf_METADATA: "D1's internal table",
}

/** FTS5 keeps each virtual table's data in shadow tables named after it. */
const FTS_SHADOW = /^(.+)_(data|idx|content|docsize|config)$/

/** Why a table is left out of backups, or null when it is not (it must then be backed up). */
export function exclusionReason(table: string): string | null {
  const reason = NOT_BACKED_UP[table]
  if (reason) return reason
  const shadow = FTS_SHADOW.exec(table)
  const owner = shadow?.[1]
  return owner && NOT_BACKED_UP[owner] ? `shadow table of ${owner}` : null
}
