import type { Grade } from '../../schema/members'
import type { OnboardingItem, OnboardingTrack } from '../../schema/onboarding'
import type { ItemRef, Mark } from '../domain/onboarding'

/** A track item with the article text it belongs to, for progress across tracks. */
export type TrackItem = OnboardingItem & ItemRef
export type Track = Omit<OnboardingTrack, 'items'> & { items: TrackItem[] }

interface TrackRow {
  id: string
  role_id: string
  title_ru: string
  title_en: string
  position: number
  retired: number
  version: number
}
interface ItemRow {
  id: string
  track_id: string
  position: number
  kind: 'article' | 'checklist'
  article_id: string | null
  title_ru: string
  title_en: string
  due_days: number | null
}
interface VersionRow {
  item_id: string
  id: string
  lang: 'ru' | 'en'
  title: string
  grp: string
}

/**
 * Every live track (with `retired`, the retired ones too) in their order, with its items in
 * position order. An article item offers each live language version of its text; one whose
 * text is wholly archived is left out.
 */
export async function loadTracks(db: D1Database, retired = false): Promise<Track[]> {
  const [tracks, items, versions] = await db.batch<TrackRow | ItemRow | VersionRow>([
    db
      .prepare(
        `SELECT t.* FROM onboarding_tracks t JOIN roles r ON r.id = t.role_id
         WHERE ?1 OR t.retired = 0 ORDER BY t.position, r.position, t.id`,
      )
      .bind(retired ? 1 : 0),
    db.prepare('SELECT * FROM onboarding_items ORDER BY track_id, position, id'),
    db.prepare(
      `SELECT i.id AS item_id, x.id, x.lang, x.title, coalesce(a.translation_of, a.id) AS grp
       FROM onboarding_items i JOIN articles a ON a.id = i.article_id
       JOIN articles x ON x.id = coalesce(a.translation_of, a.id) OR x.translation_of = coalesce(a.translation_of, a.id)
       WHERE x.archived = 0`,
    ),
  ])
  const byItem = new Map<string, VersionRow[]>()
  for (const v of (versions?.results ?? []) as VersionRow[]) {
    byItem.set(v.item_id, [...(byItem.get(v.item_id) ?? []), v])
  }
  const toItem = (r: ItemRow): TrackItem | null => {
    if (r.kind === 'checklist') {
      const title = { ru: r.title_ru, en: r.title_en }
      return {
        id: r.id,
        kind: r.kind,
        position: r.position,
        title,
        articleIds: null,
        dueDays: r.due_days,
        group: null,
      }
    }
    const list = byItem.get(r.id) ?? []
    const ru = list.find((v) => v.lang === 'ru')
    const en = list.find((v) => v.lang === 'en')
    const any = ru ?? en
    if (!any) return null
    return {
      id: r.id,
      kind: r.kind,
      position: r.position,
      title: { ru: (ru ?? any).title, en: (en ?? any).title },
      articleIds: { ru: ru?.id ?? null, en: en?.id ?? null },
      dueDays: r.due_days,
      group: any.grp,
    }
  }
  const allItems = (items?.results ?? []) as ItemRow[]
  return ((tracks?.results ?? []) as TrackRow[]).map((t) => ({
    id: t.id,
    roleId: t.role_id,
    title: { ru: t.title_ru, en: t.title_en },
    position: t.position,
    retired: t.retired === 1,
    version: t.version,
    items: allItems
      .filter((i) => i.track_id === t.id)
      .map(toItem)
      .filter((i): i is TrackItem => i !== null),
  }))
}

export async function getItem(db: D1Database, id: string) {
  return db
    .prepare('SELECT id, kind FROM onboarding_items WHERE id = ?1')
    .bind(id)
    .first<{ id: string; kind: 'article' | 'checklist' }>()
}

