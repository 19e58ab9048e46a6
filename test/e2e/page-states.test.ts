import type { Page, Route } from 'playwright-core'
import { town } from '../support/town'
import { phonePage, see, shoot, signInAs, startHarness, tapText, type Harness } from './browser'

jest.setTimeout(90_000)

/** Holds every call of one action until released, or answers it with a server error. */
async function interceptAction(page: Page, action: string, mode: 'hold' | 'fail') {
  const held: Route[] = []
  await page.route(`**/api/${action}`, async (route) => {
    if (mode === 'fail')
      return route.fulfill({
        status: 500,
        contentType: 'application/json',
        body: JSON.stringify({ ok: false, error: { code: 'INTERNAL', message: '服务器开小差了，请稍后再试' } }),
      })
    held.push(route)
  })
  return {
    release: async () => {
      for (const route of held.splice(0)) await route.continue()
      await page.unroute(`**/api/${action}`)
    },
  }
}

describe('[页面状态] 浏览器旅程', () => {
  let harness: Harness
  beforeAll(async () => {
    harness = await startHarness()
  })
  afterAll(() => harness?.close())

  it('[页面状态] 政策详情加载中显示骨架，加载失败显示原因和“重试”，重试成功后显示内容', async () => {
    const { page } = await phonePage(harness)
    await signInAs(page, harness, town.enterprises.grainFoods.owner.name)
    await tapText(page, '政策')
    const cards = page.locator('.policy-card').filter({ visible: true })
    await cards.first().waitFor()
    const [title, other] = await Promise.all([cards.nth(0).getAttribute('aria-label'), cards.nth(1).getAttribute('aria-label')])

    // Slow: the page is a skeleton, never blank.
    const slow = await interceptAction(page, 'policy.get', 'hold')
    await tapText(page, title!)
    await page.waitForURL(/pages\/policy-detail\/index/)
    await page.locator('[aria-busy="true"] .nut-skeleton').filter({ visible: true }).first().waitFor()
    await shoot(page, 'state-loading', { fullPage: true })
    await slow.release()
    await see(page, '谁能享受')
    await see(page, title!)

    // Failing: what went wrong and a way to try again, which works once the server answers.
    await page.goBack()
    const failing = await interceptAction(page, 'policy.get', 'fail')
    await tapText(page, other!)
    await see(page, '没有加载出来')
    await see(page, '服务器开小差了，请稍后再试')
    await shoot(page, 'state-failed', { fullPage: true })
    await failing.release()
    await tapText(page, '重试')
    await see(page, other!)
  })

  it('[页面状态] 诉求列表加载失败时不显示“还没有诉求”，而是原因和“重试”', async () => {
    const { page } = await phonePage(harness)
    const failing = await interceptAction(page, 'appeal.listMine', 'fail')
    await signInAs(page, harness, town.enterprises.grainFoods.owner.name)
    await tapText(page, '诉求')
    await see(page, '没有加载出来')
    expect(await page.getByText('还没有诉求', { exact: false }).filter({ visible: true }).count()).toBe(0)
    await shoot(page, 'state-list-failed')
    await failing.release()
    await tapText(page, '重试')
    await page.getByText('没有加载出来').filter({ visible: true }).waitFor({ state: 'hidden' })
    // The list as the server has it: the owner's appeals, or that there are none yet.
    await page.locator('.appeal-card, .appeals__none').filter({ visible: true }).first().waitFor()
  })

  it('[页面状态] 工作人员的“我是谁”加载失败时，首页不显示企业的入口，重试后显示工作人员首页', async () => {
    const { page } = await phonePage(harness)
    await signInAs(page, harness, town.officer.name)
    await see(page, '今日待办')
    const failing = await interceptAction(page, 'auth.me', 'fail')
    await page.reload()
    await see(page, '没有加载出来')
    for (const entry of ['提交诉求', '预约走访', '我的企业'])
      expect(await page.getByText(entry, { exact: true }).filter({ visible: true }).count()).toBe(0)
    expect(await page.getByText('没有加载出来').filter({ visible: true }).count()).toBe(1)
    await shoot(page, 'state-me-failed')
    await failing.release()
    await tapText(page, '重试')
    await see(page, '今日待办')
  })
})
