import { describe, expect, it } from 'vitest'
import type { Client } from '../../schema/clients'
import type { Stage } from '../../schema/journey'
import {
  accountManagerSlots,
  needsAccountManager,
  slotRoleNames,
} from '../../web/src/assign/account-manager'
import { exclusionTexts } from '../../web/src/assign/exclusions'
import { createI18n } from '../../web/src/i18n'

const stage = (id: string, roles: Stage['roles']): Stage => ({
  id,
  phaseId: 'onboarding',
  name: { ru: id, en: id },
  position: 1,
  slaDays: 1,
  overduePolicy: 'flag',
  wipLimit: null,
  description: { ru: '', en: '' },
  roles,
  archived: false,
  version: 1,
  automationCount: 0,
})

// The default template's stage: the lead owns it, the account manager talks to the client.
const assignStage = stage('account-manager-assigned', {
  owner: 'team_lead',
  communicator: 'account_manager',
  support: 'sales',
})

const card = (assignees: Partial<Client['assignees']>, stageId = assignStage.id): Client =>
  ({
    id: 'c1',
    name: 'Иван Петров',
    company: 'ООО «Ромашка»',
    tier: 'A',
    score: 80,
    stageId,
    assignees: { owner: null, communicator: null, support: null, ...assignees },
    version: 3,
  }) as Client

describe('the "needs an account manager" check', () => {
  it('asks for the slot the stage gives to the account manager when nobody is in it', () => {
    expect(accountManagerSlots(assignStage)).toEqual(['communicator'])
    expect(needsAccountManager(card({ owner: 'm-02' }), assignStage)).toBe('communicator')
  })

  it('asks nothing once someone holds that slot, whoever holds the others', () => {
    expect(needsAccountManager(card({ communicator: 'm-04' }), assignStage)).toBeNull()
  })

  it('reads the slot from the stage roles, not from a fixed slot name', () => {
    const owned = stage('account-manager-assigned', {
      owner: 'account_manager',
      communicator: 'account_manager',
      support: 'sales',
    })
    expect(needsAccountManager(card({}), owned)).toBe('owner')
    expect(needsAccountManager(card({ communicator: 'm-04' }), owned)).toBeNull()
    const none = stage('account-manager-assigned', {
      owner: 'team_lead',
      communicator: 'sales',
      support: 'sales',
    })
    expect(needsAccountManager(card({}), none)).toBeNull()
  })

  it('only applies to the "Account manager assigned" stage', () => {
    const kickoff = stage('kickoff', assignStage.roles)
    expect(needsAccountManager(card({}, 'kickoff'), kickoff)).toBeNull()
    expect(needsAccountManager(card({}, 'kickoff'), assignStage)).toBeNull()
  })

  it("names the journey role of each of a stage's slots", () => {
    const roles = new Map([
      ['team_lead', { name: { ru: 'Тимлид', en: 'Team lead' } }],
      ['account_manager', { name: { ru: 'Аккаунт-менеджер', en: 'Account manager' } }],
    ])
    expect(slotRoleNames(assignStage, roles)).toEqual({
      owner: { ru: 'Тимлид', en: 'Team lead' },
      communicator: { ru: 'Аккаунт-менеджер', en: 'Account manager' },
    })
  })
})

describe('why members are left out, in the user’s language', () => {
  const excluded = {
    memberId: 'm-14',
    name: 'Екатерина Никитина',
    grade: 'junior' as const,
    codes: ['role', 'absent', 'grade', 'mystery'],
    reasons: [
      'cannot play Account manager',
      'absent until 2026-12-11',
      'junior: below the minimum grade for tier A',
      'something new',
    ],
  }

  it('translates every known code and keeps the server’s words for an unknown one', () => {
    const ru = exclusionTexts(excluded, {
      i18n: createI18n('ru'),
      role: 'communicator',
      tier: 'A',
      roleName: 'Аккаунт-менеджер',
    })
    expect(ru).toEqual([
      'не может быть в роли «Аккаунт-менеджер»',
      expect.stringMatching(/^отсутствует до 11 дек/),
      'ниже минимального грейда для категории A',
      'something new',
    ])
    const en = exclusionTexts(excluded, {
      i18n: createI18n('en'),
      role: 'communicator',
      tier: 'A',
      roleName: 'Account manager',
    })
    expect(en.slice(0, 3)).toEqual([
      'cannot play “Account manager”',
      'absent until Dec 11',
      'below the minimum grade for tier A',
    ])
  })

  it('explains grades for support and interns apart', () => {
    const i18n = createI18n('en')
    const texts = exclusionTexts(
      { ...excluded, codes: ['grade', 'intern', 'inactive', 'no_capacity', 'absent'], reasons: [] },
      { i18n, role: 'support', tier: 'C', roleName: 'Sales' },
    )
    expect(texts).toEqual([
      'below the minimum grade for support',
      'interns only take the support role',
      'inactive',
      'no capacity',
      'absent',
    ])
  })
})
