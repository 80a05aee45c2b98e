import { describe, expect, it } from 'vitest'
import type { User } from '../../schema/auth'
import type { BoardPhase } from '../../web/src/board/board-model'
import { viewerRole } from '../../web/src/knowledge/guide-role'
import {
  articleQuery,
  narrowsArticles,
  NO_KB_FILTERS,
  readKbFilters,
  writeKbFilters,
} from '../../web/src/knowledge/kb-filters'
import { isKbPath, kbUrl, parseKbPath } from '../../web/src/routing/kb-paths'
import { canWriteKind } from '../../web/src/knowledge/permissions'
import { boardStageUrl, narrowToStage } from '../../web/src/knowledge/stage-focus'

describe('knowledge base paths', () => {
  it('reads the list, an article, its editor, a new article and a stage regulation', () => {
    expect(parseKbPath('/kb')).toEqual({ view: 'list' })
    expect(parseKbPath('/kb/')).toEqual({ view: 'list' })
    expect(parseKbPath('/kb/new')).toEqual({ view: 'new' })
    expect(parseKbPath('/kb/kb-handoff-ru')).toEqual({ view: 'article', id: 'kb-handoff-ru' })
    expect(parseKbPath('/kb/kb-handoff-ru/edit')).toEqual({ view: 'edit', id: 'kb-handoff-ru' })
    expect(parseKbPath('/kb/stages/kickoff')).toEqual({ view: 'stage', stageId: 'kickoff' })
  })

  it('answers null for paths it does not serve, and is not fooled by look-alikes', () => {
    expect(parseKbPath('/kb/a/b/c')).toBeNull()
    expect(parseKbPath('/kb/a/history')).toBeNull()
    expect(parseKbPath('/kb/stages')).toBeNull()
    expect(parseKbPath('/kb/%E0%A4%A')).toBeNull()
    expect(isKbPath('/kbx')).toBe(false)
    expect(parseKbPath('/kbx')).toBeNull()
  })

  it('builds URLs that read back as the same page', () => {
    const odd = 'a b/c?d'
    expect(parseKbPath(kbUrl.article(odd))).toEqual({ view: 'article', id: odd })
    expect(parseKbPath(kbUrl.edit(odd))).toEqual({ view: 'edit', id: odd })
    expect(kbUrl.stage('kickoff', 'account_manager')).toBe(
      '/kb/stages/kickoff?role=account_manager',
    )
    expect(kbUrl.stage('kickoff', null)).toBe('/kb/stages/kickoff')
    expect(kbUrl.create({ translationOf: 'x', lang: 'en' })).toBe('/kb/new?translationOf=x&lang=en')
    expect(kbUrl.create()).toBe('/kb/new')
  })
})

describe('knowledge base filters', () => {
  it('round-trips through the query string, dropping what is empty', () => {
    const f = {
      stage: 'kickoff',
      role: 'account_manager',
      kind: 'instruction' as const,
      lang: 'all' as const,
      q: 'обратная связь',
      archived: true,
    }
    expect(readKbFilters(writeKbFilters(f))).toEqual(f)
    expect(writeKbFilters(NO_KB_FILTERS).toString()).toBe('')
  })

  it('ignores unknown values', () => {
    expect(readKbFilters(new URLSearchParams('kind=memo&lang=de&archived=yes'))).toEqual(
      NO_KB_FILTERS,
    )
  })

  it('asks for the interface language unless another, or every one, is chosen', () => {
    expect(articleQuery(NO_KB_FILTERS, 'en').lang).toBe('en')
    expect(articleQuery({ ...NO_KB_FILTERS, lang: 'ru' }, 'en').lang).toBe('ru')
    expect(articleQuery({ ...NO_KB_FILTERS, lang: 'all' }, 'en').lang).toBeNull()
    expect(articleQuery({ ...NO_KB_FILTERS, q: '  клиент ' }, 'ru').q).toBe('клиент')
  })

  it('knows when the list is narrowed', () => {
    expect(narrowsArticles(NO_KB_FILTERS)).toBe(false)
    expect(narrowsArticles({ ...NO_KB_FILTERS, q: '   ' })).toBe(false)
    expect(narrowsArticles({ ...NO_KB_FILTERS, kind: 'article' })).toBe(true)
  })
})

