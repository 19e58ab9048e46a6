import { goalProgress, goalStatus } from '../../cloud/domain/plan'
import {
  complianceByRole,
  computeCompliance,
  type CoverageGroup,
  type Coverage,
  type PeriodVisits,
} from '../../cloud/domain/visit/compliance'
import { beijingDay, isFuture, slotLabel, slotStart, weekDays } from '../../cloud/domain/visit/calendar'
import { DEFAULT_VISIT_FREQUENCY, FREQUENCIES, periodOf, readVisitFrequency } from '../../cloud/domain/visit/periods'
import { coverageFor } from '../../cloud/workflows/visit-coverage'
import { seededRandom } from '../support/kept-counts'
import { summedByRole } from '../support/visit-standings'
import {
  allowedVisitMoves,
  nextVisitState,
  VISIT_MOVES,
  VISIT_STATES,
  type VisitMove,
  type VisitParty,
  type VisitState,
} from '../../cloud/domain/visit/rules'

const at = (iso: string) => Date.parse(iso)

describe('visit periods in Beijing', () => {
  it.each([
    // ISO weeks run Monday to Sunday; 2026-11-23 is a Monday.
    ['2026-11-23T00:00:00+08:00', '2026-W48', '2026-11-23T00:00:00+08:00', '2026-11-30T00:00:00+08:00'],
    ['2026-11-29T23:59:59+08:00', '2026-W48', '2026-11-23T00:00:00+08:00', '2026-11-30T00:00:00+08:00'],
    // Sunday 23:59 in Beijing is Sunday afternoon in UTC: still the same week.
    ['2026-11-22T23:59:00+08:00', '2026-W47', '2026-11-16T00:00:00+08:00', '2026-11-23T00:00:00+08:00'],
    // Monday 00:30 in Beijing is Sunday in UTC: already the next week.
    ['2026-11-23T00:30:00+08:00', '2026-W48', '2026-11-23T00:00:00+08:00', '2026-11-30T00:00:00+08:00'],
    // The ISO year: 2026-12-31 (Thursday) is in 2026-W53; 2027-01-03 (Sunday) still is.
    ['2026-12-31T12:00:00+08:00', '2026-W53', '2026-12-28T00:00:00+08:00', '2027-01-04T00:00:00+08:00'],
    ['2027-01-03T23:59:00+08:00', '2026-W53', '2026-12-28T00:00:00+08:00', '2027-01-04T00:00:00+08:00'],
    ['2027-01-04T00:00:00+08:00', '2027-W01', '2027-01-04T00:00:00+08:00', '2027-01-11T00:00:00+08:00'],
  ])('the week of %s is %s', (moment, key, from, to) => {
    expect(periodOf('week', at(moment))).toMatchObject({ key, from: at(from), to: at(to) })
  })

  it.each([
    ['2026-11-30T23:59:00+08:00', 'month', '2026-11', '2026-11-01T00:00:00+08:00', '2026-12-01T00:00:00+08:00'],
    ['2026-12-01T00:00:00+08:00', 'month', '2026-12', '2026-12-01T00:00:00+08:00', '2027-01-01T00:00:00+08:00'],
    ['2026-02-28T23:59:00+08:00', 'month', '2026-02', '2026-02-01T00:00:00+08:00', '2026-03-01T00:00:00+08:00'],
    ['2026-09-30T23:59:00+08:00', 'quarter', '2026-Q3', '2026-07-01T00:00:00+08:00', '2026-10-01T00:00:00+08:00'],
    ['2026-10-01T00:00:00+08:00', 'quarter', '2026-Q4', '2026-10-01T00:00:00+08:00', '2027-01-01T00:00:00+08:00'],
    ['2026-12-31T23:59:00+08:00', 'quarter', '2026-Q4', '2026-10-01T00:00:00+08:00', '2027-01-01T00:00:00+08:00'],
  ] as const)('%s is in the %s %s', (moment, frequency, key, from, to) => {
    expect(periodOf(frequency, at(moment))).toMatchObject({ key, from: at(from), to: at(to) })
  })

  it('reads the frequencies from configuration, and refuses a wrong one by name', () => {
    expect(readVisitFrequency({})).toEqual(DEFAULT_VISIT_FREQUENCY)
    expect(readVisitFrequency({ VISIT_FREQUENCY: 'officer:month, leader:month' })).toEqual({
      officer: 'month',
      dept_head: 'month',
      leader: 'month',
    })
    expect(() => readVisitFrequency({ VISIT_FREQUENCY: 'officer:fortnight' })).toThrow(/officer:fortnight/)
    expect(() => readVisitFrequency({ VISIT_FREQUENCY: 'owner:week' })).toThrow(/owner:week/)
  })
})

