import { town } from '../support/town'
import {
  phonePage,
  see,
  shoot,
  signInAs,
  signInAsNewWechatUser,
  startHarness,
  tapText,
  typeInto,
  visibleText,
  type Harness,
} from './browser'

jest.setTimeout(120_000)

describe('[绑定] 浏览器旅程', () => {
  let harness: Harness
  beforeAll(async () => {
    harness = await startHarness()
  })
  afterAll(() => harness?.close())

  it('[绑定] 特派员生成一次性绑定码；新微信用户输错看到原因，输对后等企业负责人同意；负责人同意后成为企业用户', async () => {
    const enterprise = town.enterprises.vialWorks
    const officer = town.all.staff.find((u) => u.id === enterprise.officer_id)!

    // The officer issues the enterprise's binding code from their page.
    const staff = await phonePage(harness)
    await signInAs(staff.page, harness, officer.name)
    await tapText(staff.page, '我的')
    await tapText(staff.page, '企业与绑定码')
    await tapText(staff.page, enterprise.name)
    await staff.page.waitForURL(/pages\/members\/index/)
    await tapText(staff.page, '生成绑定码')
    await see(staff.page, '企业绑定码')
    const code = (await staff.page.locator('.code-card__code').filter({ visible: true }).first().innerText()).trim()
    expect(code).toMatch(/^\d{8}$/)
    await staff.page.locator('.code-card__qr img').filter({ visible: true }).waitFor()
    await shoot(staff.page, 'bind-code-issued', { fullPage: true })

    // A WeChat user seen for the first time binds with it.
    const guest = await phonePage(harness)
    await signInAsNewWechatUser(guest.page, harness)
    await tapText(guest.page, '我的')
    await tapText(guest.page, '用信用代码和绑定码绑定')
    await guest.page.waitForURL(/pages\/bind\/index/)
    // Sent empty, each box says what it needs, under it.
    await tapText(guest.page, '绑定')
    for (const message of ['绑定码是 8 位数字，请向您的驻企特派员索取', '请填写您的姓名', '请填写 11 位手机号'])
      await see(guest.page, message)
    await typeInto(guest.page, '营业执照上的 18 位代码', enterprise.credit_code.toLowerCase())
    await typeInto(guest.page, '驻企特派员给您的 8 位数字', code === '00000000' ? '11111111' : '00000000')
    await typeInto(guest.page, '您的姓名', '苗小禾')
    await typeInto(guest.page, '您的手机号', '13655550001')
    await tapText(guest.page, '绑定')
    await see(guest.page, '统一社会信用代码或绑定码不正确，请向您的驻企特派员核对', { exact: false })
    await shoot(guest.page, 'bind-wrong-code')

    await typeInto(guest.page, '驻企特派员给您的 8 位数字', code)
    await tapText(guest.page, '绑定')
    // The enterprise has an owner already: it waits for their approval.
    await see(guest.page, '已提交，等待同意')
    await shoot(guest.page, 'bind-pending', { fullPage: true })

    // The owner approves from 企业成员.
    const owner = await phonePage(harness)
    await signInAs(owner.page, harness, enterprise.owner.name)
    await tapText(owner.page, '我的')
    await tapText(owner.page, '企业成员')
    await see(owner.page, '待同意的绑定申请')
    await see(owner.page, '苗小禾')
    await shoot(owner.page, 'members-request', { fullPage: true })
    await tapText(owner.page, '同意')
    await see(owner.page, '企业用户（2）')
    await shoot(owner.page, 'members-approved', { fullPage: true })

    // The newcomer is now an owner, and sees their officer.
    await guest.page.goto(`${harness.url}/#/pages/me/index`)
    await see(guest.page, `统一社会信用代码 ${enterprise.credit_code}`)
    await see(guest.page, officer.name)
    await shoot(guest.page, 'bind-done', { fullPage: true })
    expect(await visibleText(guest.page, '企业用户').count()).toBe(1)

    // The toast for the wrong code is the one expected error; nothing else went wrong.
    expect([...staff.errors, ...guest.errors.filter((e) => !e.includes('400')), ...owner.errors]).toEqual([])
  })
})
