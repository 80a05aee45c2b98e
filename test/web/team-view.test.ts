import { describe, expect, it } from 'vitest'
import type { TeamMember } from '../../schema/team'
import { absenceProblem } from '../../web/src/team/absence-draft'
import {
  barPosition,
  barScale,
  formatDay,
  formatDays,
  formatPercent,
  formatPoints,
  loadLevel,
} from '../../web/src/load/load-format'
import { firstStage, newClientProblem } from '../../web/src/team/new-client-draft'
import { shiftOf } from '../../web/src/team/proposal-shift'
import { groupTeam, teamOf } from '../../web/src/team/team-groups'

const person = (
  id: string,
  name: string,
  grade: TeamMember['grade'],
  managerId: string | null,
  extra: Partial<TeamMember> = {},
): TeamMember => ({
  id,
  name,
  grade,
  managerId,
  active: true,
  load: 0,
  capacity: 16,
  utilization: 0,
  clientCount: 0,
  clientsByRole: {},
  overdueCount: 0,
  absence: null,
  absentToday: false,
  directReports: 0,
  spanExceeded: false,
  ...extra,
})

// A head of department with two leads under her, a specialist of her own and one loner.
const members: TeamMember[] = [
  person('m-05', 'Павел', 'middle', 'm-02'),
  person('m-02', 'Дмитрий', 'lead', 'm-01'),
  person('m-04', 'Анна', 'senior', 'm-02'),
  person('m-06', 'Мария', 'senior', 'm-03'),
  person('m-01', 'Ирина', 'lead', null),
  person('m-03', 'Ольга', 'lead', 'm-01'),
  person('m-07', 'Сергей', 'senior', 'm-01'),
  person('m-08', 'Артём', 'junior', 'm-02'),
  person('m-09', 'Яна', 'intern', null),
  person('m-10', 'Борис', 'senior', 'm-02'),
  person('m-11', 'Гость', 'junior', 'm-99'),
]

describe('grouping the team by lead and grade', () => {
  const groups = groupTeam(members)
  const shape = groups.map((g) => ({
    lead: g.lead?.id ?? null,
    depth: g.depth,
    grades: g.grades.map((x) => [x.grade, x.members.map((m) => m.id)]),
  }))

  it('gives every lead a group, right after the group they belong to', () => {
    expect(shape.map((g) => [g.lead, g.depth])).toEqual([
      ['m-01', 0],
      ['m-02', 1],
      ['m-03', 1],
      [null, 0],
    ])
  })

  it('lists direct reports most senior grade first, by name within a grade', () => {
    expect(shape[0]?.grades).toEqual([
      ['lead', ['m-02', 'm-03']],
      ['senior', ['m-07']],
    ])
    expect(shape[1]?.grades).toEqual([
      ['senior', ['m-04', 'm-10']],
      ['middle', ['m-05']],
      ['junior', ['m-08']],
    ])
    expect(groups[1]?.size).toBe(4)
  })

  it('puts people with no lead (or a lead not in the list) last, in a group of their own', () => {
    expect(shape[3]?.grades).toEqual([
      ['junior', ['m-11']],
      ['intern', ['m-09']],
    ])
  })

  it('shows each lead once even when the data has a reporting cycle', () => {
    const cycle = [person('a', 'А', 'lead', 'b'), person('b', 'Б', 'lead', 'a')]
    expect(groupTeam(cycle).map((g) => g.lead?.id)).toEqual(['a', 'b'])
  })

  it("finds a lead's whole team, through the leads under them", () => {
    expect([...teamOf('m-02', members)].sort()).toEqual(['m-02', 'm-04', 'm-05', 'm-08', 'm-10'])
    expect(teamOf('m-01', members).size).toBe(9)
    expect([...teamOf('m-09', members)]).toEqual(['m-09'])
  })
})

