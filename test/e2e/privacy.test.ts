import { town } from '../support/town'
import { phonePage, see, shoot, signInAs, startHarness, tapText, typeInto, visibleText, type Harness } from './browser'

jest.setTimeout(120_000)

describe('[个人信息] 浏览器旅程', () => {
  let harness: Harness
  beforeAll(async () => {
    harness = await startHarness()
  })
  afterAll(() => harness?.close())

  it('[个人信息] 企业用户查阅、更正并注销自己的个人信息', async () => {
    const enterprise = town.enterprises.bioMaterials
    const { page, errors } = await phonePage(harness)
    await signInAs(page, harness, enterprise.owner.name)
    await tapText(page, '我的')
    await see(page, '企业走访码')
    await shoot(page, 'me-owner', { fullPage: true })
    await tapText(page, '个人信息与隐私')
    await see(page, '我们收集什么、为什么')
    await see(page, '照片')
    await see(page, enterprise.owner.phone)
    await shoot(page, 'privacy-page', { fullPage: true })

    // A number too short is caught on the form, under the box, and nothing is sent.
    await typeInto(page, '手机号', '139123')
    await tapText(page, '保存')
    await see(page, '请填写 11 位手机号')
    await typeInto(page, '手机号', '13912345678')
    await visibleText(page, '请填写 11 位手机号').waitFor({ state: 'hidden' })
    await tapText(page, '保存')
    await see(page, '13912345678')
    const stored = await harness.store.db
      .selectFrom('users')
      .select('phone')
      .where('id', '=', enterprise.owner.id)
      .executeTakeFirstOrThrow()
    expect(stored.phone).toBe('13912345678')

    await typeInto(page, '输入“注销”确认', '注销')
    await tapText(page, '注销并删除我的个人信息')
    await page.waitForURL(/pages\/login\/index/)
    const gone = await harness.store.db.selectFrom('users').selectAll().where('id', '=', enterprise.owner.id).executeTakeFirstOrThrow()
    expect(gone).toMatchObject({ name: '已注销用户', phone: '', enterprise_id: null, role: 'guest' })
    expect(errors).toEqual([])
  })
})
