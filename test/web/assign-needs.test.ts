import { beforeAll, describe, expect, it } from 'vitest'
import type { Client } from '../../schema/clients'
import type { Stage } from '../../schema/journey'
import { roleNameMap, stageRoleIds, unstaffedRole } from '../../web/src/assign/account-manager'
import { exclusionTexts } from '../../web/src/assign/exclusions'
import { createI18n, loadLocale } from '../../web/src/i18n'

// English is fetched apart from the first screen, as the app does before speaking it.
beforeAll(() => loadLocale('en'))

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

const card = (people: Record<string, string>, stageId = assignStage.id): Client =>
  ({
    id: 'c1',
    name: 'Иван Петров',
    company: 'ООО «Ромашка»',
    tier: 'A',
    score: 80,
    stageId,
    people,
    version: 3,
  }) as Client

describe('the unstaffed role of a card that just landed', () => {
  it("is the stage's owner role, then its communicator role, that the client has nobody for", () => {
    expect(unstaffedRole(card({}), assignStage)).toBe('team_lead')
    expect(unstaffedRole(card({ team_lead: 'm-02' }), assignStage)).toBe('account_manager')
  })

  it('is none once both are staffed, whoever holds the support role', () => {
    const people = { team_lead: 'm-02', account_manager: 'm-04' }
    expect(unstaffedRole(card(people), assignStage)).toBeNull()
  })

  it('reads the roles from the stage, and only for the stage the card is at', () => {
    const kickoff = stage('kickoff', {
      owner: 'account_manager',
      communicator: 'account_manager',
      support: 'product',
    })
    expect(unstaffedRole(card({ team_lead: 'm-02' }, 'kickoff'), kickoff)).toBe('account_manager')
    expect(unstaffedRole(card({}, 'kickoff'), assignStage)).toBeNull()
  })

  it("lists a stage's roles once each, owner first, and names them", () => {
    const owned = stage('x', { owner: 'sales', communicator: 'sales', support: 'finance' })
    expect(stageRoleIds(owned)).toEqual(['sales', 'finance'])
    const names = roleNameMap([{ id: 'sales', name: { ru: 'Продажи', en: 'Sales' } }])
    expect(names.get('sales')).toEqual({ ru: 'Продажи', en: 'Sales' })
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
