import type { LocalizedText } from '../schema/common'
import { slaAlertText } from '../worker/domain/alert-text'
import { DEFAULT_CALENDAR, slaDeadlines } from '../shared/clock'
import type { DemoClient, DemoMember } from './demo-data'
import { lit } from './sql-literal'

type StageInfo = { name: LocalizedText; slaDays: number; roles: { owner: string } }

/**
 * The SLA sweep's work on the demo's late cards, as if it had run every five minutes since they
 * came in: an `overdue` history event at each deadline passed (the SLA, twice the SLA) and, at
 * that moment, the alert to the owner and the owner's lead — the same rows, texts and dedupe
 * keys the sweep writes, so a sweep run after the seed finds these cards handled. Every insert is
 * a no-op when its row exists.
 */
export function overdueAlertSql(
  clients: readonly DemoClient[],
  members: readonly DemoMember[],
  stages: ReadonlyMap<string, StageInfo>,
  now: number,
): string[] {
  const managerOf = new Map(members.map((m) => [m.id, m.managerId]))
  const lines: string[] = []
  for (const c of clients) {
    const stage = stages.get(c.stageId)
    if (!stage) continue
    const { dueAt, due2At } = slaDeadlines(c.enteredStageAt, stage.slaDays, DEFAULT_CALENDAR)
    const passed = ([dueAt, due2At] as const)
      .map((at, i) => ({ at, level: (i + 1) as 1 | 2 }))
      .filter((d): d is { at: number; level: 1 | 2 } => d.at !== null && d.at <= now)
    // The acting owner: the client's person for the stage's owner role.
    const owner = c.people[stage.roles.owner] ?? null
    const recipients = [...new Set([owner, owner && (managerOf.get(owner) ?? null)])]
    for (const { at, level } of passed) {
      const client = lit(c.id)
      lines.push(
        'INSERT INTO client_events (client_id, kind, actor_id, from_stage_id, to_stage_id, ' +
          `version, data, at) SELECT id, 'overdue', NULL, stage_id, stage_id, version, ` +
          `${lit(JSON.stringify({ level }))}, ${lit(at)} FROM clients WHERE id = ${client} ` +
          'AND NOT EXISTS (SELECT 1 FROM client_events WHERE client_id = ' +
          `${client} AND kind = 'overdue' AND at = ${lit(at)});`,
      )
      const text = slaAlertText(c.company, stage, { kind: 'overdue', level })
      const data = JSON.stringify({ en: text.en, level, stageId: c.stageId })
      for (const memberId of recipients) {
        if (!memberId) continue
        const member = lit(memberId)
        lines.push(
          'INSERT INTO notifications (id, member_id, kind, client_id, title, body, data, ' +
            `dedupe_key, created_at) SELECT ${lit(crypto.randomUUID())}, ${member}, 'overdue', ` +
            `${client}, ${lit(text.ru.title)}, ${lit(text.ru.body)}, ${lit(data)}, ` +
            `${lit(`overdue:${c.id}:${c.enteredStageAt}:${level}:${memberId}`)}, ${lit(at)} ` +
            `WHERE EXISTS (SELECT 1 FROM members WHERE id = ${member}) ` +
            `AND EXISTS (SELECT 1 FROM clients WHERE id = ${client}) ON CONFLICT DO NOTHING;`,
        )
      }
    }
  }
  return lines
}
