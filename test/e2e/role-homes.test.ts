import { town } from '../support/town'
import { phonePage, see, shoot, signInAs, startHarness, tapText, type Harness } from './browser'

jest.setTimeout(90_000)

describe('[首页] 浏览器旅程', () => {
  let harness: Harness
  beforeAll(async () => {
    harness = await startHarness()
  })
  afterAll(() => harness?.close())

  it('[首页] 特派员的首页是今日待办，点“在办”进入特派员工作台；企业用户的首页仍是提交诉求', async () => {
    const { page, errors } = await phonePage(harness)
    await signInAs(page, harness, town.officer.name)
    await see(page, '今日待办')
    await see(page, '待受理')
    expect(await page.getByText('提交诉求', { exact: true }).filter({ visible: true }).count()).toBe(0)
    await shoot(page, 'home-officer', { fullPage: true })
    await tapText(page, '在办')
    await page.waitForURL(/packageOfficer\/pages\/workbench\/index\?filter=open/)
    await see(page, '代为登记诉求（来电、12345 工单、窗口）')

    const owner = await phonePage(harness)
    await signInAs(owner.page, harness, town.enterprises.grainFoods.owner.name)
    await see(owner.page, '提交诉求')
    await see(owner.page, '为您服务')
    expect(await owner.page.getByText('今日待办').filter({ visible: true }).count()).toBe(0)
    expect([...errors, ...owner.errors]).toEqual([])
  })

  it('[首页] 领导的首页有今日待办和本月三率，点三率进入领导看板', async () => {
    const { page, errors } = await phonePage(harness)
    await signInAs(page, harness, town.leader.name)
    await see(page, '今日待办')
    await see(page, '响应率')
    await see(page, '按期办结率')
    await shoot(page, 'home-leader', { fullPage: true })
    await tapText(page, '领导看板')
    await page.waitForURL(/packageLeader\/pages\/dashboard\/index/)
    expect(errors).toEqual([])
  })
})