describe('utilisation colours and bars', () => {
  it('is green below 70%, amber from 70% to 100%, red above 100%', () => {
    expect(loadLevel(0)).toBe('ok')
    expect(loadLevel(0.69)).toBe('ok')
    expect(loadLevel(0.7)).toBe('busy')
    expect(loadLevel(1)).toBe('busy')
    expect(loadLevel(1.01)).toBe('over')
    expect(loadLevel(null)).toBe('none')
  })

  it('decides on whole percents, so the colour agrees with the number shown', () => {
    expect(loadLevel(0.6996)).toBe('busy') // printed as 70%
    expect(loadLevel(1.004)).toBe('busy') // printed as 100%
  })

  it('follows edited thresholds', () => {
    const t = { underloadedBelow: 0.5, overloadedAbove: 0.9 }
    expect(loadLevel(0.55, t)).toBe('busy')
    expect(loadLevel(0.95, t)).toBe('over')
  })

  it('shares one track up to the highest value, between 150% and 300%', () => {
    expect(barScale([])).toBe(1.5)
    expect(barScale([0.4, null, 1.2])).toBe(1.5)
    expect(barScale([2.12])).toBe(2.5)
    expect(barScale([4.17])).toBe(3)
    expect(barPosition(1, 1.5)).toBeCloseTo(66.67, 1)
    expect(barPosition(4, 3)).toBe(100)
    expect(barPosition(-1)).toBe(0)
    expect(barPosition(Number.NaN)).toBe(0)
  })
})

describe('numbers and dates in the user’s language', () => {
  it('formats fractions as percentages with Intl', () => {
    expect(formatPercent('en', 0.7692)).toBe('77%')
    expect(formatPercent('ru', 2.1172)).toMatch(/^212\s%$/)
    expect(formatPercent('ru', null)).toBe('—')
  })

  it('formats load points to one decimal', () => {
    expect(formatPoints('ru', 12.25)).toBe('12,3')
    expect(formatPoints('en', 33.875)).toBe('33.9')
    expect(formatPoints('en', 16)).toBe('16')
  })

  it('formats local dates without a time-zone shift', () => {
    expect(formatDay('en', '2026-12-07')).toBe('Dec 7')
    expect(formatDays('en', '2026-12-07', '2026-12-11')).toBe('Dec 7 – Dec 11')
    expect(formatDays('en', '2026-12-07', '2026-12-07')).toBe('Dec 7')
    expect(formatDay('ru', '2026-11-23')).toMatch(/^23 нояб/)
    expect(formatDay('ru', 'soon')).toBe('soon')
  })
})

describe('drafts on the team view', () => {
  it('needs both days of an absence, the last not before the first', () => {
    expect(absenceProblem('', '2026-12-01')).toBe('from')
    expect(absenceProblem('2026-12-01', '')).toBe('to')
    expect(absenceProblem('2026-12-02', '2026-12-01')).toBe('order')
    expect(absenceProblem('2026-12-01', '2026-12-01')).toBeNull()
  })

  it('needs a contact and a company for a new client, and a score from 0 to 100 if any', () => {
    const ok = { name: 'Иван', company: 'ООО «Ромашка»', score: '' }
    expect(newClientProblem(ok)).toBeNull()
    expect(newClientProblem({ ...ok, name: '  ' })).toBe('name')
    expect(newClientProblem({ ...ok, company: '' })).toBe('company')
    expect(newClientProblem({ ...ok, score: '101' })).toBe('score')
    expect(newClientProblem({ ...ok, score: '4.5' })).toBe('score')
    expect(newClientProblem({ ...ok, score: '0' })).toBeNull()
  })

  it('starts a new client in the first live stage of the first phase', () => {
    const stage = (id: string, position: number, archived = false) =>
      ({ id, position, archived }) as never
    const journey = {
      roles: [],
      phases: [
        { id: 'sale', position: 2, stages: [stage('demo', 1)] },
        {
          id: 'acq',
          position: 1,
          stages: [stage('old', 0, true), stage('lead', 2), stage('q', 3)],
        },
      ],
    } as never
    expect(firstStage(journey)?.id).toBe('lead')
    expect(firstStage({ roles: [], phases: [] })).toBeNull()
  })

  it("reads both sides of a proposed move from the proposal's data", () => {
    const data = { weight: 3, from: { before: 1.2, after: 1 }, to: { before: 0.3, after: 0.5 } }
    expect(shiftOf({ data })).toEqual({ from: data.from, to: data.to })
    expect(shiftOf({ data: null })).toBeNull()
    expect(shiftOf({ data: { from: { before: 'x' } } })).toBeNull()
  })
})