describe('half-day slots', () => {
  it('a slot begins at 9:00 or 14:30 Beijing time and can be booked only before then', () => {
    expect(slotStart('2026-11-25', 'am')).toBe(at('2026-11-25T09:00:00+08:00'))
    expect(slotStart('2026-11-25', 'pm')).toBe(at('2026-11-25T14:30:00+08:00'))
    expect(isFuture('2026-11-25', 'am', at('2026-11-25T08:59:00+08:00'))).toBe(true)
    expect(isFuture('2026-11-25', 'am', at('2026-11-25T09:00:00+08:00'))).toBe(false)
    expect(isFuture('2026-11-25', 'pm', at('2026-11-25T09:00:00+08:00'))).toBe(true)
  })

  it('days are Beijing days, and a week is Monday to Sunday', () => {
    expect(beijingDay(at('2026-11-24T16:30:00Z'))).toBe('2026-11-25')
    expect(weekDays('2026-11-25')).toEqual([
      '2026-11-23',
      '2026-11-24',
      '2026-11-25',
      '2026-11-26',
      '2026-11-27',
      '2026-11-28',
      '2026-11-29',
    ])
    expect(weekDays('2026-11-29')[0]).toBe('2026-11-23')
    expect(slotLabel('2026-11-25', 'pm', '2026-11-20')).toBe('11月25日 周三 下午')
    // Booked in late December for early January: the year is said.
    expect(slotLabel('2027-01-05', 'am', '2026-12-28')).toBe('2027年1月5日 周二 上午')
  })
})

describe('who may move a visit', () => {
  // Every state × party × action, written out by hand: what is not listed is refused.
  const expected: Record<string, VisitState> = {
    'requested owner reschedule': 'requested',
    'requested owner cancel': 'cancelled',
    'requested host confirm': 'confirmed',
    'requested host reschedule': 'proposed',
    'requested host decline': 'declined',
    'proposed owner confirm': 'confirmed',
    'proposed owner reschedule': 'requested',
    'proposed owner cancel': 'cancelled',
    'proposed host reschedule': 'proposed',
    'proposed host decline': 'declined',
    'confirmed owner reschedule': 'requested',
    'confirmed owner cancel': 'cancelled',
    'confirmed host reschedule': 'proposed',
    'confirmed host decline': 'declined',
    'confirmed host checkIn': 'confirmed',
    'confirmed host record': 'done',
    'done owner attest': 'done',
  }
  const cases = VISIT_STATES.flatMap((state) =>
    (['owner', 'host'] as VisitParty[]).flatMap((party) =>
      VISIT_MOVES.map((action) => [state, party, action] as [VisitState, VisitParty, VisitMove]),
    ),
  )

  it.each(cases)('%s, %s, %s', (state, party, action) => {
    expect(nextVisitState({ state, ownerConfirmedAt: null }, party, action)).toBe(expected[`${state} ${party} ${action}`] ?? null)
  })

  it('the owner vouches for a visit once, and onlookers can do nothing', () => {
    expect(nextVisitState({ state: 'done', ownerConfirmedAt: 1 }, 'owner', 'attest')).toBeNull()
    expect(allowedVisitMoves({ state: 'requested', ownerConfirmedAt: null }, null)).toEqual([])
    expect(allowedVisitMoves({ state: 'requested', ownerConfirmedAt: null }, 'host')).toEqual(['confirm', 'reschedule', 'decline'])
  })
})

