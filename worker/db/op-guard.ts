/**
 * A batch writes a guarded history event (the change happened only if its conditions held);
 * statements that must follow the change — tasks, notifications, webhooks — ask whether that
 * event, tagged with the operation's random id, exists. So they need not repeat the conditions.
 */
export interface OpGuard {
  clientId: string
  op: string
}

/** The WHERE condition for a guard whose two parameters are bound at ?n and ?n+1. */
export function opGuardSql(
  guard: OpGuard | undefined,
  n: number,
): { sql: string; params: unknown[] } {
  if (!guard) return { sql: '1', params: [] }
  return {
    sql: `EXISTS (SELECT 1 FROM client_events WHERE client_id = ?${n} AND op = ?${n + 1})`,
    params: [guard.clientId, guard.op],
  }
}
