import { inZone } from '../../cloud/domain/clock'
import { town } from '../support/town'
import { phonePage, see, shoot, signInAs, startHarness, tapText, typeInto, type Harness } from './browser'

jest.setTimeout(180_000)

describe('[一季一督查] 浏览器旅程', () => {
  let harness: Harness
  beforeAll(async () => {
    harness = await startHarness()
  })
  afterAll(() => harness?.close())

  it('[一季一督查] 督查室记录督查问题，部门负责人反馈整改，督查室销号；领导看年度考核的各项得分', async () => {
    const { page, errors } = await phonePage(harness)
    const inspectionPage = `${harness.url}/#/packageLeader/pages/inspection/index`

    // The 督查 office records an inspection of 金融服务办 with two findings.
    await signInAs(page, harness, town.admin.name)
    await page.goto(inspectionPage)
    // Sent empty, the form names what it needs under each field.
    await tapText(page, '记录并通知整改')
    for (const message of ['请选择被督查部门', '请填写督查情况', '请至少填写一条发现的问题']) await see(page, message)
    await tapText(page, '金融服务办')
    await typeInto(page, '督查情况：查了什么、怎么查的', '抽查本季度融资诉求办理和走访台账')
    await typeInto(page, '发现的问题，每行一条（部门负责人会收到整改通知）', '两件融资诉求回访记录缺失\n走访台账缺少企业签字')
    await tapText(page, '记录并通知整改')
    await see(page, '1. 两件融资诉求回访记录缺失')
    await shoot(page, 'inspection-recorded', { fullPage: true })

    // The head finds it in the workbench and answers the first finding.
    await signInAs(page, harness, town.heads.finance.name)
    await page.goto(`${harness.url}/#/packageOfficer/pages/workbench/index`)
    // Its count is of what the department has still to answer (a retried journey finds the first attempt's too).
    await page
      .getByText(/^督查整改：\d+ 条问题待反馈整改情况 ›$/)
      .filter({ visible: true })
      .first()
      .click({ force: true })
    await see(page, '1. 两件融资诉求回访记录缺失')
    await typeInto(page, '整改情况：做了什么、结果如何', '已补做两次回访并录入系统')
    await tapText(page, '反馈整改情况')
    await see(page, '整改情况：已补做两次回访并录入系统')
    await shoot(page, 'inspection-answered', { fullPage: true })

    // The office closes it.
    await signInAs(page, harness, town.admin.name)
    await page.goto(inspectionPage)
    await see(page, '整改情况：已补做两次回访并录入系统')
    await tapText(page, '销号')
    await see(page, '已销号')
    await shoot(page, 'inspection-closed', { fullPage: true })
    // The office (admins) may set the town's weights on the assessment page.
    await page.goto(`${harness.url}/#/packageLeader/pages/assessment/index`)
    await tapText(page, '调整考核权重 ›')
    await see(page, '考核权重（合计须为 1）')
    await see(page, '合计 1')
    await shoot(page, 'assessment-weights')

    // A leader reads the year's assessment: every component with its weight, and opens the inspections line.
    await signInAs(page, harness, town.leader.name)
    await page.goto(`${harness.url}/#/packageLeader/pages/assessment/index`)
    const year = String(inZone(harness.clock.now()).year())
    await tapText(page, `${year}年度`)
    await see(page, `${year}年度考核`)
    for (const label of [
      '诉求响应率（15%）',
      '走访达标率（15%）',
      '一企一策节点按期率（10%）',
      '重点项目按进度率（10%）',
      '帮扶确认率（5%）',
    ])
      await see(page, label)
    await shoot(page, 'assessment-year', { fullPage: true })
    // Each department has its card: open 金融服务办's line.
    await page
      .locator('.assessment__dept')
      .filter({ visible: true, hasText: '金融服务办' })
      .getByText('督查整改按期率（10%）')
      .click({ force: true })
    await see(page, '金融服务办 · 督查整改按期率', { exact: false })
    await see(page, '两件融资诉求回访记录缺失')
    await shoot(page, 'assessment-items')
    expect(errors).toEqual([])
  })
})
