import { inZone } from '../../cloud/domain/clock'
import { upsertIndicatorReport } from '../../cloud/store/repositories/ledger'
import { town } from '../support/town'
import { phonePage, see, shoot, signInAs, startHarness, tapText, typeInto, visibleText, type Harness } from './browser'

jest.setTimeout(120_000)

describe('[帮扶台账] 浏览器旅程', () => {
  let harness: Harness
  beforeAll(async () => {
    harness = await startHarness()
  })
  afterAll(() => harness?.close())

  it('[帮扶台账] 特派员一次为两家企业记录银企对接的新增贷款；企业在手机上确认收到并填报上月经营数据，另一家提出异议', async () => {
    const { medPack, vialWorks } = town.enterprises
    const officer = town.officer

    const staff = await phonePage(harness)
    await signInAs(staff.page, harness, officer.name)
    await tapText(staff.page, '我的')
    await tapText(staff.page, '记录帮扶')
    // Sent empty, the form names each thing it still needs, under it.
    await tapText(staff.page, '记录并请企业确认')
    await see(staff.page, '请选择至少一家企业')
    await see(staff.page, '请选择帮扶类型')
    await see(staff.page, '请填写帮扶情况')
    await tapText(staff.page, medPack.name)
    await visibleText(staff.page, '请选择至少一家企业').waitFor({ state: 'hidden' })
    await tapText(staff.page, vialWorks.name)
    await tapText(staff.page, '新增贷款')
    await typeInto(staff.page, '每家企业的金额（万元）', '300')
    await typeInto(staff.page, '帮扶情况，如“银企对接会，获得授信”', '银企对接会，县农商行授信')
    await shoot(staff.page, 'help-record', { fullPage: true })
    await tapText(staff.page, '记录并请企业确认')
    await staff.page.waitForURL(/pages\/me\/index/)

    const owner = await phonePage(harness)
    await signInAs(owner.page, harness, medPack.owner.name)
    await tapText(owner.page, '我的')
    await tapText(owner.page, '帮扶记录')
    await see(owner.page, '银企对接会，县农商行授信')
    await see(owner.page, '待企业确认')
    await shoot(owner.page, 'help-pending', { fullPage: true })
    await tapText(owner.page, '确认收到')
    await see(owner.page, '企业已确认')
    await shoot(owner.page, 'help-confirmed', { fullPage: true })

    // The same owner reports last month's figures; the same month last year it made 2000 万元.
    const month = inZone(Date.now()).subtract(1, 'month')
    await upsertIndicatorReport(harness.store.db, {
      id: 'ind-last-year',
      enterprise_id: medPack.id,
      month: month.subtract(1, 'year').format('YYYY-MM'),
      revenue: 2000,
      employees: 90,
      tax: 50,
      orders: 'enough',
      power: null,
      situation: '正常生产',
      reported_by: medPack.owner.id,
      reported_at: harness.now,
      updated_at: harness.now,
    })
    await owner.page.goBack()
    await tapText(owner.page, '经营数据填报')
    await typeInto(owner.page, '营业收入或产值', '1250')
    await typeInto(owner.page, '月末在岗人数', '86')
    await typeInto(owner.page, '当月缴纳', '37.5')
    await tapText(owner.page, '订单不足')
    await typeInto(owner.page, '一句话，如“订单饱满，正常生产”', '外贸订单减少，开工八成')
    await shoot(owner.page, 'indicators-form', { fullPage: true })
    await tapText(owner.page, '提交')
    await see(owner.page, '该月已填报，可修改后重新提交')
    await see(owner.page, '产值 1250 万元 · 用工 86 人 · 订单不足', { exact: false })
    await shoot(owner.page, 'indicators-reported', { fullPage: true })

    // 产值 fell 37.5% on last year: the officer is asked to go and see (未诉先办), and closes the task
    // with what was found, which the form asks for under its box when it is left empty.
    await tapText(staff.page, '经营预警')
    await see(staff.page, medPack.name)
    await see(staff.page, `${month.format('YYYY-MM')} 产值同比下降 37.5%`, { exact: false })
    await tapText(staff.page, '走访后关闭')
    await tapText(staff.page, '关闭预警')
    await see(staff.page, '请填写处置情况')
    await typeInto(staff.page, '走访了解到的情况和处置', '外贸订单转内销，已对接县内两家采购商')
    await visibleText(staff.page, '请填写处置情况').waitFor({ state: 'hidden' })
    await shoot(staff.page, 'warning-closing', { fullPage: true })
    await tapText(staff.page, '关闭预警')
    await see(staff.page, '没有待走访的预警。')
    await tapText(staff.page, '已处置')
    await see(staff.page, '处置情况：外贸订单转内销，已对接县内两家采购商')

    const other = await phonePage(harness)
    await signInAs(other.page, harness, vialWorks.owner.name)
    await tapText(other.page, '我的')
    await tapText(other.page, '帮扶记录')
    await tapText(other.page, '有异议')
    await tapText(other.page, '提交异议')
    await see(other.page, '请填写异议理由')
    await typeInto(other.page, '哪里不对？如金额、日期或没有收到', '实际授信 200 万元')
    await visibleText(other.page, '请填写异议理由').waitFor({ state: 'hidden' })
    await tapText(other.page, '提交异议')
    await see(other.page, '实际授信 200 万元')
    await shoot(other.page, 'help-disputed', { fullPage: true })

    expect([...staff.errors, ...owner.errors, ...other.errors]).toEqual([])
  })

  it('[经营数据] 管理员把纳税设为不填报、用电设为必填；企业的填报页随之变化，空着提交时逐项提示', async () => {
    const { grainFoods } = town.enterprises
    const admin = await phonePage(harness)
    await signInAs(admin.page, harness, town.admin.name)
    await tapText(admin.page, '我的')
    await tapText(admin.page, '组织管理')
    await tapText(admin.page, '1. 部门与分派')
    const row = (label: string) => admin.page.locator('.departments__route').filter({ visible: true, hasText: label })
    await row('纳税（万元）').getByText('不填报', { exact: true }).click()
    await row('用电（万度）').getByText('必填', { exact: true }).click()
    await shoot(admin.page, 'indicator-figures-setting', { fullPage: true })
    await tapText(admin.page, '保存填报项')
    await see(admin.page, '已保存')
    expect(
      JSON.parse(
        (
          await harness.store.db
            .selectFrom('town_settings')
            .select('value')
            .where('key', '=', 'indicator.figures')
            .executeTakeFirstOrThrow()
        ).value,
      ),
    ).toMatchObject({ tax: 'off', power: 'required' })

    const owner = await phonePage(harness)
    await signInAs(owner.page, harness, grainFoods.owner.name)
    await tapText(owner.page, '我的')
    await tapText(owner.page, '经营数据填报')
    await see(owner.page, '用电（万度）')
    expect(await visibleText(owner.page, '纳税（万元）').count()).toBe(0)
    // Sent empty, each figure the town asks for is named under its box.
    await tapText(owner.page, '提交')
    for (const message of ['请填写产值（万元）', '请填写用工人数', '请选择订单情况', '请填写用电（万度）']) await see(owner.page, message)
    await typeInto(owner.page, '营业收入或产值', '860')
    await visibleText(owner.page, '请填写产值（万元）').waitFor({ state: 'hidden' })
    await typeInto(owner.page, '月末在岗人数', '64')
    await typeInto(owner.page, '当月用电', '21.5')
    await tapText(owner.page, '订单充足')
    await shoot(owner.page, 'indicators-form-configured', { fullPage: true })
    await tapText(owner.page, '提交')
    await see(owner.page, '该月已填报，可修改后重新提交')
    await see(owner.page, '产值 860 万元 · 用工 64 人 · 订单充足', { exact: false })
    const saved = await harness.store.db
      .selectFrom('indicator_reports')
      .selectAll()
      .where('enterprise_id', '=', grainFoods.id)
      .executeTakeFirstOrThrow()
    expect(saved).toMatchObject({ revenue: 860, employees: 64, tax: null, power: 21.5, orders: 'enough' })

    expect([...admin.errors, ...owner.errors]).toEqual([])
  })

  it('[经营监测] 特派员在迟报名单里找到未填报的企业并代为填报；领导看全镇按行业汇总', async () => {
    const { vialWorks } = town.enterprises
    // The town's own figures, whatever an earlier journey set.
    await harness.store.db.deleteFrom('town_settings').where('key', '=', 'indicator.figures').execute()
    const month = inZone(Date.now()).subtract(1, 'month').format('YYYY-MM')

    const staff = await phonePage(harness)
    await signInAs(staff.page, harness, town.officer.name)
    await tapText(staff.page, '我的')
    await tapText(staff.page, '经营监测')
    await see(staff.page, '逾期未报', { exact: false })
    await see(staff.page, vialWorks.name)
    await shoot(staff.page, 'indicator-watch-officer', { fullPage: true })
    await tapText(staff.page, vialWorks.name)
    await see(staff.page, '可代企业填报或更正，企业负责人会看到')
    await typeInto(staff.page, '营业收入或产值', '420')
    await typeInto(staff.page, '月末在岗人数', '35')
    await typeInto(staff.page, '当月缴纳', '12')
    await tapText(staff.page, '订单充足')
    await tapText(staff.page, '提交')
    await see(staff.page, '该月已填报，可修改后重新提交')
    await shoot(staff.page, 'indicators-on-behalf', { fullPage: true })
    const saved = await harness.store.db
      .selectFrom('indicator_reports')
      .selectAll()
      .where('enterprise_id', '=', vialWorks.id)
      .where('month', '=', month)
      .executeTakeFirstOrThrow()
    expect(saved).toMatchObject({ revenue: 420, employees: 35, tax: 12, reported_by: town.officer.id })
    await staff.page.goBack()
    await see(staff.page, '逾期未报', { exact: false })
    await visibleText(staff.page, vialWorks.name).waitFor({ state: 'hidden' })

    const leader = await phonePage(harness)
    await signInAs(leader.page, harness, town.leader.name)
    await tapText(leader.page, '我的')
    await tapText(leader.page, '经营监测')
    await see(leader.page, '全镇经营数据')
    await see(leader.page, '药包材')
    await tapText(leader.page, '按园区')
    await see(leader.page, vialWorks.park)
    await shoot(leader.page, 'indicator-watch-leader', { fullPage: true })

    expect([...staff.errors, ...leader.errors]).toEqual([])
  })
})
