import { inZone } from '../../cloud/domain/clock'
import { apiAs } from '../support/api'
import { makeServices } from '../support/services'
import { town } from '../support/town'
import { phonePage, see, shoot, signInAs, startHarness, tapText, typeInto, visibleText, type Harness } from './browser'

jest.setTimeout(120_000)

describe('[重点项目] 浏览器旅程', () => {
  let harness: Harness
  let api: ReturnType<typeof apiAs>
  beforeAll(async () => {
    harness = await startHarness()
    api = apiAs({ ...makeServices(harness.store).services, clock: harness.clock })
  })
  afterAll(() => harness?.close())

  it('[重点项目] 领导在“滞后”里找到节点逾期的项目，打开看到逾期的节点，秘书完成后不再滞后', async () => {
    const leader = town.leader
    const secretary = town.officer
    const project = await api.call(leader.id, 'project.save', {
      clientRequestId: 'req-e2e-project-0001',
      name: '年产 5 亿支药用瓶扩建项目',
      enterpriseId: town.enterprises.vialWorks.id,
      investment: 2.6,
      leaderId: leader.id,
      secretaryId: secretary.id,
    })
    // Planned three days before today: it is behind.
    const plannedOn = inZone(harness.clock.now()).subtract(3, 'day').format('YYYY-MM-DD')
    await api.call(leader.id, 'project.saveMilestone', {
      clientRequestId: 'req-e2e-milestone-0001',
      projectId: project.id,
      title: '取得施工许可',
      plannedOn,
    })

    const { page, errors } = await phonePage(harness)
    await signInAs(page, harness, leader.name)
    await tapText(page, '我的')
    await tapText(page, '重点项目')
    await tapText(page, '滞后')
    await see(page, '年产 5 亿支药用瓶扩建项目')
    await shoot(page, 'projects-behind', { fullPage: true })
    await tapText(page, '年产 5 亿支药用瓶扩建项目')
    await see(page, '取得施工许可')
    await see(page, '滞后')
    await shoot(page, 'project-detail', { fullPage: true })

    // The week's project meeting lists it under 滞后, with the milestone and how late it is.
    await page.goBack()
    await tapText(page, '调度会清单')
    await page.waitForURL(/packageLeader\/pages\/project-meeting\/index/)
    const behind = page.getByRole('region', { name: '滞后' }).filter({ visible: true })
    await behind.getByText('年产 5 亿支药用瓶扩建项目').waitFor()
    await behind.getByText('取得施工许可：计划 3 天前完成，未完成').waitFor()
    await tapText(page, '本月调度')
    await behind.getByText('年产 5 亿支药用瓶扩建项目').waitFor()
    await shoot(page, 'project-meeting', { fullPage: true })
    await behind.getByText('年产 5 亿支药用瓶扩建项目').click()
    await page.waitForURL(/packageLeader\/pages\/project\/index/)
    await see(page, '取得施工许可')

    // The month's 形象进度 and a problem: sent empty, each form says what it needs, under the field.
    await tapText(page, '填报本月进度')
    await see(page, '请填写形象进度')
    await tapText(page, '登记为诉求')
    for (const message of ['请选择诉求类别', '请填写诉求标题', '请填写诉求内容']) await see(page, message)
    await see(page, '请填写形象进度')
    await typeInto(page, '本月形象进度，如“主体结构完成至三层”', '场地平整完成，等待施工许可')
    await tapText(page, '填报本月进度')
    await see(page, '场地平整完成，等待施工许可', { exact: false })
    await visibleText(page, '请填写形象进度').waitFor({ state: 'hidden' })
    await shoot(page, 'project-forms', { fullPage: true })

    // 半年观摩: the leader records every project as it stands today and reads the record.
    await page.goBack()
    await page.goBack()
    await tapText(page, '半年观摩')
    await page.waitForURL(/packageLeader\/pages\/project-reviews\/index/)
    await typeInto(page, '可不填，默认按上/下半年命名', '年中重点项目观摩')
    await tapText(page, '记录今天的项目情况')
    await page.waitForURL(/packageLeader\/pages\/project-review\/index/)
    await see(page, '年中重点项目观摩')
    const recorded = page.locator('.projects__item').filter({ hasText: '年产 5 亿支药用瓶扩建项目' }).filter({ visible: true })
    await recorded.getByText('节点完成 0/1 · 滞后 1').waitFor()
    await shoot(page, 'project-review', { fullPage: true })
    await page.goBack()
    await see(page, '年中重点项目观摩')
    expect(errors).toEqual([])

    // The secretary marks it done (through the API, as from their own page): it is no longer behind.
    const done = await api.call(secretary.id, 'project.completeMilestone', {
      id: (await api.call(leader.id, 'project.get', { id: project.id })).milestones[0].id,
      doneOn: inZone(harness.clock.now()).format('YYYY-MM-DD'),
    })
    expect(done.behind).toBe(false)
  })
})