describe('compliance', () => {
  const now = at('2026-11-25T10:00:00+08:00')
  const coverage: Coverage[] = [
    { personId: 'off-1', role: 'officer', enterpriseId: 'e1' },
    { personId: 'off-1', role: 'officer', enterpriseId: 'e2' },
    { personId: 'head-1', role: 'dept_head', enterpriseId: 'e1' },
    { personId: 'head-1', role: 'dept_head', enterpriseId: 'e2' },
    { personId: 'lead-1', role: 'leader', enterpriseId: 'e1' },
    { personId: 'lead-1', role: 'leader', enterpriseId: 'e2' },
    { personId: 'lead-1', role: 'leader', enterpriseId: 'e3' },
  ]
  const visit = (hostId: string, enterpriseId: string, week: boolean, month: boolean, quarter: boolean): PeriodVisits => ({
    hostId,
    enterpriseId,
    week,
    month,
    quarter,
  })

  it('measures each role against its own period and names who is behind', () => {
    const result = computeCompliance(
      coverage,
      [
        // off-1 saw e1 this week, e2 only earlier this month: behind on e2.
        visit('off-1', 'e1', true, true, true),
        visit('off-1', 'e2', false, true, true),
        // head-1 saw e2 this month; lead-1 saw e3 in October: this quarter.
        visit('head-1', 'e2', false, true, true),
        visit('lead-1', 'e3', false, false, true),
      ],
      DEFAULT_VISIT_FREQUENCY,
      now,
    )
    const byPerson = Object.fromEntries(result.people.map((p) => [p.personId, [p.period.key, p.covered, p.visited, p.behind]]))
    expect(byPerson).toEqual({
      'off-1': ['2026-W48', 2, 1, ['e2']],
      'head-1': ['2026-11', 2, 1, ['e1']],
      'lead-1': ['2026-Q4', 3, 1, ['e1', 'e2']],
    })
    // Those furthest behind come first.
    expect(result.people[0].personId).toBe('lead-1')
    // Nobody visited e3 this month (the leader's visit was in October).
    expect(result.unvisited).toEqual(['e3'])
  })

  it('a frequency is configuration: officers held to the month are not behind on e2', () => {
    const result = computeCompliance(
      coverage,
      [visit('off-1', 'e1', true, true, true), visit('off-1', 'e2', false, true, true)],
      { ...DEFAULT_VISIT_FREQUENCY, officer: 'month' },
      now,
    )
    expect(result.people.find((p) => p.personId === 'off-1')).toMatchObject({ visited: 2, behind: [] })
  })

  it('someone covering the same enterprise twice counts it once', () => {
    const result = computeCompliance([...coverage, coverage[0]], [], DEFAULT_VISIT_FREQUENCY, now)
    expect(result.people.find((p) => p.personId === 'off-1')).toMatchObject({ covered: 2, behind: ['e1', 'e2'] })
  })
})

describe("the dashboard's visits by role, from enterprises grouped by who covers them", () => {
  // Someone who covers in two roles (x-1: an officer somewhere, a head or a leader elsewhere, both
  // on one enterprise at times), departments without heads, enterprises nobody covers, and visits
  // by people who cover nothing there or to enterprises off the roster.
  const officers = ['off-1', 'off-2', 'off-3', 'x-1']
  const leaders = ['lead-1', 'lead-2', 'x-1']
  const departments = ['d1', 'd2', 'd3', null]

  function roster(random: () => number) {
    const pick = <T>(list: readonly T[]) => list[Math.floor(random() * list.length)]
    const heads = new Map<string | null, string[]>([
      ['d1', ['head-1']],
      ['d2', random() < 0.5 ? ['head-2', 'x-1'] : ['head-2']],
      ['d3', []],
    ])
    const rows = Array.from({ length: 1 + Math.floor(random() * 30) }, (_, i) => {
      const department_id = pick(departments)
      return {
        id: `e${String(i).padStart(2, '0')}`,
        officer_id: random() < 0.8 ? pick(officers) : null,
        leader_id: random() < 0.6 ? pick(leaders) : null,
        department_id,
        head_ids: heads.get(department_id) ?? [],
      }
    })
    const hosts = [...officers, ...leaders, 'head-1', 'head-2', 'z-9']
    const visits = new Map<string, PeriodVisits>()
    for (let n = Math.floor(random() * 40); n > 0; n--) {
      const visit = {
        hostId: pick(hosts),
        enterpriseId: random() < 0.9 ? pick(rows).id : 'gone-1',
        week: random() < 0.3,
        month: random() < 0.5,
        quarter: random() < 0.7,
      }
      visits.set(`${visit.hostId} ${visit.enterpriseId}`, visit)
    }
    const frequency = { officer: pick(FREQUENCIES), dept_head: pick(FREQUENCIES), leader: pick(FREQUENCIES) }
    return { rows, visits: [...visits.values()], frequency }
  }

  /** What listCoverageGroups and provenVisitsWithCoverage read, worked out here from the rows. */
  function grouped({ rows, visits }: ReturnType<typeof roster>) {
    const key = (r: (typeof rows)[number]) => JSON.stringify([r.officer_id, r.leader_id, r.department_id])
    const groups = new Map<string, CoverageGroup>()
    for (const r of rows) {
      const group = groups.get(key(r))
      if (group) group.enterprises++
      else
        groups.set(key(r), {
          officerId: r.officer_id,
          leaderId: r.leader_id,
          departmentId: r.department_id,
          headIds: r.head_ids,
          enterprises: 1,
        })
    }
    const byId = new Map(rows.map((r) => [r.id, r]))
    const covered = visits.flatMap((v) => {
      const r = byId.get(v.enterpriseId)
      return r ? [{ ...v, officerId: r.officer_id, leaderId: r.leader_id, departmentId: r.department_id }] : []
    })
    return { groups: [...groups.values()], visits: covered }
  }

  it('equal computeCompliance summed by role, on 300 random rosters', () => {
    const random = seededRandom(20261202)
    const now = Date.parse('2026-11-25T10:00:00+08:00')
    for (let round = 0; round < 300; round++) {
      const town = roster(random)
      const result = computeCompliance(coverageFor(town.rows, { id: 'lead-1', role: 'leader' }), town.visits, town.frequency, now)
      const { groups, visits } = grouped(town)
      expect({ round, ...complianceByRole(groups, visits, town.frequency) }).toEqual({ round, ...summedByRole(result, town.frequency) })
    }
  })
})

