import { defaultReviewTitle, stageMoveSince } from '../../cloud/domain/project/review'
import type { Store } from '../../cloud/store/connect'
import { apiAs } from '../support/api'
import { makeServices, makeStore } from '../support/services'
import { town } from '../support/town'

describe('半年观摩 rules (pure)', () => {
  it('names a review by the half of the year its day falls in', () => {
    expect(defaultReviewTitle('2026-06-30')).toBe('2026年上半年重点项目观摩')
    expect(defaultReviewTitle('2026-07-01')).toBe('2026年下半年重点项目观摩')
    expect(defaultReviewTitle('2027-01-01')).toBe('2027年上半年重点项目观摩')
  })

  it('says how a stage moved since, and nothing when it has not moved or the project is gone', () => {
    expect(stageMoveSince('signed', 'started')).toBe('签约 → 开工')
    expect(stageMoveSince('started', 'land')).toBe('开工 → 拿地')
    expect(stageMoveSince('started', 'started')).toBeNull()
    expect(stageMoveSince('started', null)).toBeNull()
  })
})

/** A review taken on 30 June 2026 (Beijing), read again in August after one project moved on. */
describe('project.takeReview / reviews / review', () => {
  let store: Store
  let setup: ReturnType<typeof makeServices>
  let api: ReturnType<typeof apiAs>
  const admin = town.admin.id
  const mayor = town.leaders.mayor.id

  beforeEach(async () => {
    store = await makeStore()
    setup = makeServices(store, { now: '2026-05-10T09:00:00+08:00' })
    api = apiAs(setup.services)
  })
  afterEach(() => store.close())

  const create = (name: string, investment: number) =>
    api.call(admin, 'project.save', {
      name,
      enterpriseId: town.enterprises.medPack.id,
      investment,
      leaderId: mayor,
      secretaryId: town.officer.id,
    })

  it('copies every project as it stands that day; later changes leave the record as it was and show as moves', async () => {
    const vials = await create('西林瓶扩产', 10.6)
    const drums = await create('塑料桶生产线', 1.25)
    for (const [title, plannedOn] of [
      ['取得施工许可', '2026-05-20'],
      ['桩基完成', '2026-06-10'],
      ['主体封顶', '2026-09-30'],
    ])
      await api.call(admin, 'project.saveMilestone', { projectId: vials.id, title, plannedOn })
    const permit = (await api.call(admin, 'project.get', { id: vials.id })).milestones.find((m) => m.title === '取得施工许可')!
    await api.call(town.officer.id, 'project.completeMilestone', { id: permit.id, doneOn: '2026-05-10' })
    await api.call(town.officer.id, 'project.reportProgress', { projectId: vials.id, month: '2026-04', note: '完成场地平整' })
    await api.call(town.officer.id, 'project.reportProgress', { projectId: vials.id, month: '2026-05', note: '桩基施工过半' })
    await api.call(town.officer.id, 'project.raiseProblem', {
      projectId: drums.id,
      category: '水电气路',
      title: '施工用电未接入',
      description: '项目工地临时用电迟迟没有接入，影响设备安装。',
    })

    setup.clock.set('2026-06-30T15:00:00+08:00')
    const form = { clientRequestId: 'req-review-2026h1' }
    const review = await api.call(mayor, 'project.takeReview', form)
    expect(review).toMatchObject({
      title: '2026年上半年重点项目观摩',
      takenOn: '2026-06-30',
      takenByName: town.leaders.mayor.name,
      projects: 2,
      investment: 11.85,
      behind: 1,
    })
    expect(review.items).toEqual([
      {
        projectId: drums.id,
        name: '塑料桶生产线',
        enterpriseName: town.enterprises.medPack.name,
        investment: 1.25,
        stageLabel: '签约',
        movedSince: null,
        leaderName: town.leaders.mayor.name,
        secretaryName: town.officer.name,
        milestonesDone: 0,
        milestonesTotal: 0,
        milestonesBehind: 0,
        openProblems: 1,
        progressMonth: null,
        progressNote: null,
      },
      expect.objectContaining({
        projectId: vials.id,
        milestonesDone: 1,
        milestonesTotal: 3,
        milestonesBehind: 1,
        openProblems: 0,
        progressMonth: '2026-05',
        progressNote: '桩基施工过半',
      }),
    ])
    // A doubled tap records it once.
    expect((await api.call(mayor, 'project.takeReview', form)).id).toBe(review.id)
    expect(await api.call(town.officers.finance.id, 'project.reviews', {})).toEqual({ items: [expect.objectContaining({ id: review.id })] })

    // In August: a stage moved and a milestone was done; the record stays as it was, the move shows.
    setup.clock.set('2026-08-03T10:00:00+08:00')
    await api.call(mayor, 'project.advanceStage', { id: vials.id, version: vials.version, stage: 'started' })
    const piles = (await api.call(admin, 'project.get', { id: vials.id })).milestones.find((m) => m.title === '桩基完成')!
    await api.call(town.officer.id, 'project.completeMilestone', { id: piles.id, doneOn: '2026-08-01' })
    const later = await api.call(town.officer.id, 'project.review', { id: review.id })
    expect(later.items.find((i) => i.projectId === vials.id)).toMatchObject({
      stageLabel: '签约',
      movedSince: '签约 → 开工',
      milestonesDone: 1,
      milestonesBehind: 1,
    })
    const second = await api.call(admin, 'project.takeReview', { clientRequestId: 'req-review-2026h2', title: '八月专项观摩' })
    expect((await api.call(mayor, 'project.reviews', {})).items.map((r) => r.title)).toEqual(['八月专项观摩', '2026年上半年重点项目观摩'])
    expect(second.items.find((i) => i.projectId === vials.id)).toMatchObject({
      stageLabel: '开工',
      movedSince: null,
      milestonesDone: 2,
      milestonesBehind: 0,
    })
  })

  it('is taken by leaders and admins only, of a town that has projects; an unknown record is 404', async () => {
    expect((await api.fail(mayor, 'project.takeReview', { clientRequestId: 'req-review-empty' })).status).toBe(409)
    await create('西林瓶扩产', 10.6)
    expect((await api.fail(town.officer.id, 'project.takeReview', { clientRequestId: 'req-review-officer' })).status).toBe(403)
    expect((await api.fail(town.enterprises.medPack.owner.id, 'project.reviews', {})).status).toBe(403)
    expect((await api.fail(mayor, 'project.review', { id: 'prv-nowhere' })).status).toBe(404)
    expect(await store.db.selectFrom('project_reviews').selectAll().execute()).toEqual([])
  })
})
