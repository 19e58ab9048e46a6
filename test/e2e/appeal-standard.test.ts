import type { Caller, Deps } from '../../cloud/actions/context'
import { dispatch } from '../../cloud/app/router'
import type { ActionName, AppealDetail } from '../../cloud/contract'
import { readDeadlineConfig } from '../../cloud/domain/appeal/deadlines'
import { DAY } from '../../cloud/domain/time-units'
import { findUserById } from '../../cloud/store/repositories/users'
import { makeServices } from '../support/services'
import { town } from '../support/town'
import { drawPhoto, phonePage, see, shoot, signInAs, startHarness, tapMove, tapText, typeInto, visibleText, type Harness } from './browser'

jest.setTimeout(150_000)

/**
 * 待补充 with a clock that pauses on the enterprise's word, and a 差评 followed through 整改 and 回访,
 * as the owner, the officer and a leader live them on their phones. The appeal is set up through
 * the API on the host's own clock, which the journey moves on to let two days pass.
 */
describe('[诉求标准] 浏览器旅程', () => {
  let harness: Harness
  let services: Deps
  beforeAll(async () => {
    harness = await startHarness()
    services = { ...makeServices(harness.store).services, clock: harness.clock, deadlines: readDeadlineConfig(process.env) }
  })
  afterAll(() => harness?.close())

  const enterprise = town.enterprises.medPack
  const officer = town.officer
  const as = async (id: string): Promise<Caller> => ({ kind: 'user', user: (await findUserById(harness.store.db, id))! })
  const call = async (who: string, action: ActionName, payload: Record<string, unknown>): Promise<AppealDetail> => {
    const reply = await dispatch(services, await as(who), action, payload)
    if (!reply.body.ok) throw new Error(`${action}: ${reply.body.error.message}`)
    return reply.body.data as AppealDetail
  }
  /** An appeal of medPack, accepted by its officer (and resolved, when asked). */
  const accepted = async (title: string, { resolve = false } = {}): Promise<AppealDetail> => {
    const created = await call(enterprise.owner.id, 'appeal.create', {
      clientRequestId: `req-standard-${Date.now()}-${title.length}`,
      category: '其他',
      title,
      description: '新厂房需要办理消防验收，不清楚要准备哪些材料，希望帮忙指导。',
      contactName: enterprise.owner.name,
      contactPhone: enterprise.owner.phone,
    })
    const taken = await call(officer.id, 'appeal.accept', { id: created.id, version: created.version, publicSummary: '新厂房消防验收咨询' })
    return resolve
      ? call(officer.id, 'appeal.resolve', { id: taken.id, version: taken.version, outcome: '已指导企业准备材料，验收通过' })
      : taken
  }
  const openAppeal = async (page: Parameters<typeof tapText>[0], title: string, staff: boolean | string, tab?: string) => {
    if (staff) {
      await tapText(page, '我的')
      await tapText(page, staff === true ? '特派员工作台' : staff)
      await page.waitForURL(/workbench/)
      if (tab) await tapText(page, tab)
    } else {
      await tapText(page, '诉求')
    }
    await tapText(page, title)
    await page.waitForURL(/pages\/appeal-detail\/index/)
  }

  it('[诉求标准] 承办人要求补充材料，企业确认后暂停计时，两天后企业从手机补充，计时恢复', async () => {
    const title = `消防验收材料（${Date.now() % 100000}）`
    const appeal = await accepted(title)

    // The officer asks for the fire-protection drawings.
    const staff = await phonePage(harness)
    await signInAs(staff.page, harness, officer.name)
    await openAppeal(staff.page, title, true)
    await tapMove(staff.page, '要求补充材料')
    await typeInto(staff.page, '需要企业补充什么：材料名称、用途，企业确认后暂停计时', '请补充消防设计图纸和竣工图')
    await shoot(staff.page, 'standard-info-request-form', { fullPage: true })
    await tapText(staff.page, '确认要求补充材料')
    await see(staff.page, '待补充')
    await see(staff.page, '请补充消防设计图纸和竣工图')
    await see(staff.page, '企业确认后暂停计时；在此之前办理期限照常计算')

    // The owner sees what is asked and confirms it: the clock stops.
    const owner = await phonePage(harness)
    await signInAs(owner.page, harness, enterprise.owner.name)
    await openAppeal(owner.page, title, false)
    await see(owner.page, '需要企业补充')
    await see(owner.page, '请补充消防设计图纸和竣工图')
    await shoot(owner.page, 'standard-info-asked', { fullPage: true })
    await tapText(owner.page, '确认需补充（暂停计时）')
    await see(owner.page, '补充中')
    await see(owner.page, '起暂停计时，补充后恢复', { exact: false })
    // No deadline runs while it waits.
    expect(await visibleText(owner.page, '办结期限', { exact: false }).count()).toBe(0)
    await shoot(owner.page, 'standard-info-paused', { fullPage: true })

    // Two days later the owner comes back (a new session) and answers from the phone, with a photo of the drawings.
    harness.clock.advance(2 * DAY)
    await signInAs(owner.page, harness, enterprise.owner.name)
    await openAppeal(owner.page, title, false)
    await see(owner.page, '补充中')
    await tapText(owner.page, '补充材料')
    await typeInto(owner.page, '补充的内容：材料说明、情况说明', '消防设计图纸已拍照上传，竣工图下周提供')
    const chooser = owner.page.waitForEvent('filechooser')
    await tapText(owner.page, '添加照片')
    await see(owner.page, '隐私保护提示')
    await tapText(owner.page, '同意')
    await (await chooser).setFiles({ name: '消防设计图.png', mimeType: 'image/png', buffer: await drawPhoto(harness, '消防设计图') })
    await owner.page.locator('[aria-label="消防设计图.png"] img').filter({ visible: true }).waitFor()
    await shoot(owner.page, 'standard-info-answer', { fullPage: true })
    await tapText(owner.page, '确认补充材料')
    await see(owner.page, '办理中')
    await see(owner.page, '（计时暂停 48 小时，已恢复计时）', { exact: false })
    await see(owner.page, '暂停计时 1 次，共 48 小时')
    await see(owner.page, '办结期限', { exact: false })
    await shoot(owner.page, 'standard-info-resumed', { fullPage: true })

    // The deadline moved by exactly the two days it stood still.
    const after = await call(officer.id, 'appeal.get', { id: appeal.id })
    expect(after).toMatchObject({ state: 'in_progress', closeDueAt: appeal.closeDueAt + 2 * DAY, pause: { count: 1, totalMs: 2 * DAY } })
    expect(after.attachments.map((a) => a.name)).toEqual(['消防设计图.png'])

    await signInAs(staff.page, harness, officer.name)
    await openAppeal(staff.page, title, true)
    await see(staff.page, '消防设计图纸已拍照上传，竣工图下周提供', { exact: false })
    await staff.page.locator('[aria-label="消防设计图.png"] img').filter({ visible: true }).waitFor()
    await shoot(staff.page, 'standard-info-staff-sees', { fullPage: true })
    expect([...owner.errors, ...staff.errors]).toEqual([])
  })

  it('[诉求标准] 企业差评，承办人限期整改，领导回访，企业重新评价', async () => {
    const title = `厂区道路修复（${Date.now() % 100000}）`
    const appeal = await accepted(title, { resolve: true })

    // The owner rates it 不满意: not solved, with the reason. It goes to be rectified.
    const owner = await phonePage(harness)
    await signInAs(owner.page, harness, enterprise.owner.name)
    await openAppeal(owner.page, title, false)
    await see(owner.page, '办理结果满意吗？')
    for (const level of ['非常满意', '满意', '基本满意', '不满意', '非常不满意']) await see(owner.page, level)
    await tapText(owner.page, '不满意')
    await tapText(owner.page, '问题未解决')
    await typeInto(owner.page, '请写明不满意的理由，我们将限期整改', '验收只通过了一半，还有两处整改意见没落实')
    await shoot(owner.page, 'standard-bad-rating', { fullPage: true })
    await tapText(owner.page, '提交评价')
    await see(owner.page, '整改中')
    await see(owner.page, '差评整改期限', { exact: false })
    await see(owner.page, '评价：不满意 · 问题未解决')
    await shoot(owner.page, 'standard-rectifying', { fullPage: true })

    // The officer rectifies it.
    const staff = await phonePage(harness)
    await signInAs(staff.page, harness, officer.name)
    await openAppeal(staff.page, title, true)
    await see(staff.page, '整改中')
    await tapText(staff.page, '办结')
    await typeInto(staff.page, '办理结果：做了什么、解决了什么', '协调消防部门复查，两处整改意见已全部落实')
    await tapText(staff.page, '确认办结')
    await see(staff.page, '已办结')
    await see(staff.page, '已整改', { exact: false })
    await shoot(staff.page, 'standard-rectified', { fullPage: true })

    // A leader, not the handler, calls the enterprise back.
    const leader = await phonePage(harness)
    await signInAs(leader.page, harness, town.leader.name)
    await openAppeal(leader.page, title, '领导工作台', '已办结')
    await tapText(leader.page, '回访')
    await tapText(leader.page, '企业说问题已解决')
    await typeInto(leader.page, '回访情况：企业对办理结果怎么说', '企业确认复查已通过，整改到位')
    await tapText(leader.page, '确认回访')
    await see(leader.page, '企业确认复查已通过，整改到位（企业表示问题已解决）')
    await shoot(leader.page, 'standard-follow-up', { fullPage: true })

    // The owner rates it again.
    await owner.page.reload()
    await tapText(owner.page, '满意')
    await tapText(owner.page, '问题已解决')
    await tapText(owner.page, '办事效率')
    await tapText(owner.page, '提交评价')
    await see(owner.page, '已完结')
    await see(owner.page, '评价：满意 · 问题已解决')
    await shoot(owner.page, 'standard-re-rated', { fullPage: true })

    const after = await call(town.leader.id, 'appeal.get', { id: appeal.id })
    expect(after).toMatchObject({ state: 'closed', rating: { rating: 'satisfied', bad: false, solved: true } })
    expect(after.timeline.map((e) => e.action)).toEqual(['create', 'accept', 'resolve', 'rateUnsatisfied', 'resolve', 'followUp', 'rate'])
    expect([...owner.errors, ...staff.errors, ...leader.errors]).toEqual([])
  })

  it('[诉求标准] 特派员代为登记 12345 工单；不予受理交督查办审核，企业提出异议，督查办退回重办', async () => {
    const title = `12345：厂区门口积水（${Date.now() % 100000}）`

    // The officer takes down a 12345 工单 for the enterprise.
    const staff = await phonePage(harness)
    await signInAs(staff.page, harness, officer.name)
    await tapText(staff.page, '我的')
    await tapText(staff.page, '特派员工作台')
    await tapText(staff.page, '代为登记诉求（来电、12345 工单、窗口）')
    await staff.page.waitForURL(/packageOfficer\/pages\/file-for/)
    // Sent empty, the form names each thing it still needs, under it, and sends nothing.
    await tapText(staff.page, '登记并告知企业')
    for (const message of ['请选择企业', '请选择诉求来源', '请选择诉求类别', '请填写诉求标题']) await see(staff.page, message)
    await tapText(staff.page, enterprise.name)
    await visibleText(staff.page, '请选择企业').waitFor({ state: 'hidden' })
    await see(staff.page, '请选择诉求来源')
    await tapText(staff.page, '12345 热线工单')
    await tapText(staff.page, '物流通行')
    await typeInto(staff.page, '一句话说明问题', title)
    await typeInto(staff.page, '企业反映的情况，按来电、工单或当面所述记录', '市民热线转来：厂区门口雨后积水严重，货车无法通行。')
    await typeInto(staff.page, '联系人姓名', enterprise.owner.name)
    await typeInto(staff.page, '联系电话', enterprise.owner.phone)
    // A 12345 工单 without its number is asked for it, under the box.
    await tapText(staff.page, '登记并告知企业')
    await see(staff.page, '12345 热线工单请填写工单编号')
    await typeInto(staff.page, '12345 工单编号', 'GD2026-0457')
    await visibleText(staff.page, '12345 热线工单请填写工单编号').waitFor({ state: 'hidden' })
    await shoot(staff.page, 'standard-file-for', { fullPage: true })
    await tapText(staff.page, '登记并告知企业')
    // Taken down: 提交成功 with the number to tell the caller, then the appeal.
    await staff.page.waitForURL(/pages\/appeal-done\/index/)
    await see(staff.page, '提交成功')
    await tapText(staff.page, '查看诉求')
    await staff.page.waitForURL(/pages\/appeal-detail\/index/)
    await see(staff.page, '来源：12345 热线工单（工单号 GD2026-0457）')
    await shoot(staff.page, 'standard-filed-for', { fullPage: true })

    // It is the county's road: the officer returns it, and it goes to the 督查 office.
    await tapMove(staff.page, '不予受理')
    await typeInto(staff.page, '不予受理的理由', '厂区门口道路属县公路段管养')
    await typeInto(staff.page, '建议办理渠道：应向哪个部门或通过什么途径办理', '县公路管理段')
    await tapText(staff.page, '确认不予受理')
    await see(staff.page, '不予受理待审核')
    await see(staff.page, '不予受理正在由督查办审核')

    // The owner was told it was taken down for them, and objects to the return.
    const owner = await phonePage(harness)
    await signInAs(owner.page, harness, enterprise.owner.name)
    await openAppeal(owner.page, title, false)
    await see(owner.page, '来源：12345 热线工单（工单号 GD2026-0457）')
    await tapText(owner.page, '对不予受理有异议')
    await typeInto(owner.page, '异议理由：为什么应当受理（只能提一次）', '积水是厂区排水沟堵塞造成的，属于镇里管')
    await tapText(owner.page, '确认对不予受理有异议')
    await see(owner.page, '（企业已提出异议）', { exact: false })
    await shoot(owner.page, 'standard-return-objected', { fullPage: true })

    // The 督查 office finds it the town's to handle and sends it back.
    const office = await phonePage(harness)
    await signInAs(office.page, harness, town.admin.name)
    await tapText(office.page, '我的')
    await tapText(office.page, '督查工作台')
    await tapText(office.page, '督查待办')
    await shoot(office.page, 'standard-office-queue', { fullPage: true })
    await tapText(office.page, title)
    await tapText(office.page, '审核不予受理')
    await tapText(office.page, '退回重办')
    await typeInto(office.page, '审核意见', '排水沟属镇里管养，请产业服务办协调疏通')
    await tapText(office.page, '确认审核不予受理')
    await see(office.page, '已受理')
    await see(office.page, '督查办审核：退回部门办理（企业已提出异议）')
    await shoot(office.page, 'standard-return-overturned', { fullPage: true })
    expect([...staff.errors, ...owner.errors, ...office.errors]).toEqual([])
  })
})
