import { printUrl } from '../../cloud/app/expo-codes'
import { signedFileLinks } from '../../cloud/app/file-links'
import { inZone, systemClock } from '../../cloud/domain/clock'
import { encodeScene } from '../../cloud/domain/expo-scene'
import { TEST_SECRET } from '../support/services'
import { town } from '../support/town'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import {
  phonePage,
  see,
  shoot,
  SHOTS,
  signInAs,
  startHarness,
  tapText,
  typeInto,
  visibleText,
  type Harness,
  viewFiledAppeal,
} from './browser'
import { deadlinePromise, readDeadlineConfig } from '../../cloud/domain/appeal/deadlines'

/** What the home page promises under the rule the host runs with (its sign that it has arrived). */
const PROMISE = deadlinePromise(readDeadlineConfig(process.env))

jest.setTimeout(120_000)

const EXPO = town.expo.name
/** capsulePack's booth, which medPack's owner visits and whose owner sees the lead. */
const BOOTH = town.expo.booths.capsulePack
const EXHIBITOR = town.enterprises.capsulePack
const VISITOR = town.enterprises.medPack

describe('[展会扫码] 浏览器旅程', () => {
  let harness: Harness
  beforeAll(async () => {
    harness = await startHarness()
  })
  afterAll(() => harness?.close())

  const boothUrl = async (boothNo: string) => {
    const row = await harness.store.db.selectFrom('exhibitors').select('code').where('booth_no', '=', boothNo).executeTakeFirstOrThrow()
    return `${harness.url}/#/pages/expo/index?scene=${encodeURIComponent(encodeScene({ kind: 'booth', code: row.code }))}`
  }

  it('[展会扫码] 企业主扫展位码，登录后回到展位，登记观众、关注展商并提交现场诉求；展商看到线索', async () => {
    const { page, errors } = await phonePage(harness)
    // Scanned before signing in: the browser build asks who you are, then opens the booth again.
    await page.goto(await boothUrl(BOOTH.booth_no))
    await page.waitForURL(/pages\/login\/index/)
    await tapText(page, VISITOR.owner.name)
    await page.waitForURL(/pages\/expo\/index/)
    await see(page, EXHIBITOR.name)
    await see(page, `${BOOTH.booth_no} 展位`)
    await see(page, JSON.parse(BOOTH.products)[0])
    await shoot(page, 'expo-booth')
    // Further down: the forum and the exhibition's featured policies.
    await visibleText(page, '展会推荐政策').scrollIntoViewIfNeeded()
    await see(page, town.policies.techUpgradeFund.title)
    await shoot(page, 'expo-booth-policies')
    await visibleText(page, EXHIBITOR.name).scrollIntoViewIfNeeded()

    await tapText(page, '登记观众')
    await see(page, '提交登记')
    await page.getByRole('checkbox').filter({ visible: true }).first().click()
    await shoot(page, 'expo-register', { fullPage: true })
    await tapText(page, '提交登记')
    await see(page, `已登记为观众：${VISITOR.owner.name} · ${VISITOR.name}（已同意向展商提供联系方式）`)

    await tapText(page, '关注展商')
    await see(page, '已关注')
    await shoot(page, 'expo-registered')

    await tapText(page, '现场诉求')
    await page.waitForURL(/pages\/appeal-new\/index/)
    await see(page, `现场诉求：${EXPO}`)
    await tapText(page, '市场拓展')
    await typeInto(page, '一句话说明问题，如“新厂房用电增容”', '想在展会上对接江浙药企')
    await typeInto(
      page,
      '遇到了什么困难、已经做过哪些尝试、希望得到什么帮助',
      '展会上遇到几家江浙药企有意向，希望镇里帮忙组织一次供需对接。',
    )
    await tapText(page, '提交')
    await viewFiledAppeal(page)
    await see(page, '待受理')
    await shoot(page, 'expo-appeal', { fullPage: true })

    const appeal = await harness.store.db
      .selectFrom('appeals')
      .select(['source', 'enterprise_id'])
      .where('title', '=', '想在展会上对接江浙药企')
      .executeTakeFirstOrThrow()
    expect(appeal).toEqual({ source: 'exhibition', enterprise_id: VISITOR.id })
    const scans = await harness.store.db.selectFrom('expo_scans').select('user_id').where('exhibitor_id', '=', BOOTH.id).execute()
    expect(scans).toEqual([{ user_id: VISITOR.owner.id }])
    expect(errors).toEqual([])

    // The exhibitor's owner opens their own booth and sees the lead, as the visitor agreed.
    const exhibitor = await phonePage(harness)
    await signInAs(exhibitor.page, harness, EXHIBITOR.owner.name)
    await see(exhibitor.page, PROMISE.accept)
    await exhibitor.page.goto(await boothUrl(BOOTH.booth_no))
    await see(exhibitor.page, '本展位线索')
    await see(exhibitor.page, `${VISITOR.owner.name} · ${VISITOR.name}`)
    await shoot(exhibitor.page, 'expo-leads', { fullPage: true })
    expect(exhibitor.errors).toEqual([])
  })

  it('[展会扫码] 无法识别或找不到的码，给出去首页的路', async () => {
    const { page, errors } = await phonePage(harness)
    await page.goto(`${harness.url}/#/pages/expo/index?scene=${encodeURIComponent('不是展会的码')}`)
    await see(page, '二维码无法识别')
    await shoot(page, 'expo-malformed')
    await signInAs(page, harness, town.guest.name)
    // The home page the sign-in relaunched has finished arriving, so it cannot cover the next page.
    await see(page, PROMISE.accept)
    await page.goto(`${harness.url}/#/pages/expo/index?scene=b.zzzzzzzz`)
    await see(page, '没有找到这个展位')
    await shoot(page, 'expo-unknown')
    await tapText(page, '去首页')
    await page.waitForURL(/pages\/home\/index/)
    expect(errors).toEqual([])
  })

  it('[展会扫码] 管理员打开可打印的展位码页（A4），签名不对的链接打不开', async () => {
    const link = printUrl(signedFileLinks(TEST_SECRET, systemClock), town.expo.id)!
    const context = await harness.browser.newContext({ viewport: { width: 794, height: 1123 }, locale: 'zh-CN' })
    const page = await context.newPage()
    const reply = await page.goto(`${harness.url}${link}`)
    expect(reply?.status()).toBe(200)
    await page.getByText(BOOTH.booth_no).waitFor()
    expect(await page.locator('figure.card svg').count()).toBe(town.all.booths.length + 1) // the entrance and every booth
    await page.screenshot({ path: join(SHOTS, 'expo-print-sheet.png'), fullPage: true })
    const pdf = join(SHOTS, 'expo-print-sheet.pdf')
    await page.pdf({ path: pdf, format: 'A4', printBackground: true })
    // Twelve codes to an A4 page, none split: the entrance and the town's 22 booths make two pages.
    expect(town.all.booths).toHaveLength(22)
    expect(readFileSync(pdf, 'latin1').match(/\/Type\s*\/Page\b/g)).toHaveLength(2)

    const forged = await page.goto(`${harness.url}${link.replace(/signature=(.)/, (_, c: string) => `signature=${c === 'a' ? 'b' : 'a'}`)}`)
    expect(forged?.status()).toBe(403)
    await page.getByText('打印链接已失效').waitFor()
    await context.close()

    // The admin's page: totals, the busiest booths (BOOTH was scanned in the first journey), the booths.
    const admin = await phonePage(harness)
    await signInAs(admin.page, harness, town.admin.name)
    await tapText(admin.page, '我的')
    await tapText(admin.page, '展会扫码')
    await admin.page.waitForURL(/packageAdmin\/pages\/exhibition/)
    await see(admin.page, '最热展位')
    await see(admin.page, `1. ${BOOTH.booth_no} ${EXHIBITOR.name}`)
    await shoot(admin.page, 'expo-admin')

    // Next year's exhibition, created in the app; the page then shows it.
    const nextYear = inZone(Date.now()).year() + 1
    await tapText(admin.page, '新建展会')
    // Sent empty, the form names what it needs under each box, and nothing is sent.
    await tapText(admin.page, '创建展会')
    for (const message of ['请填写展会名称', '请填写举办地点', '请填写展位数']) await see(admin.page, message)
    await typeInto(admin.page, '展会名称，如 第五届中空塑料博览会', '第二届青禾药包材与塑料制品展览会')
    await typeInto(admin.page, '举办地点', '青禾新会展中心')
    await typeInto(admin.page, '开幕日期，如 2027-10-28', `${nextYear}-10-30`)
    await typeInto(admin.page, '闭幕日期，如 2027-10-30', `${nextYear}-10-28`)
    await typeInto(admin.page, '展馆，用顿号隔开', '1号馆、2号馆')
    await typeInto(admin.page, '展位数', '700')
    await tapText(admin.page, '创建展会')
    await see(admin.page, '闭幕日期不能早于开幕日期', { exact: false })
    await typeInto(admin.page, '闭幕日期，如 2027-10-30', `${nextYear}-11-01`)
    await tapText(admin.page, '创建展会')
    await see(admin.page, '青禾新会展中心', { exact: false })
    await see(admin.page, '0/700 个展位已安排', { exact: false })
    await shoot(admin.page, 'expo-admin-new', { fullPage: true })
    // The form checks before it sends: nothing refused, nothing logged.
    expect(admin.errors).toEqual([])
  })
})
