import { town } from '../support/town'
import { phonePage, see, shoot, signInAs, startHarness, tapText, typeInto, visibleText, type Harness } from './browser'

jest.setTimeout(120_000)

describe('[诉求] 浏览器旅程：填写时推荐政策', () => {
  let harness: Harness
  beforeAll(async () => {
    harness = await startHarness()
  })
  afterAll(() => harness?.close())

  it('[诉求] 企业边写边看到可能已能解答的政策，打开后返回，已填内容还在', async () => {
    const enterprise = town.enterprises.grainFoods
    const policy = town.policies.vatCreditRefund.title
    const owner = await phonePage(harness)
    await signInAs(owner.page, harness, enterprise.owner.name)
    await tapText(owner.page, '诉求')
    await tapText(owner.page, '提交诉求')
    await owner.page.waitForURL(/pages\/appeal-new\/index/)
    await tapText(owner.page, '政策兑现')
    await typeInto(owner.page, '一句话说明问题，如“新厂房用电增容”', '留抵税额能不能退')
    await typeInto(
      owner.page,
      '遇到了什么困难、已经做过哪些尝试、希望得到什么帮助',
      '去年买设备进项多，销项少，攒下不少增值税留抵税额，想知道能不能退成现金。',
    )

    await see(owner.page, '这些政策或许已能解答您的问题')
    await see(owner.page, policy)
    await shoot(owner.page, 'appeal-new-suggestions', { fullPage: true })

    await tapText(owner.page, policy)
    await owner.page.waitForURL(/pages\/policy-detail\/index/)
    await see(owner.page, '谁能享受')
    await owner.page.goBack()
    await owner.page.waitForURL(/pages\/appeal-new\/index/)
    await see(owner.page, '这些政策或许已能解答您的问题')
    const title = owner.page.getByRole('textbox', { name: '一句话说明问题，如“新厂房用电增容”' }).filter({ visible: true }).first()
    expect(await title.inputValue()).toBe('留抵税额能不能退')
    expect(await visibleText(owner.page, '政策兑现').getAttribute('aria-checked')).toBe('true')
    expect(owner.errors).toEqual([])
  })
})
