import { Caller } from '../../cloud/actions/context'
import { dispatch } from '../../cloud/app/router'
import type { AppealDetail } from '../../cloud/contract'
import { findUserById } from '../../cloud/store/repositories/users'
import { town } from '../support/town'
import { makeServices } from '../support/services'
import { phonePage, see, shoot, signInAs, startHarness, tapText, type Harness } from './browser'

jest.setTimeout(120_000)

describe('[领导看板] 浏览器旅程', () => {
  let harness: Harness
  beforeAll(async () => {
    harness = await startHarness()
  })
  afterAll(() => harness?.close())

  it('[领导看板] 领导打开看板，看到本月三率、通报摘要和部门排名', async () => {
    const enterprise = town.enterprises.grainFoods
    const services = makeServices(harness.store, { now: Date.now() }).services
    const as = async (id: string): Promise<Caller> => ({ kind: 'user', user: (await findUserById(harness.store.db, id))! })
    for (const [i, category] of ['融资', '水电气路'].entries()) {
      const created = (
        await dispatch(services, await as(enterprise.owner.id), 'appeal.create', {
          clientRequestId: `req-dash-${Date.now()}-${i}`,
          category,
          title: `看板诉求${i}`,
          description: '用于领导看板的诉求内容。',
          contactName: enterprise.owner.name,
          contactPhone: '13800001111',
        })
      ).body as { data: AppealDetail }
      const accepted = (
        await dispatch(services, await as(enterprise.officer_id), 'appeal.accept', {
          id: created.data.id,
          version: created.data.version,
          publicSummary: '企业诉求已受理，正在协调办理',
        })
      ).body as { data: AppealDetail }
      if (i === 0)
        await dispatch(services, await as(enterprise.officer_id), 'appeal.resolve', {
          id: created.data.id,
          version: accepted.data.version,
          outcome: '协调银行放贷',
          helpKind: 'new_loan',
          helpAmount: 3_000_000,
        })
    }

    const leader = town.leader
    const { page, errors } = await phonePage(harness)
    await signInAs(page, harness, leader.name)
    await tapText(page, '我的')
    await tapText(page, '领导看板')
    await page.waitForURL(/packageLeader\/pages\/dashboard/)
    await see(page, '通报摘要', { exact: false })
    await see(page, '响应率')
    await see(page, '部门排名')
    await see(page, '为 1 家企业新增贷款 300 万元')
    await see(page, '按周走势')
    // The charts are drawn: their canvases hold more than the white background.
    await page.waitForFunction(() => {
      const canvases = Array.from(document.querySelectorAll<HTMLCanvasElement>('.chart canvas'))
      return (
        canvases.length >= 2 &&
        canvases.every((c) => {
          const { data } = c.getContext('2d')!.getImageData(0, 0, c.width, c.height)
          for (let i = 0; i < data.length; i += 4) if (data[i] < 200 || data[i + 1] < 200) return true
          return false
        })
      )
    })
    await shoot(page, 'leader-dashboard', { fullPage: true })

    // A figure opens the appeals it counts.
    await tapText(page, '共 2 件')
    await see(page, '看板诉求0')
    await see(page, '看板诉求1')
    await shoot(page, 'leader-drill', { fullPage: true })

    // 分项统计: the same month by officer.
    await page.goBack()
    await tapText(page, '分项统计')
    await see(page, '按承办人')
    await see(page, town.all.staff.find((u) => u.id === enterprise.officer_id)!.name, { exact: false })
    await shoot(page, 'leader-breakdown', { fullPage: true })
    await page.goBack()
    await tapText(page, '督查考核')
    await see(page, '季度督查', { exact: false })
    await shoot(page, 'leader-assessment', { fullPage: true })
    expect(errors).toEqual([])
  })

  it('[领导看板] 督办超期诉求、定“每月一题”、导出 Excel 和打印通报', async () => {
    // Three firms short of workers, filed two days ago and never answered: overdue now. They ask
    // again today, so the shared problem is this month's whatever the day (two days ago may be last month).
    const past = makeServices(harness.store, { now: Date.now() - 2 * 24 * 3600_000 }).services
    const today = makeServices(harness.store, { now: Date.now() }).services
    const as = async (id: string): Promise<Caller> => ({ kind: 'user', user: (await findUserById(harness.store.db, id))! })
    const stamp = Date.now() % 100000
    for (const [when, services] of [
      ['past', past],
      ['today', today],
    ] as const) {
      for (const [i, e] of town.all.enterprises.slice(3, 6).entries()) {
        const reply = await dispatch(services, await as(e.owner.id), 'appeal.create', {
          clientRequestId: `req-topic-${stamp}-${when}-${i}`,
          category: '用工',
          title: when === 'past' ? `缺吹塑工人${i}（${stamp}）` : `仍缺吹塑工人${i}（${stamp}）`,
          description: '新生产线缺少吹塑操作工，招聘困难。',
          contactName: e.owner.name,
          contactPhone: '13800001111',
        })
        expect(reply.status).toBe(200)
      }
    }

    const leader = town.leader
    const labour = town.departments.labour.name
    const { page, errors } = await phonePage(harness)
    await signInAs(page, harness, leader.name)
    await tapText(page, '我的')
    await tapText(page, '领导看板')
    await see(page, '超期未办结', { exact: false })
    await see(page, `缺吹塑工人0（${stamp}）`)
    await tapText(page, '督办')
    await page.getByRole('textbox', { name: '督办要求，如“请于明天下班前答复企业”' }).fill('请今天答复企业，明天报送进展')
    await tapText(page, '发送督办')
    await see(page, '已督办，承办人和部门负责人会收到提醒')

    await see(page, `用工问题（${labour}）`, { exact: false })
    await page
      .getByRole('radio')
      .filter({ hasText: `用工问题（${labour}）` })
      .first()
      .click()
    await page.getByRole('textbox', { name: '工作要求，如“联合职教中心开展定向培训”' }).fill('联合县职教中心开展吹塑工定向培训')
    await tapText(page, '定为本月一题')
    await see(page, `${labour}牵头`, { exact: false })
    await shoot(page, 'leader-dashboard-topic', { fullPage: true })

    await tapText(page, '通报全文')
    await see(page, '导出 Excel')
    const download = page.waitForEvent('download')
    await tapText(page, '导出 Excel')
    expect((await download).suggestedFilename()).toMatch(/^企业诉求办理情况通报-\d{4}-\d{2}\.xlsx$/)
    await page.emulateMedia({ media: 'print' })
    await shoot(page, 'bulletin-print', { fullPage: true })
    await page.emulateMedia({ media: 'screen' })
    expect(errors).toEqual([])
  })
})
