import { describe, expect, it } from 'vitest'
import { ACCESS_ROLES, POLICY, can, tokenRole, type Action } from '../../schema/access'

describe('the access policy', () => {
  it('gives admins every action and viewers only reads', () => {
    for (const action of Object.keys(POLICY) as Action[]) {
      expect(can('admin', action)).toBe(true)
      expect(can('viewer', action)).toBe(action.endsWith('.read'))
    }
  })

  it('lets leads assign but not members', () => {
    expect(can('lead', 'clients.assign')).toBe(true)
    expect(can('member', 'clients.assign')).toBe(false)
    expect(can('member', 'clients.write')).toBe(true)
    expect(can('member', 'tasks.write')).toBe(true)
    expect(can('lead', 'journey.edit')).toBe(false)
  })

  it('never grants a role more than the roles above it', () => {
    for (const action of Object.keys(POLICY) as Action[]) {
      const allowed = ACCESS_ROLES.map((role) => can(role, action))
      expect(allowed).toEqual([...allowed].sort((a, b) => Number(b) - Number(a)))
    }
  })

  it("keeps the whole organisation to admins and anyone's files to leads", () => {
    expect(ACCESS_ROLES.filter((r) => can(r, 'teams.all'))).toEqual(['admin'])
    expect(ACCESS_ROLES.filter((r) => can(r, 'journal.correct-any'))).toEqual(['admin'])
    expect(ACCESS_ROLES.filter((r) => can(r, 'attachments.remove-any'))).toEqual(['admin', 'lead'])
  })

  it('maps token scopes to roles', () => {
    expect(tokenRole('read')).toBe('viewer')
    expect(tokenRole('write')).toBe('member')
  })
})
