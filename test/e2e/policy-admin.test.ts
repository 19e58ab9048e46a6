import { town } from '../support/town'
import { phonePage, see, shoot, signInAs, startHarness, tapText, typeInto, visibleText, type Harness } from './browser'

jest.setTimeout(120_000)

describe('[政策管理] 浏览器旅程', () => {
  let harness: Harness
  beforeAll(async () => {
    harness = await startHarness()
  })
  afterAll(() => harness?.close())

  it('[政策管理] 管理员先存半成品草稿，发布时逐项看到缺什么、改好即消失，确认后发布，适用企业数在发布后告知', async () => {
    const admin = town.admin
    const title = `物流企业油价补贴（${Date.now() % 100000}）`
    const { page, errors } = await phonePage(harness)
    await signInAs(page, harness, admin.name)
    await tapText(page, '我的')
    await tapText(page, '政策管理')
    await tapText(page, '新建政策')
    await page.waitForURL(/packageAdmin\/pages\/policy-edit/)
    await shoot(page, 'policy-edit-375')

    // Half-written, it is saved as a draft: a title is all a draft needs.
    await typeInto(page, '政策标题', title)
    await page.getByRole('textbox', { name: '正文，按“## 谁能享受”等小节写' }).filter({ visible: true }).fill('## 谁能享受\n物流企业')
    await tapText(page, '保存草稿')
    await see(page, '已保存')
    // The toast sits over the category chips for a moment; a person waits for it to go.
    await visibleText(page, '已保存').waitFor({ state: 'hidden' })

    // To publish, every problem shows at once, each under its field, and nothing is sent.
    await tapText(page, '发布')
    await see(page, '请填写发文单位')
    await see(page, '请选择政策类别')
    await see(page, '解读正文缺少小节 “## 能享受什么”、“## 怎么办理”')
    await visibleText(page, '请填写发文单位').scrollIntoViewIfNeeded()
    await shoot(page, 'policy-edit-errors')
    // Fixing a field takes its message away; the others stay until they are fixed.
    await typeInto(page, '发文单位', '沧县交通运输局')
    await visibleText(page, '请填写发文单位').waitFor({ state: 'hidden' })
    await see(page, '请选择政策类别')
    await tapText(page, '外贸物流')
    await visibleText(page, '请选择政策类别').waitFor({ state: 'hidden' })
    await tapText(page, '物流企业')
    await typeInto(page, '一句话看懂：', '一句话看懂：物流企业今年的柴油费用可申请补贴。')
    await page
      .getByRole('textbox', { name: '正文，按“## 谁能享受”等小节写' })
      .filter({ visible: true })
      .fill('## 谁能享受\n物流企业。\n\n## 能享受什么\n柴油费用补贴。\n\n## 怎么办理\n向交通运输局申报。')
    await visibleText(page, '解读正文缺少小节 “## 能享受什么”、“## 怎么办理”').waitFor({ state: 'hidden' })

    // Publishing tells enterprises, so it is confirmed first.
    await tapText(page, '发布')
    await see(page, '发布这条政策？')
    await tapText(page, '确认发布')
    const logistics = town.all.enterprises.filter((e) => e.kind === '物流企业').length
    expect(logistics).toBeGreaterThan(0)
    await see(page, `已通知 ${logistics} 家适用企业。`)
    await shoot(page, 'policy-admin-published', { fullPage: true })
    await tapText(page, '确定')
    await see(page, '撤回')
    expect(errors).toEqual([])
  })
})
