import { Caller } from '../../cloud/actions/context'
import { dispatch } from '../../cloud/app/router'
import type { PolicySource } from '../../cloud/contract'
import { findUserById } from '../../cloud/store/repositories/users'
import { town } from '../support/town'
import { makeServices } from '../support/services'
import { phonePage, see, shoot, signInAs, startHarness, tapText, typeInto, type Harness, viewFiledAppeal } from './browser'

jest.setTimeout(120_000)

describe('[政策推荐] 浏览器旅程', () => {
  let harness: Harness
  beforeAll(async () => {
    harness = await startHarness()
  })
  afterAll(() => harness?.close())

  it('[政策推荐] 管理员发布适用政策，企业收到消息、在为我推荐看到理由，打开后我要咨询生成诉求；特派员看到触达', async () => {
    const enterprise = town.all.enterprises.find((e) => e.industry === '药包材' && e.kind === '规上企业')!
    const officer = town.all.staff.find((u) => u.id === enterprise.officer_id)!
    // Each attempt (a journey may be run once more) writes its own policy.
    const tag = Date.now() % 100000
    const title = `药包材企业技改补助（${tag}）`
    const services = makeServices(harness.store, { now: Date.now() }).services
    const admin: Caller = { kind: 'user', user: (await findUserById(harness.store.db, town.admin.id))! }
    const saved = await dispatch(services, admin, 'policy.save', {
      clientRequestId: `e2e-policy-form-${tag}`,
      title,
      issuer: '沧县工业和信息化局',
      category: '产业扶持',
      effectiveFrom: '2026-01-01',
      summary: '一句话看懂：规上药包材企业今年的技改项目可申请补助。',
      industries: ['药包材'],
      kinds: ['规上企业'],
      body: '## 谁能享受\n规上药包材企业。\n\n## 能享受什么\n按设备投资的一定比例补助，具体以申报通知为准。\n\n## 怎么办理\n向驻企特派员报名，由产业服务办统一申报。',
    })
    const id = (saved.body as { data: PolicySource }).data.id
    expect((await dispatch(services, admin, 'policy.publish', { id })).status).toBe(200)

    const owner = await phonePage(harness)
    await signInAs(owner.page, harness, enterprise.owner.name)
    await tapText(owner.page, '我的')
    // A retried attempt published its own policy too: the count is at least one, this one's message is there.
    await see(owner.page, '条未读', { exact: false })
    await tapText(owner.page, '消息')
    await see(owner.page, `${title}：一句话看懂：规上药包材企业今年的技改项目可申请补助。`)
    await shoot(owner.page, 'messages', { fullPage: true })
    await owner.page.goBack()
    await owner.page.waitForURL(/pages\/me\/index/)

    await tapText(owner.page, '政策')
    await see(owner.page, '为我推荐')
    await see(owner.page, '适用于药包材行业、规上企业')
    await shoot(owner.page, 'policies-recommended', { fullPage: true })
    await tapText(owner.page, title)
    await owner.page.waitForURL(/pages\/policy-detail\/index/)
    await see(owner.page, '与您的企业相关：适用于药包材行业、规上企业')
    await tapText(owner.page, '收藏')
    await see(owner.page, '已收藏')
    await shoot(owner.page, 'policy-detail-owner', { fullPage: true })

    await tapText(owner.page, '我要咨询 / 申请')
    await owner.page.waitForURL(/pages\/appeal-new\/index/)
    await see(owner.page, `关于政策：${title}`)
    await typeInto(
      owner.page,
      '遇到了什么困难、已经做过哪些尝试、希望得到什么帮助',
      '今年新上一条灌装线，想知道能不能申请技改补助，需要准备什么。',
    )
    await tapText(owner.page, '提交')
    await viewFiledAppeal(owner.page)
    await see(owner.page, `关于政策：${title} ›`)
    await see(owner.page, '待受理')

    const staff = await phonePage(harness)
    await signInAs(staff.page, harness, officer.name)
    await staff.page.goto(`${harness.url}/#/pages/policy-detail/index?id=${id}`)
    await see(staff.page, '政策触达')
    await see(staff.page, '尚未阅读的适用企业（可送政策上门）')
    await shoot(staff.page, 'policy-reach', { fullPage: true })
    expect([...owner.errors, ...staff.errors]).toEqual([])
  })
})
