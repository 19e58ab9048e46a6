import type { Store } from '../../cloud/store/connect'
import { apiAs } from '../support/api'
import { makeServices, makeStore } from '../support/services'
import { town } from '../support/town'

/**
 * Create-like actions done once per client request id (the app makes one per form): a doubled tap
 * or a retry after a lost answer makes one thing, and answers it, even when the two arrive together.
 */
describe('one request, one result', () => {
  let store: Store
  let api: ReturnType<typeof apiAs>
  const count = async (table: 'visits' | 'appeals' | 'policies' | 'exhibitions' | 'exhibitors' | 'plan_milestones') =>
    Number(
      (
        await store.db
          .selectFrom(table)
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    )

  beforeEach(async () => {
    store = await makeStore()
    api = apiAs(makeServices(store).services)
  })
  afterEach(() => store.close())

  it('two identical visit records at once make one visit and one appeal per problem', async () => {
    const e = town.enterprises.medPack
    const record = {
      clientRequestId: 'record-form-0001',
      enterpriseId: e.id,
      participants: town.officer.name,
      situation: { production: '正常' },
      problems: [{ category: '用工' as const, title: '缺操作工', description: '二期投产后缺少吹塑操作工，希望对接招聘会。' }],
    }
    const [visitsBefore, appealsBefore] = [await count('visits'), await count('appeals')]
    const [a, b] = await Promise.all([api.call(town.officer.id, 'visit.record', record), api.call(town.officer.id, 'visit.record', record)])
    expect(a.id).toBe(b.id)
    expect(await count('visits')).toBe(visitsBefore + 1)
    expect(await count('appeals')).toBe(appealsBefore + 1)
    // And a retry later answers the same visit.
    expect((await api.call(town.officer.id, 'visit.record', record)).id).toBe(a.id)
    expect(await count('visits')).toBe(visitsBefore + 1)
    // A new form is a new visit.
    expect((await api.call(town.officer.id, 'visit.record', { ...record, clientRequestId: 'record-form-0002' })).id).not.toBe(a.id)
  })

  it('a draft policy, an exhibition, a booth and a milestone are each made once per form', async () => {
    const admin = town.admin.id
    const policy = {
      clientRequestId: 'policy-form-0001',
      title: '技改补助（示例）',
      issuer: '产业服务办',
      category: '产业扶持' as const,
      effectiveFrom: '2026-03-01',
      summary: '一句话看懂：技改可申请补助。',
      body: '## 谁能享受\n企业\n\n## 能享受什么\n补助\n\n## 怎么办理\n申报',
    }
    const policiesBefore = await count('policies')
    const [p1, p2] = await Promise.all([api.call(admin, 'policy.save', policy), api.call(admin, 'policy.save', policy)])
    expect(p1.id).toBe(p2.id)
    expect(await count('policies')).toBe(policiesBefore + 1)

    const expo = {
      clientRequestId: 'expo-form-0001',
      name: '第五届展会',
      venue: '会展中心',
      startsOn: '2026-10-28',
      endsOn: '2026-10-30',
      boothCount: 10,
    }
    const exhibitionsBefore = await count('exhibitions')
    const [x1, x2] = await Promise.all([api.call(admin, 'expo.save', expo), api.call(admin, 'expo.save', expo)])
    expect(x1.id).toBe(x2.id)
    expect(await count('exhibitions')).toBe(exhibitionsBefore + 1)

    const booth = {
      clientRequestId: 'booth-form-0001',
      exhibitionId: x1.id,
      name: '外地展商',
      boothNo: 'A1',
      hall: '1号馆',
      contactName: '王五',
      contactPhone: '13800000000',
    }
    const boothsBefore = await count('exhibitors')
    await Promise.all([api.call(admin, 'expo.saveExhibitor', booth), api.call(admin, 'expo.saveExhibitor', booth)])
    expect(await count('exhibitors')).toBe(boothsBefore + 1)

    const head = town.heads.industry.id
    const milestone = {
      clientRequestId: 'milestone-form-0001',
      enterpriseId: town.enterprises.medPack.id,
      title: '竣工验收',
      dueOn: '2026-03-20',
    }
    const milestonesBefore = await count('plan_milestones')
    await Promise.all([api.call(head, 'plan.saveMilestone', milestone), api.call(head, 'plan.saveMilestone', milestone)])
    expect(await count('plan_milestones')).toBe(milestonesBefore + 1)
  })

  it('a request id used for one action is refused for another', async () => {
    const admin = town.admin.id
    await api.call(admin, 'expo.save', {
      clientRequestId: 'shared-id-0001',
      name: '展会',
      venue: '会展中心',
      startsOn: '2026-10-28',
      endsOn: '2026-10-30',
      boothCount: 10,
    })
    const reused = await api.fail(admin, 'policy.save', {
      clientRequestId: 'shared-id-0001',
      title: '技改补助（示例）',
      issuer: '产业服务办',
      category: '产业扶持',
      effectiveFrom: '2026-03-01',
      summary: '一句话看懂：技改可申请补助。',
      body: '## 谁能享受\n企业\n\n## 能享受什么\n补助\n\n## 怎么办理\n申报',
    })
    expect(reused).toMatchObject({ status: 409, body: { error: { code: 'CONFLICT' } } })
  })
})