describe('who covers an enterprise', () => {
  // A department with two heads, and an enterprise that nobody has been assigned yet.
  const rows = [
    { id: 'e1', officer_id: 'off-1', leader_id: 'lead-1', department_id: 'd1', head_ids: ['head-1', 'head-2'] },
    { id: 'e2', officer_id: 'off-2', leader_id: null, department_id: 'd1', head_ids: ['head-1', 'head-2'] },
    { id: 'e3', officer_id: null, leader_id: null, department_id: null, head_ids: [] },
  ]
  const entries = (caller: { id: string; role: 'officer' | 'dept_head' | 'leader' | 'admin' }) =>
    coverageFor(rows, caller).map((c) => `${c.personId} ${c.role} ${c.enterpriseId}`)

  it('its officer, every head of its department and its leader, each once', () => {
    expect(entries({ id: 'admin-1', role: 'admin' })).toEqual([
      'off-1 officer e1',
      'head-1 dept_head e1',
      'head-2 dept_head e1',
      'lead-1 leader e1',
      'off-2 officer e2',
      'head-1 dept_head e2',
      'head-2 dept_head e2',
    ])
  })

  it('an officer answers for their own visits; a head for their own and the officers', () => {
    expect(entries({ id: 'off-2', role: 'officer' })).toEqual(['off-2 officer e2'])
    expect(entries({ id: 'head-2', role: 'dept_head' })).toEqual([
      'off-1 officer e1',
      'head-2 dept_head e1',
      'off-2 officer e2',
      'head-2 dept_head e2',
    ])
  })
})

describe('check-in', () => {
  it('is made once, on arrival', () => {
    expect(nextVisitState({ state: 'confirmed', ownerConfirmedAt: null, checkedInAt: null }, 'host', 'checkIn')).toBe('confirmed')
    expect(nextVisitState({ state: 'confirmed', ownerConfirmedAt: null, checkedInAt: 5 }, 'host', 'checkIn')).toBeNull()
  })
})

describe('goals (一个目标)', () => {
  const goal = (target: number, actual: number | null, due_on = '2026-03-20') => ({ target, actual, due_on })
  it.each([
    [goal(5, 5), '2026-03-01', 'met'],
    [goal(5, 6), '2026-04-01', 'met'],
    [goal(5, 4.9), '2026-03-01', 'open'],
    [goal(5, null), '2026-03-13', 'due_soon'],
    [goal(5, null), '2026-03-20', 'due_soon'],
    [goal(5, 4), '2026-03-21', 'overdue'],
  ] as const)('%o on %s is %s', (g, today, status) => {
    expect(goalStatus(g, today)).toBe(status)
  })
  it('measures progress capped at 1, none before a figure', () => {
    expect(goalProgress(goal(5, null))).toBeNull()
    expect(goalProgress(goal(5, 2))).toBe(0.4)
    expect(goalProgress(goal(5, 9))).toBe(1)
    expect(goalProgress(goal(0, 0))).toBe(1)
  })
})
