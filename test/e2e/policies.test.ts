import { town } from '../support/town'
import { listPublishedPolicies } from '../../cloud/store/repositories/policies'
import { phonePage, see, shoot, signInAs, startHarness, tapText, type Harness } from './browser'

jest.setTimeout(90_000)

describe('[政策] 浏览器旅程', () => {
  let harness: Harness
  beforeAll(async () => {
    harness = await startHarness()
  })
  afterAll(() => harness?.close())

  it('[政策] 未登录先到选择身份页，企业用户登录后在政策页看到已发布的政策并打开解读', async () => {
    const { page, errors } = await phonePage(harness)
    const owner = town.enterprises.grainFoods

    await page.goto(harness.url)
    await page.waitForURL(/pages\/login\/index/)
    await see(page, owner.owner.name)
    await shoot(page, 'login')

    await signInAs(page, harness, owner.owner.name)
    await see(page, `您好，${owner.owner.name}`)
    await see(page, owner.name)
    await shoot(page, 'home')

    await tapText(page, '政策')
    const { rows, total } = await listPublishedPolicies(harness.store.db, {
      sort: 'latest',
      today: '2026-03-02',
      expiringBy: '2026-05-01',
      limit: 50,
      offset: 0,
    })
    await see(page, `共 ${total} 条政策`)
    for (const policy of rows) await see(page, policy.title)
    await shoot(page, 'policies', { fullPage: true })

    await tapText(page, rows[0].title)
    await page.waitForURL(/pages\/policy-detail\/index/)
    await see(page, '谁能享受')
    await see(page, '怎么办理')
    await shoot(page, 'policy-detail', { fullPage: true })

    expect(errors).toEqual([])
  })

  it('[我的] 企业用户在“我的”看到本企业和驻企特派员', async () => {
    const { page, errors } = await phonePage(harness)
    const enterprise = town.enterprises.medPack
    const officer = town.all.staff.find((u) => u.id === enterprise.officer_id)!
    await signInAs(page, harness, enterprise.owner.name)
    await tapText(page, '我的')
    await see(page, `统一社会信用代码 ${enterprise.credit_code}`)
    await see(page, officer.name)
    await shoot(page, 'me-owner', { fullPage: true })
    expect(errors).toEqual([])
  })
})
