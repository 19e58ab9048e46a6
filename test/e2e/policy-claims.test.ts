import { town } from '../support/town'
import type { Page } from 'playwright-core'
import { phonePage, see, shoot, signInAs, startHarness, tapText, typeInto, type Harness } from './browser'

jest.setTimeout(120_000)

/** Opens a page by its link, as a message or a shared card does: a fresh load of the app at that page. */
async function open(page: Page, harness: Harness, path: string) {
  await page.goto(`${harness.url}/#${path}`)
  await page.reload()
}

describe('[政策兑现] 浏览器旅程', () => {
  let harness: Harness
  beforeAll(async () => {
    harness = await startHarness()
  })
  afterAll(() => harness?.close())

  it('[政策兑现] 企业说已申报 → 特派员在应享未享之外看到它并记录兑现金额 → 企业确认收到，政策页显示已确认', async () => {
    const { medPack } = town.enterprises
    const policy = town.policies.techUpgradeFund
    const detail = `/pages/policy-detail/index?id=${encodeURIComponent(policy.id)}`
    // A retry starts from no application, as the first attempt did.
    const db = harness.store.db
    const earlier = await db.selectFrom('policy_claims').select('help_entry_id').where('policy_id', '=', policy.id).execute()
    await db.deleteFrom('policy_claims').where('policy_id', '=', policy.id).execute()
    const entries = earlier.flatMap((c) => (c.help_entry_id ? [c.help_entry_id] : []))
    if (entries.length) await db.deleteFrom('help_entries').where('id', 'in', entries).execute()

    const owner = await phonePage(harness)
    await signInAs(owner.page, harness, medPack.owner.name)
    await open(owner.page, harness, detail)
    await see(owner.page, '政策兑现')
    await tapText(owner.page, '我已申报')
    await see(owner.page, '现在：已申报')
    await shoot(owner.page, 'policy-claim-applied', { fullPage: true })

    const staff = await phonePage(harness)
    await signInAs(staff.page, harness, town.officer.name)
    await open(staff.page, harness, detail)
    await tapText(staff.page, '查看名单，跟进应享未享的企业 ›')
    await see(staff.page, '应享未享', { exact: false })
    await shoot(staff.page, 'policy-claims-unclaimed', { fullPage: true })
    await tapText(staff.page, '已申报 1')
    await see(staff.page, medPack.name)
    await tapText(staff.page, '记录兑现')
    await typeInto(staff.page, '如：12', '12')
    await typeInto(staff.page, '兑现情况，如：技改补助已拨付到企业账户', '技改补助已拨付')
    await tapText(staff.page, '保存，请企业确认收到')
    await tapText(staff.page, '已兑现待确认 1')
    await see(staff.page, '兑现 12 万元', { exact: false })
    await shoot(staff.page, 'policy-claims-granted', { fullPage: true })

    await open(owner.page, harness, '/pages/me/index')
    await tapText(owner.page, '帮扶记录')
    await see(owner.page, '兑现政策「企业技术改造专项资金」：技改补助已拨付', { exact: false })
    await tapText(owner.page, '确认收到')
    await see(owner.page, '企业已确认')
    await open(owner.page, harness, detail)
    await see(owner.page, '现在：企业已确认')
    await shoot(owner.page, 'policy-claim-confirmed', { fullPage: true })

    expect([...owner.errors, ...staff.errors]).toEqual([])
  })
})
