import type { Page } from 'playwright-core'
import { inZone } from '../../cloud/domain/clock'
import { apiAs } from '../support/api'
import { makeServices } from '../support/services'
import { town } from '../support/town'
import { phonePage, see, shoot, signInAs, tapText, startHarness, typeInto, type Harness } from './browser'

jest.setTimeout(150_000)

/** The page scrolls inside Taro's own container, which a full-page shot does not reach: 375 px wide, as tall as it needs. */
async function shootTall(page: Page, name: string): Promise<void> {
  await page.setViewportSize({ width: 375, height: 3200 })
  await shoot(page, name)
  await page.setViewportSize({ width: 375, height: 812 })
}

describe('[一月一通报] 浏览器旅程', () => {
  let harness: Harness
  let api: ReturnType<typeof apiAs>
  beforeAll(async () => {
    harness = await startHarness()
    api = apiAs({ ...makeServices(harness.store).services, clock: harness.clock })
  })
  afterAll(() => harness?.close())

  it('[一月一通报] 领导看各部门分项，打开滞后项目，督办滞后部门，导出', async () => {
    const leader = town.leader
    const industry = town.departments.industry
    // A project of vialWorks (产业服务办) with a milestone three days overdue: the department is behind on it.
    const project = await api.call(leader.id, 'project.save', {
      clientRequestId: 'req-e2e-bulletin-project-1',
      name: '药用玻璃瓶智能化改造项目',
      enterpriseId: town.enterprises.vialWorks.id,
      investment: 1.8,
      leaderId: leader.id,
      secretaryId: town.officer.id,
    })
    await api.call(leader.id, 'project.saveMilestone', {
      clientRequestId: 'req-e2e-bulletin-milestone-1',
      projectId: project.id,
      title: '设备安装调试',
      plannedOn: inZone(harness.clock.now()).subtract(3, 'day').format('YYYY-MM-DD'),
    })

    const { page, errors } = await phonePage(harness)
    await signInAs(page, harness, leader.name)
    await tapText(page, '我的')
    await tapText(page, '领导看板')
    await tapText(page, '通报全文')
    await see(page, '各部门分项')
    const panel = page.locator('.nut-collapse-item').filter({ hasText: industry.name }).filter({ visible: true }).first()
    await panel.locator('.bulletin-dept__title').click()
    await see(page, '药用玻璃瓶智能化改造项目')
    for (const heading of ['诉求办理', '走访', '一企一策节点', '重点项目', '企业指标'])
      await panel.getByText(heading, { exact: true }).waitFor()
    await shootTall(page, 'bulletin-sections')

    // The project behind schedule opens where its overdue milestone shows.
    await tapText(page, '药用玻璃瓶智能化改造项目')
    await see(page, '设备安装调试')
    await page.goBack()
    await see(page, '各部门分项')

    // Pressed once, the department carries the mark and its head has a message.
    await panel.getByText('督办', { exact: true }).click({ force: true })
    await panel.getByText('已督办', { exact: false }).first().waitFor()
    const told = await harness.store.db.selectFrom('messages').select('user_id').where('kind', '=', 'bulletin.press').execute()
    expect(told).toEqual([{ user_id: town.heads.industry.id }])
    await shootTall(page, 'bulletin-pressed')

    const download = page.waitForEvent('download')
    await tapText(page, '导出 Excel')
    expect((await download).suggestedFilename()).toMatch(/^企业诉求办理情况通报-\d{4}-\d{2}\.xlsx$/)
    expect(errors).toEqual([])

    // The head opens the message, reads why, and answers once; the leader who pressed is told.
    const head = await phonePage(harness)
    await signInAs(head.page, harness, town.heads.industry.name)
    await tapText(head.page, '我的')
    await tapText(head.page, '消息')
    await head.page.getByText(`通报督办：${industry.name}`, { exact: false }).filter({ visible: true }).first().click()
    await head.page.waitForURL(/packageLeader\/pages\/breakdown\/index/)
    const card = head.page.getByRole('region', { name: '通报督办' }).filter({ visible: true })
    await card.getByText('通报督办 · 已督办').waitFor()
    await card.getByText('滞后项：', { exact: false }).waitFor()
    await tapText(head.page, '提交整改反馈')
    await see(head.page, '请填写整改反馈')
    await typeInto(head.page, '整改了什么、到哪一步，如“已补走访 6 家，项目节点已调度”', '设备安装调试已排定，本周内完成')
    await shoot(head.page, 'press-answering', { fullPage: true })
    await tapText(head.page, '提交整改反馈')
    await card.getByText('通报督办 · 已反馈').waitFor()
    await see(head.page, '整改反馈：设备安装调试已排定，本周内完成')
    await shoot(head.page, 'press-answered', { fullPage: true })
    const answered = await harness.store.db.selectFrom('messages').select('user_id').where('kind', '=', 'bulletin.answerPress').execute()
    expect(answered).toEqual([{ user_id: leader.id }])
    expect(head.errors).toEqual([])
  })
})