describe('the viewer’s role on a stage', () => {
  const roles = { owner: 'finance', communicator: 'account_manager', support: 'sales' }

  it('is the role of the card slot they hold', () => {
    const card = {
      memberId: 'm-04',
      acting: { owner: 'm-08', communicator: 'm-04', support: null },
    }
    expect(viewerRole(roles, ['sales'], card)).toBe('account_manager')
  })

  it('takes the owner slot first when they hold several', () => {
    const card = {
      memberId: 'm-04',
      acting: { owner: 'm-04', communicator: 'm-04', support: 'm-04' },
    }
    expect(viewerRole(roles, [], card)).toBe('finance')
  })

  it('else is the first of their own roles the stage uses', () => {
    const card = {
      memberId: 'm-04',
      acting: { owner: 'm-08', communicator: null, support: null },
    }
    expect(viewerRole(roles, ['product', 'sales', 'account_manager'], card)).toBe('sales')
    expect(viewerRole(roles, ['account_manager'])).toBe('account_manager')
  })

  it('is null for someone the stage does not involve, or who acts as no member', () => {
    expect(viewerRole(roles, ['product'])).toBeNull()
    const card = { memberId: null, acting: { owner: null, communicator: null, support: null } }
    expect(viewerRole(roles, [], card)).toBeNull()
  })
})

describe('who may write', () => {
  const user = (role: User['role']): User => ({
    id: 'u',
    email: 'u@x',
    name: 'U',
    role,
    memberId: null,
    active: true,
    version: 1,
    createdAt: '2026-01-01T00:00:00.000Z',
  })

  it('lets members write articles, leads and admins also regulations, viewers nothing', () => {
    expect(canWriteKind(user('viewer'), 'article')).toBe(false)
    expect(canWriteKind(user('member'), 'article')).toBe(true)
    expect(canWriteKind(user('member'), 'instruction')).toBe(false)
    expect(canWriteKind(user('lead'), 'instruction')).toBe(true)
    expect(canWriteKind(user('admin'), 'instruction')).toBe(true)
  })
})

describe('the board narrowed to a stage', () => {
  const stage = (id: string, phaseId: string) =>
    ({ id, phaseId }) as unknown as BoardPhase['stages'][number]
  const phase = (id: string, stageIds: string[], index: number): BoardPhase =>
    ({
      phase: { id },
      index,
      stages: stageIds.map((s) => stage(s, id)),
    }) as unknown as BoardPhase
  const phases = [
    phase('sale', ['demo', 'proposal'], 1),
    phase('onboarding', ['kickoff', 'plan'], 3),
  ]

  it('links to the stage’s phase in focus, with the stage named', () => {
    expect(boardStageUrl({ id: 'kickoff', phaseId: 'onboarding' })).toBe(
      '/?phase=onboarding&stage=kickoff',
    )
  })

  it('shows just that column while its phase is focused', () => {
    const shown = narrowToStage(phases, 'kickoff', 'onboarding')
    expect(shown.map((p) => [p.phase.id, p.index, p.stages.map((s) => s.id)])).toEqual([
      ['onboarding', 3, ['kickoff']],
    ])
  })

  it('leaves the board alone without a focus, for another phase, or an unknown stage', () => {
    expect(narrowToStage(phases, 'kickoff', null)).toBe(phases)
    expect(narrowToStage(phases, 'kickoff', 'sale')).toBe(phases)
    expect(narrowToStage(phases, 'nope', 'onboarding')).toBe(phases)
    expect(narrowToStage(phases, null, 'onboarding')).toBe(phases)
  })
})
