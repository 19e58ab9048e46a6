import { town } from '../support/town'
import { phonePage, see, shoot, signInAs, startHarness, tapText, typeInto, type Harness } from './browser'

jest.setTimeout(120_000)

describe('[政策管理] 浏览器旅程', () => {
  let harness: Harness
  beforeAll(async () => {
    harness = await startHarness()
  })
  afterAll(() => harness?.close())

  it('[政策管理] 管理员新建政策、选适用对象并发布，适用企业数在发布后告知', async () => {
    const admin = town.admin
    const title = `物流企业油价补贴（${Date.now() % 100000}）`
    const { page, errors } = await phonePage(harness)
    await signInAs(page, harness, admin.name)
    await tapText(page, '我的')
    await tapText(page, '政策管理')
    await tapText(page, '新建政策')
    await page.waitForURL(/packageAdmin\/pages\/policy-edit/)
    await typeInto(page, '政策标题', title)
    await typeInto(page, '发文单位', '沧县交通运输局')
    await tapText(page, '外贸物流')
    await tapText(page, '物流企业')
    await typeInto(page, '一句话看懂：', '一句话看懂：物流企业今年的柴油费用可申请补贴。')

    // Without the required sections the server says which are missing, and nothing is saved.
    await page.getByRole('textbox', { name: '正文，按“## 谁能享受”等小节写' }).filter({ visible: true }).fill('## 谁能享受\n物流企业')
    await tapText(page, '保存草稿')
    await see(page, '「解读正文」(body)：缺少小节 “## 能享受什么”、“## 怎么办理”')

    await page
      .getByRole('textbox', { name: '正文，按“## 谁能享受”等小节写' })
      .filter({ visible: true })
      .fill('## 谁能享受\n物流企业。\n\n## 能享受什么\n柴油费用补贴。\n\n## 怎么办理\n向交通运输局申报。')
    await tapText(page, '发布')
    const logistics = town.all.enterprises.filter((e) => e.kind === '物流企业').length
    expect(logistics).toBeGreaterThan(0)
    await see(page, `已通知 ${logistics} 家适用企业。`)
    await shoot(page, 'policy-admin-published', { fullPage: true })
    await tapText(page, '确定')
    await see(page, '撤回')
    // The refused save above is the one expected 400 the browser reports.
    expect(errors.filter((e) => !e.includes('status of 400'))).toEqual([])
  })
})
