import type { Store } from '../../cloud/store/connect'
import { fixedClock } from '../../cloud/domain/clock'
import { DEFAULT_VISIT_FREQUENCY, FREQUENCIES, type VisitFrequency } from '../../cloud/domain/visit/periods'
import type { VisitRow } from '../../cloud/store/repositories/visits'
import { computeVisitCompliance, visitStandingsByRole } from '../../cloud/workflows/visit-coverage'
import { DAY } from '../../cloud/domain/time-units'
import { makeDepartment, makeEnterprise, makeHead, makeLeader, makeOfficer } from '../support/factories'
import { seededRandom } from '../support/kept-counts'
import { makeStore } from '../support/services'
import { summedByRole } from '../support/visit-standings'

/**
 * The dashboard's visits by role, read from the enterprises grouped by who covers them
 * (listCoverageGroups, provenVisitsWithCoverage), equal visit.compliance's reading of the same town
 * one enterprise at a time, summed by role: on random towns with a head who is an enterprise's
 * officer too, a closed head's account, departments without a head, enterprises nobody covers or
 * off the roster, and visits unproven, outside the quarter or by someone who covers nothing there.
 */
describe("the dashboard's visits by role on the database", () => {
  let store: Store
  beforeEach(async () => {
    store = await makeStore({ seed: false })
  })
  afterEach(() => store.close())

  const now = Date.parse('2026-11-25T10:00:00+08:00')

  it("take a person's role from the first enterprise they cover by id, whatever the order of their groups", async () => {
    // u-a leads e-1 and, an officer before, is still e-2's officer: the leader's role comes first.
    // Their groups' keys sort the other way ([u-a, …] before [u-b, …]).
    const leader = makeLeader({ id: 'u-a' })
    await store.db
      .insertInto('users')
      .values([leader, makeOfficer({ id: 'u-b' })])
      .execute()
    await store.db
      .insertInto('enterprises')
      .values([makeEnterprise({ id: 'e-1', officer_id: 'u-b', leader_id: 'u-a' }), makeEnterprise({ id: 'e-2', officer_id: 'u-a' })])
      .execute()
    const ctx = { db: store.db, clock: fixedClock(now) }
    const standings = await visitStandingsByRole(ctx, now, DEFAULT_VISIT_FREQUENCY)
    expect(standings).toEqual(
      summedByRole((await computeVisitCompliance(ctx, leader, now, DEFAULT_VISIT_FREQUENCY)).result, DEFAULT_VISIT_FREQUENCY),
    )
    expect(standings.roles.map((r) => [r.role, r.people, r.covered])).toEqual([
      ['officer', 1, 1],
      ['dept_head', 0, 0],
      ['leader', 1, 2],
    ])
  })

  it.each([1, 2, 3])('equal visit.compliance summed by role (town %i)', async (seed) => {
    const random = seededRandom(seed)
    const pick = <T>(list: readonly T[]) => list[Math.floor(random() * list.length)]
    const departments = [makeDepartment(), makeDepartment(), makeDepartment()]
    const officers = [0, 1, 2].map((i) => makeOfficer({ department_id: departments[i].id }))
    const leaders = [makeLeader(), makeLeader()]
    const heads = [
      makeHead({ department_id: departments[0].id }),
      // A head who still is the officer of some enterprises, from before (see below).
      makeHead({ department_id: departments[1].id }),
      makeHead({ department_id: departments[1].id, deactivated_at: now - DAY }),
    ]
    await store.db.insertInto('departments').values(departments).execute()
    await store.db
      .insertInto('users')
      .values([...officers, ...leaders, ...heads])
      .execute()
    const enterprises = Array.from({ length: 40 }, () =>
      makeEnterprise({
        officer_id: random() < 0.8 ? pick([...officers, heads[1]]).id : null,
        leader_id: random() < 0.6 ? pick(leaders).id : null,
        department_id: random() < 0.9 ? pick(departments).id : null,
        deactivated_at: random() < 0.1 ? now - DAY : null,
      }),
    )
    await store.db.insertInto('enterprises').values(enterprises).execute()
    const hosts = [...officers, ...leaders, ...heads].map((u) => u.id)
    const visits = Array.from({ length: 60 }, (_, i): VisitRow => {
      // From a hundred days back (before the quarter began on 1 October) to now.
      const visitedAt = now - Math.floor(random() * 100 * DAY)
      return {
        id: `v-${seed}-${i}`,
        enterprise_id: pick(enterprises).id,
        host_id: pick(hosts),
        host_role: 'officer',
        kind: 'visit',
        origin: 'proactive',
        requested_by: null,
        client_request_id: null,
        topic: '走访',
        appeal_id: null,
        day: '2026-11-01',
        half: 'am',
        state: 'done',
        held_slot: null,
        quota_key: null,
        note: '',
        checked_in_at: visitedAt,
        checkin_lat: null,
        checkin_lng: null,
        owner_confirmed_at: null,
        proven: random() < 0.85 ? 1 : 0,
        visited_at: visitedAt,
        record: null,
        internal_note: '',
        reminded_at: null,
        version: 1,
        created_at: visitedAt,
        updated_at: visitedAt,
      }
    })
    await store.db.insertInto('visits').values(visits).execute()

    const frequency: VisitFrequency = { officer: pick(FREQUENCIES), dept_head: pick(FREQUENCIES), leader: pick(FREQUENCIES) }
    const ctx = { db: store.db, clock: fixedClock(now) }
    const { result } = await computeVisitCompliance(ctx, leaders[0], now, frequency)
    const standings = await visitStandingsByRole(ctx, now, frequency)
    expect(standings).toEqual(summedByRole(result, frequency))
    // The town is not trivial: people in every role, some behind, some visits counted.
    expect(standings.roles.every((r) => r.people > 0)).toBe(true)
    expect(standings.roles.some((r) => r.visited > 0)).toBe(true)
  })
})
