import { describe, expect, it } from 'vitest'
import { api } from './helpers'

const adminVersion = async () =>
  ((await api('/users')).body.users as { id: string; version: number }[]).find(
    (u) => u.id === 'u-admin',
  )?.version

describe('the last active admin', () => {
  it('cannot demote or deactivate themselves, and can once another admin exists', async () => {
    const version = await adminVersion()
    for (const change of [{ role: 'lead' }, { active: false }, { role: 'viewer', active: false }]) {
      const res = await api('/users/u-admin', { method: 'PATCH', json: { version, ...change } })
      expect(res.status, JSON.stringify(change)).toBe(409)
      expect(res.body.error.code).toBe('last_admin')
    }
    expect(await adminVersion()).toBe(version)
    // A rename is not a demotion.
    const renamed = await api('/users/u-admin', {
      method: 'PATCH',
      json: { version, name: 'Admin (renamed)' },
    })
    expect(renamed.status).toBe(200)

    const second = await api('/users', {
      method: 'POST',
      json: {
        email: 'second.admin@board.test',
        name: 'Second',
        role: 'admin',
        password: 'second-admin-pass-1',
      },
    })
    expect(second.status).toBe(201)
    const demoted = await api('/users/u-admin', {
      method: 'PATCH',
      json: { version: renamed.body.version, role: 'lead' },
    })
    expect(demoted.status).toBe(200)
    expect(demoted.body.role).toBe('lead')
  })
})
