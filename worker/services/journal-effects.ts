import type { Client } from '../../schema/clients'
import type { EntryValues } from '../db/journal'
import { nextContactTaskStatement } from '../db/journal'
import { listMembers } from '../db/members'
import { notifyStatement } from '../db/notifications'
import { findMentions } from '../domain/mentions'

/** The first line of a text, cut to a title's length. */
const firstLine = (text: string, max: number) => {
  const line = (text.split('\n').find((l) => l.trim()) ?? '').replace(/^[#>*\s-]+/, '').trim()
  return line.length > max ? `${line.slice(0, max - 1)}…` : line
}

/**
 * What an entry sets off, as statements for its batch: the next-contact task for the author (the
 * next step, else the entry's first line, names it) and a notification per member mentioned.
 * Mentions notify once per entry and member, so an edit notifies only the newly mentioned.
 */
export async function journalEffects(
  db: D1Database,
  e: EntryValues,
  client: Client,
  author: { id: string | null; memberId: string | null; name: string },
  now: number,
  op: string,
): Promise<D1PreparedStatement[]> {
  const out: D1PreparedStatement[] = []
  const guard = { clientId: e.clientId, op }
  if (e.nextContactOn) {
    const title = firstLine(e.nextStep || e.body, 200) || client.name
    const task = { entryId: e.id, clientId: e.clientId, title, memberId: author.memberId }
    out.push(nextContactTaskStatement(db, { ...task, due: e.nextContactOn }, author.id, now, op))
  }
  if (e.body.includes('@')) {
    const members = (await listMembers(db)).filter((m) => m.active)
    for (const memberId of findMentions(e.body, members)) {
      if (memberId === author.memberId) continue
      const excerpt = firstLine(e.body, 200)
      const n = {
        memberId,
        kind: 'mention',
        clientId: e.clientId,
        title: `${author.name} упоминает вас: ${client.name}`,
        body: excerpt,
        data: { entryId: e.id, en: { title: `${author.name} mentioned you: ${client.name}` } },
        dedupeKey: `mention:${e.id}:${memberId}`,
      }
      out.push(notifyStatement(db, n, now, guard))
    }
  }
  return out
}
