import { COMPONENTS, DEFAULT_WEIGHTS, type AssessmentWeights } from '../../cloud/domain/assessment'
import type { Store } from '../../cloud/store/connect'
import { apiAs } from '../support/api'
import { makeServices, makeStore } from '../support/services'
import { town } from '../support/town'

const ZERO = Object.fromEntries(COMPONENTS.map((c) => [c, 0])) as AssessmentWeights

/**
 * 年终一考核 from all sources, for 金融服务办 over 2026-Q1, read on 2 March 2026:
 * - 督查: two findings recorded 5 January (due 26 January); one answered in time and closed, one never answered: 1 of 2;
 * - 帮扶: its officer's help to 禾丰食品, confirmed by the owner: 1 of 1;
 * - 项目: one project, its officer the secretary, a milestone planned 1 February and not done: 0 of 1.
 */
describe('department assessment from all sources', () => {
  let store: Store
  let setup: ReturnType<typeof makeServices>
  let api: ReturnType<typeof apiAs>
  const finance = town.departments.finance.id
  const admin = town.admin.id

  beforeEach(async () => {
    store = await makeStore()
    setup = makeServices(store, { now: '2026-01-05T10:00:00+08:00' })
    api = apiAs(setup.services)
    const inspection = await api.call(admin, 'inspection.record', {
      departmentId: finance,
      period: '2026-Q1',
      inspectedOn: '2026-01-05',
      summary: '季度督查',
      findings: ['融资台账不全', '回访记录缺失'],
    })
    const help = await api.call(town.officers.finance.id, 'help.record', {
      enterpriseIds: [town.enterprises.grainFoods.id],
      kind: 'new_loan',
      amount: 300,
      givenOn: '2026-01-05',
      note: '银企对接',
    })
    await api.call(town.enterprises.grainFoods.owner.id, 'help.confirm', { id: help.entries[0].id })
    const project = await api.call(admin, 'project.save', {
      name: '禾丰食品扩产',
      enterpriseId: town.enterprises.grainFoods.id,
      investment: 1.2,
      leaderId: town.leaders.mayor.id,
      secretaryId: town.officers.finance.id,
    })
    await api.call(admin, 'project.saveMilestone', { projectId: project.id, title: '开工', plannedOn: '2026-02-01' })
    setup.clock.set('2026-01-10T10:00:00+08:00')
    const [first] = inspection.findings
    await api.call(town.heads.finance.id, 'inspection.answer', { id: first.id, version: 0, answer: '已补齐台账' })
    await api.call(admin, 'inspection.close', { id: first.id, version: 1 })
    setup.clock.set('2026-03-02T10:00:00+08:00')
  })
  afterEach(() => store.close())

  const financeOf = async (period: string) =>
    (await api.call(town.leader.id, 'bulletin.assessment', { period })).departments.find((d) => d.departmentId === finance)!

  it('every component carries its counts and the page that lists them', async () => {
    const row = await financeOf('2026-Q1')
    const byName = Object.fromEntries(row.components.map((c) => [c.component, c]))
    expect(row.components.map((c) => c.component)).toEqual([...COMPONENTS])
    expect(byName.inspectionRate).toMatchObject({
      label: '督查整改按期率',
      done: 1,
      due: 2,
      rate: 0.5,
      counts: ['按期整改销号', '到期督查问题'],
    })
    expect(byName.helpRate).toMatchObject({ done: 1, due: 1, rate: 1 })
    expect(byName.projectRate).toMatchObject({ done: 0, due: 1, rate: 0 })
    expect(byName.inspectionRate.link).toBe(
      `/packageLeader/pages/assessment-items/index?period=2026-Q1&departmentId=${finance}&component=inspectionRate`,
    )
    expect(byName.responseRate.link).toMatch(/^\/packageLeader\/pages\/drill\/index\?period=2026-Q1&measure=respondedOnTime/)
    // The drill lists what the figure counted, and agrees with it.
    const items = await api.call(town.leader.id, 'assessment.items', {
      period: '2026-Q1',
      departmentId: finance,
      component: 'inspectionRate',
    })
    expect(items).toMatchObject({ departmentName: '金融服务办', done: 1, due: 2 })
    expect(items.items).toEqual([
      { label: '融资台账不全', done: true },
      { label: '回访记录缺失', done: false },
    ])
    expect(
      (await api.call(town.leader.id, 'assessment.items', { period: '2026-Q1', departmentId: finance, component: 'projectRate' })).items,
    ).toEqual([{ label: '禾丰食品扩产', done: false }])
  })

  it('counts a project where the bulletin does: for its enterprise’s 包抓部门 before its secretary’s', async () => {
    const medPack = town.enterprises.medPack
    expect(medPack.department_id).not.toBe(finance)
    setup.clock.set('2026-01-20T10:00:00+08:00')
    const project = await api.call(admin, 'project.save', {
      name: '药包材扩能',
      enterpriseId: medPack.id,
      investment: 2,
      leaderId: town.leaders.mayor.id,
      secretaryId: town.officers.finance.id,
    })
    await api.call(admin, 'project.saveMilestone', { projectId: project.id, title: '开工', plannedOn: '2026-02-01' })
    setup.clock.set('2026-03-02T10:00:00+08:00')
    const projects = async (departmentId: string) =>
      (await api.call(town.leader.id, 'assessment.items', { period: '2026-Q1', departmentId, component: 'projectRate' })).items
    expect(await projects(finance)).toEqual([{ label: '禾丰食品扩产', done: false }])
    expect(await projects(medPack.department_id)).toEqual([{ label: '药包材扩能', done: false }])
    const { sections } = await api.call(town.leader.id, 'bulletin.month', { month: '2026-02' })
    expect(sections.find((s) => s.departmentId === medPack.department_id)?.projects).toMatchObject({ projects: 1, dueMilestones: 1 })
    expect(sections.find((s) => s.departmentId === finance)?.projects).toMatchObject({ projects: 1, dueMilestones: 1 })
  })

  it('the town’s weights, saved in the app, score it: (0.5×½ + 0.25×1 + 0.25×0) = 50; the year counts the same', async () => {
    const weights = { ...ZERO, inspectionRate: 0.5, helpRate: 0.25, projectRate: 0.25 }
    expect(await api.call(admin, 'assessment.saveWeights', { weights })).toEqual({ weights, source: 'town' })
    expect(await financeOf('2026-Q1')).toMatchObject({ score: 50, grade: '不合格', rank: 1 })
    expect(await financeOf('2026')).toMatchObject({ score: 50 })
    const audit = await store.db.selectFrom('audit_log').select('summary').where('entity_id', '=', 'assessment.weights').execute()
    expect(audit).toHaveLength(1)
    // Departments with nothing counted under these weights have no score.
    const all = await api.call(admin, 'bulletin.assessment', { period: '2026-Q1' })
    expect(all.weightsSource).toBe('town')
    expect(all.departments.find((d) => d.departmentId === town.departments.safety.id)).toMatchObject({ score: null, rank: null })
  })

  it('refuses weights that do not sum to 1, naming the field in Chinese, and keeps the ones in force', async () => {
    const reply = await api.fail(admin, 'assessment.saveWeights', { weights: { ...DEFAULT_WEIGHTS, helpRate: 0.15 } })
    expect(reply.status).toBe(400)
    expect(reply.body).toMatchObject({ error: { field: 'weights', message: '「各项权重」(weights)：各项权重之和应为 1（现为 1.1）' } })
    const negative = await api.fail(admin, 'assessment.saveWeights', { weights: { ...DEFAULT_WEIGHTS, helpRate: -0.05 } })
    expect(negative.body).toMatchObject({
      error: { field: 'weights.helpRate', message: expect.stringContaining('帮扶确认率的权重不能为负数') },
    })
    expect(await api.call(admin, 'assessment.weights', {})).toEqual({ weights: DEFAULT_WEIGHTS, source: 'host' })
    expect((await api.fail(town.leader.id, 'assessment.saveWeights', { weights: DEFAULT_WEIGHTS })).status).toBe(403)
  })

  it('the host’s weights stay the fallback until the town sets its own', async () => {
    const hostWeights = { ...ZERO, helpRate: 1 }
    const hosted = apiAs({ ...setup.services, assessmentWeights: hostWeights })
    expect(await hosted.call(admin, 'assessment.weights', {})).toEqual({ weights: hostWeights, source: 'host' })
    const row = (await hosted.call(admin, 'bulletin.assessment', { period: '2026-Q1' })).departments.find((d) => d.departmentId === finance)
    expect(row).toMatchObject({ score: 100, grade: '优秀' })
  })

  it('the appeals drill takes the assessment period', async () => {
    const page = await api.call(town.leader.id, 'bulletin.appeals', { period: '2026-Q1', measure: 'received', departmentId: finance })
    expect(page.total).toBe(0)
    expect((await api.fail(town.leader.id, 'bulletin.appeals', { measure: 'received' })).body).toMatchObject({ error: { field: 'month' } })
  })
})
