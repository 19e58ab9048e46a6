import type { Caller } from '../../cloud/app/context'
import { dispatch } from '../../cloud/app/router'
import type { AppealDetail } from '../../cloud/contract'
import { findUserById } from '../../cloud/store/repositories/users'
import { org } from '../../seeds/org'
import { makeServices } from '../support/services'
import { phonePage, see, shoot, signInAs, startHarness, tapText, type Harness } from './browser'

jest.setTimeout(120_000)

describe('[领导看板] 浏览器旅程', () => {
  let harness: Harness
  beforeAll(async () => {
    harness = await startHarness()
  })
  afterAll(() => harness?.close())

  it('[领导看板] 领导打开看板，看到本月三率、通报摘要和部门排名', async () => {
    const enterprise = org.enterprises[0]
    const services = makeServices(harness.store, { now: Date.now() }).services
    const as = async (id: string): Promise<Caller> => ({ kind: 'user', user: (await findUserById(harness.store.db, id))! })
    for (const [i, category] of ['融资', '水电气路'].entries()) {
      const created = (await dispatch(services, await as(enterprise.owner.id), 'appeal.create', { clientRequestId: `req-dash-${Date.now()}-${i}`, category, title: `看板诉求${i}`, description: '用于领导看板的诉求内容。', contactName: '赵全胜', contactPhone: '13800001111' })).body as { data: AppealDetail }
      const accepted = (await dispatch(services, await as(enterprise.officerId), 'appeal.accept', { id: created.data.id, version: created.data.version })).body as { data: AppealDetail }
      if (i === 0) await dispatch(services, await as(enterprise.officerId), 'appeal.resolve', { id: created.data.id, version: accepted.data.version, outcome: '协调银行放贷', helpKind: 'new_loan', helpAmount: 3_000_000 })
    }

    const leader = org.users.find((u) => u.role === 'leader')!
    const { page, errors } = await phonePage(harness)
    await signInAs(page, harness, leader.name)
    await tapText(page, '我的')
    await tapText(page, '领导看板')
    await page.waitForURL(/packageLeader\/pages\/dashboard/)
    await see(page, '通报摘要')
    await see(page, '响应率')
    await see(page, '部门排名')
    await see(page, '为 1 家企业新增贷款 300 万元')
    await shoot(page, 'leader-dashboard', { fullPage: true })
    expect(errors).toEqual([])
  })
})
