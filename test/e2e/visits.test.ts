import { furnishTown, town, townPlan } from '../support/town'
import type { Page } from 'playwright-core'
import { phonePage, see, shoot, signInAs, startHarness, tapText, typeInto, visibleText, type Harness } from './browser'

/** Opens a page by its link, as a scanned code or a message does: a fresh load of the app at that page. */
async function open(page: Page, harness: Harness, path: string) {
  await page.goto(`${harness.url}/#${path}`)
  await page.reload()
}

jest.setTimeout(180_000)

describe('[走访] 浏览器旅程', () => {
  let harness: Harness
  beforeAll(async () => {
    harness = await startHarness()
    // Open half-days, a plan and past visits, dated from the moment the journeys run, so there is
    // always something to book.
    await furnishTown(harness.store.db, harness.now)
  })
  afterAll(() => harness?.close())

  const enterprise = town.enterprises.medPack
  const officer = town.all.staff.find((u) => u.id === enterprise.officer_id)!
  const topic = `二期厂房验收和招工（${Date.now() % 100000}）`

  it('[走访] 企业预约 → 特派员确认 → 特派员记录走访并把发现的问题转为诉求 → 企业确认走访', async () => {
    const owner = await phonePage(harness)
    await signInAs(owner.page, harness, enterprise.owner.name)
    await tapText(owner.page, '走访')
    await see(owner.page, '预约走访')
    await see(owner.page, '驻企特派员')
    await shoot(owner.page, 'visits-owner-tab', { fullPage: true })
    await tapText(owner.page, '约走访')
    await see(owner.page, '选择时间')
    // Sent with nothing chosen or written, the form says both, each where it belongs.
    await tapText(owner.page, '提交预约')
    await see(owner.page, '请选择一个时段')
    await see(owner.page, '请填写走访事由')
    await owner.page.locator('[role=radio][aria-disabled=false]').filter({ visible: true }).first().click()
    await visibleText(owner.page, '请选择一个时段').waitFor({ state: 'hidden' })
    await typeInto(owner.page, '想当面沟通什么，如“二期厂房验收和招工”', topic)
    await shoot(owner.page, 'visit-book', { fullPage: true })
    await tapText(owner.page, '提交预约')
    await see(owner.page, '待确认')
    await see(owner.page, topic)
    await shoot(owner.page, 'visit-booked', { fullPage: true })

    const staff = await phonePage(harness)
    await signInAs(staff.page, harness, officer.name)
    await tapText(staff.page, '走访')
    await see(staff.page, '扫码签到')
    await shoot(staff.page, 'visits-staff-tab', { fullPage: true })
    await tapText(staff.page, topic)
    await tapText(staff.page, '确认')
    await see(staff.page, '已确认')
    await shoot(staff.page, 'visit-confirmed', { fullPage: true })

    await tapText(staff.page, '填写走访记录')
    await typeInto(staff.page, '生产情况', '两条吹塑线满负荷，订单排到下月')
    await typeInto(staff.page, '用工情况', '缺操作工约 15 人')
    await typeInto(staff.page, '企业提出的困难和建议', '希望对接专场招聘会')
    await tapText(staff.page, '＋ 添加问题')
    await staff.page
      .locator('[role=radio]')
      .filter({ hasText: /^用工$/ })
      .filter({ visible: true })
      .first()
      .click()
    await typeInto(staff.page, '问题标题，如“缺操作工 15 人”', '缺吹塑操作工 15 人')
    await typeInto(staff.page, '具体情况（至少 10 个字）', '二期投产后缺少吹塑操作工 15 人，希望对接专场招聘会。')
    await shoot(staff.page, 'visit-record-form', { fullPage: true })
    await tapText(staff.page, '保存走访记录并提交 1 条诉求')
    await see(staff.page, '走访记录')
    await see(staff.page, '缺吹塑操作工 15 人')
    await shoot(staff.page, 'visit-recorded', { fullPage: true })

    // The owner sees the record, the appeal filed for them, and vouches that the visit took place.
    await open(owner.page, harness, '/pages/visits/index')
    await tapText(owner.page, '已结束')
    await tapText(owner.page, topic)
    await see(owner.page, '缺吹塑操作工 15 人')
    await tapText(owner.page, '确认已走访')
    await see(owner.page, '企业已于', { exact: false })
    await shoot(owner.page, 'visit-attested', { fullPage: true })
    await tapText(owner.page, '缺吹塑操作工 15 人')
    await see(owner.page, '待受理', { exact: false })

    // The officer's round: the enterprise now counts as visited this week.
    await open(staff.page, harness, '/packageVisit/pages/compliance/index')
    await see(staff.page, '我的包联企业', { exact: false })
    await shoot(staff.page, 'visit-compliance', { fullPage: true })
    expect([...owner.errors, ...staff.errors]).toEqual([])
  })

  it('[一企一档] 领导查看企业档案：五个一、一企一策的节点、诉求和走访', async () => {
    const leader = await phonePage(harness)
    await signInAs(leader.page, harness, town.leader.name)
    await open(leader.page, harness, `/packageVisit/pages/dossier/index?id=${townPlan.enterprise.id}`)
    await see(leader.page, '五个一')
    await see(leader.page, townPlan.overdue.title, { exact: false })
    await see(leader.page, '已逾期')
    // 一套班子 named, 一个目标 set and reported to its figure.
    await tapText(leader.page, '编辑团队')
    await typeInto(leader.page, '姓名', '周组长')
    await tapText(leader.page, '保存团队')
    await see(leader.page, '周组长')
    // A goal sent without its figures is asked for each, under its box.
    await tapText(leader.page, '添加目标')
    for (const message of ['请填写目标名称', '请填写目标值', '请填写单位']) await see(leader.page, message)
    await typeInto(leader.page, '如：年产值', '年纳税')
    await typeInto(leader.page, '如：5', '300')
    await typeInto(leader.page, '如：亿元、人', '万元')
    await tapText(leader.page, '添加目标')
    await see(leader.page, '年纳税', { exact: false })
    await tapText(leader.page, '填报')
    await typeInto(leader.page, '当前完成值', '320')
    await tapText(leader.page, '保存')
    await see(leader.page, '已达成')
    await shoot(leader.page, 'enterprise-file', { fullPage: true })
    await open(leader.page, harness, '/packageVisit/pages/compliance/index')
    await see(leader.page, '各人达标情况')
    await shoot(leader.page, 'visit-compliance-leader', { fullPage: true })
    expect(leader.errors).toEqual([])
  })

  it('[走访码] 企业出示走访码，特派员扫码（打开码中的链接）即现场签到，再填写记录', async () => {
    const shop = town.enterprises.vialWorks
    const owner = await phonePage(harness)
    await signInAs(owner.page, harness, shop.owner.name)
    await tapText(owner.page, '我的')
    await tapText(owner.page, '企业走访码')
    await see(owner.page, shop.name)
    const image = owner.page.locator('.code__image img').filter({ visible: true }).first()
    await image.waitFor()
    await owner.page.waitForFunction(() =>
      Array.from(document.querySelectorAll<HTMLImageElement>('.code__image img')).some((img) => img.complete && img.naturalWidth > 0),
    )
    await shoot(owner.page, 'visit-checkin-code', { fullPage: true })

    // What the QR code says is the H5 check-in page with the enterprise's code: the camera opens it.
    const code = (
      await harness.store.db.selectFrom('enterprises').select('checkin_code').where('id', '=', shop.id).executeTakeFirstOrThrow()
    ).checkin_code!
    const staff = await phonePage(harness)
    await signInAs(staff.page, harness, officer.name)
    await open(staff.page, harness, `/packageVisit/pages/checkin/index?c=${code}`)
    // Location is asked for only with the visitor's agreement; agreed or not, the check-in goes through.
    await see(staff.page, '隐私保护提示')
    await tapText(staff.page, '同意')
    await see(staff.page, `已签到：${shop.name}`)
    await shoot(staff.page, 'visit-checked-in', { fullPage: true })
    await tapText(staff.page, '填写走访记录')
    await see(staff.page, '主动走访', { exact: false })

    // The week's open half-days: one more afternoon, saved; it is then bookable.
    await open(staff.page, harness, '/packageVisit/pages/availability/index')
    await see(staff.page, '保存本周的安排')
    await tapText(staff.page, '下周')
    await staff.page.getByRole('checkbox', { name: '周六上午' }).filter({ visible: true }).first().click()
    await tapText(staff.page, '保存下周的安排')
    await see(staff.page, '已保存')
    await shoot(staff.page, 'visit-availability', { fullPage: true })
    const saturday = await harness.store.db
      .selectFrom('visit_slots')
      .select('day')
      .where('host_id', '=', officer.id)
      .where('half', '=', 'am')
      .execute()
    expect(saturday.some((s) => new Date(`${s.day}T12:00:00+08:00`).getUTCDay() === 6)).toBe(true)
    expect([...owner.errors, ...staff.errors]).toEqual([])
  })
})