/** Sets a member's mark on an item (`todo` removes it); re-sending a mark keeps its first time. */
export async function setProgress(
  db: D1Database,
  memberId: string,
  itemId: string,
  status: 'todo' | 'read' | 'done',
  now: number,
): Promise<number | null> {
  if (status === 'todo') {
    await db
      .prepare('DELETE FROM onboarding_progress WHERE member_id = ?1 AND item_id = ?2')
      .bind(memberId, itemId)
      .run()
    return null
  }
  const row = await db
    .prepare(
      `INSERT INTO onboarding_progress (member_id, item_id, status, at) VALUES (?1, ?2, ?3, ?4)
       ON CONFLICT (member_id, item_id) DO UPDATE SET status = excluded.status, at = excluded.at
         WHERE onboarding_progress.status != excluded.status
       RETURNING at`,
    )
    .bind(memberId, itemId, status, now)
    .first<{ at: number }>()
  if (row) return row.at
  const kept = await db
    .prepare('SELECT at FROM onboarding_progress WHERE member_id = ?1 AND item_id = ?2')
    .bind(memberId, itemId)
    .first<{ at: number }>()
  return kept?.at ?? now
}

export interface TeamMember {
  id: string
  name: string
  grade: Grade
  roleIds: string[]
}

/** The lead's reports, direct and indirect (or, for null, every member); active ones only. */
const TEAM = `WITH RECURSIVE team(id, depth) AS (
    SELECT id, 1 FROM members WHERE manager_id = ?1
    UNION SELECT m.id, t.depth + 1 FROM members m JOIN team t ON m.manager_id = t.id WHERE t.depth < 50)`
const IN_TEAM = '(?1 IS NULL OR m.id IN (SELECT id FROM team)) AND m.active = 1'

/** Members (a lead's team, or everyone) with their roles and onboarding marks. */
export async function teamProgress(db: D1Database, leadId: string | null) {
  const [members, marks] = await db.batch<
    | { id: string; name: string; grade: Grade; role_ids: string | null }
    | (Mark & { member_id: string })
  >([
    db
      .prepare(
        `${TEAM} SELECT m.id, m.name, m.grade,
           (SELECT group_concat(role_id) FROM member_roles WHERE member_id = m.id) AS role_ids
         FROM members m WHERE ${IN_TEAM} ORDER BY m.name, m.id`,
      )
      .bind(leadId),
    db
      .prepare(
        `${TEAM} SELECT p.member_id, p.item_id AS itemId, p.status, p.at
         FROM onboarding_progress p JOIN members m ON m.id = p.member_id WHERE ${IN_TEAM}`,
      )
      .bind(leadId),
  ])
  const rows = (members?.results ?? []) as {
    id: string
    name: string
    grade: Grade
    role_ids: string | null
  }[]
  const team: TeamMember[] = rows.map((r) => ({
    id: r.id,
    name: r.name,
    grade: r.grade,
    roleIds: r.role_ids ? r.role_ids.split(',').sort() : [],
  }))
  return { team, marks: (marks?.results ?? []) as (Mark & { member_id: string })[] }
}

/** One member's roles and marks. */
export async function memberProgress(db: D1Database, memberId: string) {
  const [roles, marks] = await db.batch<{ role_id: string } | Mark>([
    db
      .prepare('SELECT role_id FROM member_roles WHERE member_id = ?1 ORDER BY role_id')
      .bind(memberId),
    db
      .prepare('SELECT item_id AS itemId, status, at FROM onboarding_progress WHERE member_id = ?1')
      .bind(memberId),
  ])
  return {
    roleIds: ((roles?.results ?? []) as { role_id: string }[]).map((r) => r.role_id),
    marks: (marks?.results ?? []) as Mark[],
  }
}

/** Stages (not archived) where one of the roles is owner, communicator or support. */
export async function stagesForRoles(db: D1Database, roleIds: string[]): Promise<string[]> {
  if (roleIds.length === 0) return []
  const list = roleIds.map((_, i) => `?${i + 1}`).join(',')
  const { results } = await db
    .prepare(
      `SELECT s.id FROM stages s JOIN phases p ON p.id = s.phase_id WHERE s.archived = 0
         AND (s.owner_role_id IN (${list}) OR s.communicator_role_id IN (${list}) OR s.support_role_id IN (${list}))
       ORDER BY p.position, s.position, s.id`,
    )
    .bind(...roleIds)
    .all<{ id: string }>()
  return results.map((r) => r.id)
}
