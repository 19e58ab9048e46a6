import { deadlinePromise, readDeadlineConfig } from '../../cloud/domain/appeal/deadlines'
import { town } from '../support/town'
import {
  drawPhoto,
  phonePage,
  see,
  sheetClosed,
  shoot,
  signInAs,
  startHarness,
  tapMove,
  tapText,
  typeInto,
  viewFiledAppeal,
  visibleText,
  type Harness,
} from './browser'

jest.setTimeout(120_000)

const PROMISE = deadlinePromise(readDeadlineConfig(process.env))

describe('[诉求] 浏览器旅程', () => {
  let harness: Harness
  beforeAll(async () => {
    harness = await startHarness()
  })
  afterAll(() => harness?.close())

  it('[诉求] 企业提交诉求后特派员受理并办结（记录帮扶成效），企业评价满意，领导回访', async () => {
    const enterprise = town.enterprises.grainFoods
    const officer = town.all.staff.find((u) => u.id === enterprise.officer_id)!
    // Unique per attempt, so a retried run never finds the first attempt's appeal.
    const title = `新厂房用电增容（${Date.now() % 100000}）`

    // The owner files it.
    const owner = await phonePage(harness)
    await signInAs(owner.page, harness, enterprise.owner.name)
    await tapText(owner.page, '诉求')
    await tapText(owner.page, '提交诉求')
    await owner.page.waitForURL(/pages\/appeal-new\/index/)
    // Sent empty, the form says what each field still needs, under it, all at once; nothing is sent.
    await tapText(owner.page, '提交')
    await see(owner.page, '请选择诉求类别')
    await see(owner.page, '请填写诉求标题')
    await see(owner.page, '请填写诉求内容')
    await visibleText(owner.page, '请选择诉求类别').scrollIntoViewIfNeeded()
    await shoot(owner.page, 'appeal-new-errors')
    await tapText(owner.page, '水电气路')
    // Fixed, a field's message goes; the others stay until they are fixed.
    await visibleText(owner.page, '请选择诉求类别').waitFor({ state: 'hidden' })
    await see(owner.page, '请填写诉求标题')
    await typeInto(owner.page, '一句话说明问题，如“新厂房用电增容”', title)
    await typeInto(
      owner.page,
      '遇到了什么困难、已经做过哪些尝试、希望得到什么帮助',
      '新上两条吹塑生产线，现有变压器容量不够，需要增容到 800 千伏安。',
    )
    // A photo of the switch room, through the page's own picker.
    const chooser = owner.page.waitForEvent('filechooser')
    await tapText(owner.page, '添加照片')
    // Before anything is collected from the phone, the person agrees to the privacy terms, once.
    await see(owner.page, '隐私保护提示')
    await shoot(owner.page, 'privacy-prompt')
    await tapText(owner.page, '同意')
    await (await chooser).setFiles({ name: '配电室.png', mimeType: 'image/png', buffer: await drawPhoto(harness, '配电室现状') })
    await owner.page.locator('[aria-label="配电室.png"] img').filter({ visible: true }).waitFor()
    await shoot(owner.page, 'appeal-new', { fullPage: true })
    await tapText(owner.page, '提交')
    // 提交成功: the number to quote and what is promised, then 查看诉求 opens the same appeal.
    await owner.page.waitForURL(/pages\/appeal-done\/index/)
    await see(owner.page, '提交成功')
    await see(owner.page, '受理时限')
    // The promise as the host words it (the shifted-date runs count working days).
    await see(owner.page, PROMISE.accept)
    await see(owner.page, PROMISE.close)
    await shoot(owner.page, 'appeal-done')
    const buttons = await owner.page
      .locator('.appeal-done .nut-button')
      .filter({ visible: true })
      .evaluateAll((targets) => targets.map((t) => t.getBoundingClientRect().height))
    expect(buttons).toHaveLength(2)
    expect(Math.min(...buttons)).toBeGreaterThanOrEqual(43.5)
    const number = await viewFiledAppeal(owner.page)
    expect(number).toMatch(/^\d{4}-\d{2}-\d{4,}$/)
    await see(owner.page, number)
    await see(owner.page, '待受理')
    await see(owner.page, officer.name)
    // The photo went with it and loads through its signed link.
    const photo = owner.page.locator('[aria-label="配电室.png"] img').filter({ visible: true })
    await photo.waitFor()
    expect(await photo.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth)).toBe(480)
    await shoot(owner.page, 'appeal-submitted', { fullPage: true })

    // The officer finds it in the workbench, accepts and resolves it.
    const staff = await phonePage(harness)
    await signInAs(staff.page, harness, officer.name)
    await tapText(staff.page, '我的')
    await tapText(staff.page, '特派员工作台')
    await staff.page.waitForURL(/workbench/)
    await see(staff.page, title)
    await shoot(staff.page, 'workbench', { fullPage: true })
    // The owner reads the number out on the phone: the search box finds it, and only it.
    const search = staff.page.locator('.workbench__search input').filter({ visible: true }).first()
    await search.fill(number)
    await search.press('Enter')
    await see(staff.page, `“${number}”：找到 1 条`)
    await see(staff.page, title)
    await shoot(staff.page, 'workbench-search')
    await tapText(staff.page, title)
    await staff.page.waitForURL(/pages\/appeal-detail\/index/)
    await see(staff.page, number)
    await staff.page.locator('[aria-label="配电室.png"] img').filter({ visible: true }).waitFor()
    // The staff bar: one button for the move that matters, the rest under 更多.
    await see(staff.page, '受理')
    await tapText(staff.page, '更多')
    await see(staff.page, '不予受理')
    await shoot(staff.page, 'staff-bar-more')
    // Every target on the bar and in the sheet is at least 44 px tall (rem rounding aside).
    const heights = await staff.page
      .locator('.appeal-moves__primary, .appeal-moves__more, .nut-actionsheet-item')
      .filter({ visible: true })
      .evaluateAll((targets) => targets.map((t) => t.getBoundingClientRect().height))
    expect(heights.length).toBeGreaterThanOrEqual(4)
    expect(Math.min(...heights)).toBeGreaterThanOrEqual(43.5)
    await visibleText(staff.page, '取消').click()
    await sheetClosed(staff.page)
    await tapMove(staff.page, '受理')
    await typeInto(staff.page, '公开摘要：一句话说明诉求，不写人名、电话等', '企业诉求已受理，正在协调办理')
    await tapText(staff.page, '确认受理')
    await see(staff.page, '已受理')
    await tapMove(staff.page, '办结')
    await typeInto(staff.page, '办理结果：做了什么、解决了什么', '协调供电所完成增容，已送电。')
    await tapText(staff.page, '补贴')
    await typeInto(staff.page, '金额（万元）', '20')
    await tapText(staff.page, '确认办结')
    await see(staff.page, '已办结')
    await shoot(staff.page, 'appeal-resolved', { fullPage: true })

    // The owner sees the outcome and rates it.
    await owner.page.reload()
    await see(owner.page, '办理结果满意吗？')
    await see(owner.page, '协调供电所完成增容，已送电。')
    await see(owner.page, '帮扶成效：补贴 20 万元')
    await tapText(owner.page, '满意')
    await tapText(owner.page, '提交评价')
    await see(owner.page, '已完结')
    await shoot(owner.page, 'appeal-rated', { fullPage: true })

    // A leader, not the handler, calls the enterprise back and records it.
    const leader = await phonePage(harness)
    await signInAs(leader.page, harness, town.leader.name)
    await tapText(leader.page, '我的')
    await tapText(leader.page, '领导工作台')
    await tapText(leader.page, '已办结')
    await tapText(leader.page, title)
    await tapMove(leader.page, '回访')
    await typeInto(leader.page, '回访情况：企业对办理结果怎么说', '企业确认已送电，生产线已投产。')
    await tapText(leader.page, '确认回访')
    await see(leader.page, '企业确认已送电，生产线已投产。')
    await shoot(leader.page, 'appeal-follow-up', { fullPage: true })

    expect([...owner.errors, ...staff.errors, ...leader.errors]).toEqual([])
  })
})
