import { apiAs } from '../support/api'
import { makeServices } from '../support/services'
import { town } from '../support/town'
import { phonePage, see, shoot, signInAs, startHarness, tapText, typeInto, type Harness, viewFiledAppeal } from './browser'

jest.setTimeout(120_000)

describe('[帮办代办] 浏览器旅程', () => {
  let harness: Harness
  beforeAll(async () => {
    harness = await startHarness()
  })
  afterAll(() => harness?.close())

  it('[帮办代办] 企业在服务目录选一项，请帮我办，生成一条代办诉求', async () => {
    const enterprise = town.enterprises.vialWorks
    // The first 法人 item of the catalogue the host serves, in full.
    const api = apiAs(makeServices(harness.store, { now: harness.now }).services)
    const listed = await api.call(enterprise.owner.id, 'service.list', {})
    const item = await api.call(enterprise.owner.id, 'service.get', { id: listed.groups.find((g) => g.group === '法人')!.items[0].id })
    const { page, errors } = await phonePage(harness)
    await signInAs(page, harness, enterprise.owner.name)
    await tapText(page, '我的')
    await tapText(page, '帮办代办')
    await page.waitForURL(/packageService\/pages\/catalogue/)
    await tapText(page, '法人事项')
    await see(page, item.name)
    await shoot(page, 'service-catalogue', { fullPage: true })
    await tapText(page, item.name)
    await page.waitForURL(/packageService\/pages\/item/)
    await see(page, '需要准备')
    await see(page, item.materials[0], { exact: false })
    await shoot(page, 'service-item', { fullPage: true })

    await tapText(page, '请帮我办')
    await page.waitForURL(/pages\/appeal-new\/index/)
    await see(page, `帮办事项：${item.name}`)
    await typeInto(page, '遇到了什么困难、已经做过哪些尝试、希望得到什么帮助', '我们想办理这一项，材料已准备了一部分，请帮办员联系我们。')
    await tapText(page, '提交')
    await viewFiledAppeal(page)
    await see(page, `帮办事项：${item.name}`)
    await see(page, '待受理')
    await shoot(page, 'service-appeal', { fullPage: true })
    expect(errors).toEqual([])
  })
})
