import { town } from '../support/town'
import { phonePage, see, shoot, signInAs, startHarness, tapText, typeInto, type Harness } from './browser'

jest.setTimeout(90_000)

describe('[绑定] 浏览器旅程', () => {
  let harness: Harness
  beforeAll(async () => {
    harness = await startHarness()
  })
  afterAll(() => harness?.close())

  it('[绑定] 访客输错邀请码看到原因，输对后成为企业用户并看到自己的特派员', async () => {
    const { page, errors } = await phonePage(harness)
    const enterprise = town.enterprises.vialWorks
    const officer = town.all.staff.find((u) => u.id === enterprise.officer_id)!

    await signInAs(page, harness, town.guest.name)
    await tapText(page, '我的')
    await tapText(page, '用信用代码和邀请码绑定')
    await page.waitForURL(/pages\/bind\/index/)

    await typeInto(page, '营业执照上的 18 位代码', enterprise.credit_code.toLowerCase())
    const wrong = enterprise.invite_code === '000000' ? '111111' : '000000'
    await typeInto(page, '向您的驻企特派员索取的 6 位数字', wrong)
    await tapText(page, '绑定')
    await see(page, '统一社会信用代码或邀请码不正确，请向您的驻企特派员核对')
    await shoot(page, 'bind-wrong-code')

    await typeInto(page, '向您的驻企特派员索取的 6 位数字', enterprise.invite_code)
    await tapText(page, '绑定')
    await page.waitForURL(/pages\/me\/index/)
    await see(page, `统一社会信用代码 ${enterprise.credit_code}`)
    await see(page, officer.name)
    await shoot(page, 'bind-done', { fullPage: true })

    // The toast for the wrong code is the one expected error; nothing else went wrong.
    expect(errors.filter((e) => !e.includes('400'))).toEqual([])
  })
})
