import { hashPassword } from '../worker/auth/password'

/** The four demo accounts, one per access role; local databases only. */
export const DEMO_PASSWORD = 'demo-board-2026'
export const DEMO_USERS = [
  {
    id: 'u-demo-admin',
    email: 'admin@demo.local',
    name: 'Администратор',
    role: 'admin',
    memberId: null,
  },
  // The group head of account managers, and a senior account manager on his team.
  {
    id: 'u-demo-lead',
    email: 'lead@demo.local',
    name: 'Дмитрий Волков',
    role: 'lead',
    memberId: 'm-02',
  },
  {
    id: 'u-demo-member',
    email: 'member@demo.local',
    name: 'Анна Смирнова',
    role: 'member',
    memberId: 'm-04',
  },
  {
    id: 'u-demo-viewer',
    email: 'viewer@demo.local',
    name: 'Наблюдатель',
    role: 'viewer',
    memberId: null,
  },
] as const

const lit = (v: string | number | null) =>
  v === null ? 'NULL' : typeof v === 'number' ? String(v) : `'${v.replaceAll("'", "''")}'`

/** Inserts of the demo accounts, each a no-op when the account exists (its password kept). */
export async function demoUserSql(now: number): Promise<string[]> {
  return Promise.all(
    DEMO_USERS.map(async (u) => {
      const member = u.memberId ? `(SELECT id FROM members WHERE id = ${lit(u.memberId)})` : 'NULL'
      const values = [lit(u.id), lit(u.email), lit(u.name), lit(u.role), member]
      return (
        'INSERT INTO users (id, email, name, access_role, member_id, password_hash, created_at, updated_at) ' +
        `VALUES (${values.join(', ')}, ${lit(await hashPassword(DEMO_PASSWORD))}, ${now}, ${now}) ON CONFLICT DO NOTHING;`
      )
    }),
  )
}
