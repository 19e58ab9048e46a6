import { existsSync, mkdirSync, readdirSync } from 'node:fs'
import { join } from 'node:path'
import type { Page, Route } from 'playwright-core'
import { inZone } from '../../cloud/domain/clock'
import { encodeScene } from '../../cloud/domain/expo-scene'
import { apiAs } from '../support/api'
import { makeServices } from '../support/services'
import { furnishTown, town } from '../support/town'
import { SHOTS, phonePage, signInAs, signInAsNewWechatUser, startHarness, type Harness } from './browser'

jest.setTimeout(180_000)

/**
 * Every page each kind of person uses, in the three states a page can be in (loading, failed,
 * loaded), at 375 px and 320 px wide: never blank, never wider than the phone, every call
 * held, then failed, then answered on one load of the page. The screenshots land in
 * test-results/screenshots/every-page/ to be looked at.
 */
const DIR = join(SHOTS, 'every-page')
const SRC = join(__dirname, '../../src')
const WIDTHS = [375, 320] as const

type ApiMode = 'hold' | 'fail' | 'pass'

/** Every API call of a page held, failed or let through, switched as the journey goes. */
async function controlApi(page: Page) {
  let mode: ApiMode = 'pass'
  let inFlight = 0
  const held: Route[] = []
  const fail = (route: Route) =>
    route.fulfill({
      status: 500,
      contentType: 'application/json',
      body: JSON.stringify({ ok: false, error: { code: 'INTERNAL', message: '服务器开小差了，请稍后再试' } }),
    })
  await page.route('**/api/**', async (route) => {
    if (mode === 'hold') return void held.push(route)
    if (mode === 'fail') return fail(route)
    inFlight++
    try {
      await route.continue()
    } finally {
      inFlight--
    }
  })
  return {
    async set(next: ApiMode) {
      mode = next
      for (const route of held.splice(0)) await (next === 'fail' ? fail(route) : route.continue())
    },
    get inFlight() {
      return inFlight
    },
  }
}

const visible = (page: Page, selector: string) => page.locator(selector).filter({ visible: true })

/** The visible page's text and whether it shows a skeleton or the failure: never nothing at all. */
async function shown(page: Page) {
  const text = (
    (await visible(page, '.taro_page')
      .first()
      .innerText()
      .catch(() => '')) ?? ''
  ).trim()
  const skeleton = (await visible(page, '[aria-busy="true"] .nut-skeleton').count()) > 0
  const failed = (await visible(page, '.page-state__error').count()) > 0
  return { text, skeleton, failed }
}

/** How far the widest thing on screen reaches past the phone's edge, and what it is. */
async function overflow(page: Page, width: number): Promise<string | null> {
  return page.evaluate((w) => {
    const root = document.scrollingElement ?? document.documentElement
    const pages = Array.from(document.querySelectorAll<HTMLElement>('.taro_page')).filter((p) => p.getClientRects().length > 0)
    const widest = Math.max(root.scrollWidth, ...pages.map((p) => p.scrollWidth))
    if (widest <= w) return null
    const culprits = Array.from(document.querySelectorAll<HTMLElement>('.taro_page *'))
      .filter((el) => el.getClientRects().length > 0 && el.getBoundingClientRect().right > w + 0.5)
      .slice(0, 3)
      .map(
        (el) =>
          `${el.tagName.toLowerCase()}.${el.className.toString().split(' ').join('.')} → ${Math.round(el.getBoundingClientRect().right)}`,
      )
    return `${widest}px wide: ${culprits.join('; ')}`
  }, width)
}

/** Waits until the page has nothing still coming: no request in flight, no skeleton, no failure. */
async function settled(page: Page, api: { inFlight: number }) {
  for (let quiet = 0, i = 0; quiet < 3 && i < 200; i++) {
    const { skeleton, failed } = await shown(page)
    quiet = api.inFlight === 0 && !skeleton && !failed ? quiet + 1 : 0
    await page.waitForTimeout(100)
  }
}

let loads = 0
/** The pages walked (path without its query), to check that none was left out. */
const visited = new Set<string>(['pages/login/index'])
/** Pages that showed themselves with every call held (forms, or pages without a skeleton): listed at the end. */
const shownAtOnce: string[] = []

/**
 * Opens one page fresh (a new load, so nothing is cached) with its calls held, then failed, then
 * answered, and checks each state at both widths. Answers what went wrong, if anything.
 */
async function walk(harness: Harness, page: Page, api: Awaited<ReturnType<typeof controlApi>>, role: string, path: string) {
  const problems: string[] = []
  // owner-policy-detail, leader-Leader-bulletin: the role, the subpackage if any, the page.
  const name = [
    role,
    ...path
      .replace(/\?.*$/, '')
      .replace(/^package/, '')
      .split('/'),
  ]
    .filter((part) => part && part !== 'pages' && part !== 'index')
    .join('-')
  visited.add(path.replace(/\?.*$/, ''))
  // Every state at both widths: a skeleton or a failure may overflow a narrow phone as content can.
  const check = async (state: string, expectation: (s: Awaited<ReturnType<typeof shown>>) => string | null) => {
    for (const width of WIDTHS) {
      await page.setViewportSize({ width, height: width === 320 ? 640 : 812 })
      await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))))
      await page.screenshot({ path: join(DIR, `${name}-${state}-${width}.png`), fullPage: true, animations: 'disabled' })
      const wrong = expectation(await shown(page))
      if (wrong) problems.push(`${path} ${state} @${width}: ${wrong}`)
      const wide = await overflow(page, width)
      if (wide) problems.push(`${path} ${state} @${width}: wider than the phone, ${wide}`)
    }
    await page.setViewportSize({ width: 375, height: 812 })
  }

  await api.set('hold')
  await page.goto(`${harness.url}/?load=${++loads}#/${path}`)
  await visible(page, '.bb-page').first().waitFor()
  // A page that needs data shows its skeleton; a form that needs none shows itself at once.
  const needsData = (await shown(page)).skeleton
  if (!needsData) shownAtOnce.push(`${role} ${path.replace(/\?.*$/, '')}`)
  await check('loading', (s) => (s.skeleton || s.text ? null : 'blank'))

  await api.set('fail')
  // What went wrong and 重试: PagePending's, or a page's own (the exhibition's).
  const retry = visible(page, '.taro_page').getByText('重试', { exact: true }).filter({ visible: true }).first()
  const offered = needsData
    ? await retry.waitFor({ timeout: 15_000 }).then(
        () => true,
        () => false,
      )
    : (await settled(page, api), false)
  await check('failed', (s) => (needsData && !offered ? 'no failure with 重试' : s.text ? null : 'blank'))

  await api.set('pass')
  if (offered) await retry.click({ force: true })
  else await page.goto(`${harness.url}/?load=${++loads}#/${path}`)
  await settled(page, api)
  await check('loaded', (s) => (s.skeleton ? 'still a skeleton' : s.failed ? 'still failed' : s.text ? null : 'blank'))
  return problems
}

describe('[每个页面] 浏览器旅程', () => {
  let harness: Harness
  let ids: {
    ownerAppeal: string
    ownerVisit: string
    officerVisit: string
    officerAppeal: string
    project: string
    review: string
    checkinCode: string
    year: string
    serviceItem: string
    month: string
    lastMonth: string
  }
  beforeAll(async () => {
    mkdirSync(DIR, { recursive: true })
    harness = await startHarness()
    // Lived in: open half-days, a plan's milestones and past visits, so those pages have something to show.
    await furnishTown(harness.store.db, harness.now)
    const api = apiAs({ ...makeServices(harness.store).services, clock: harness.clock })
    const appeal = (owner: string) =>
      api.call(owner, 'appeal.create', {
        category: '水电气路',
        title: '新厂房用电增容',
        description: '新上两条生产线，现有变压器容量不够，需要增容到 800 千伏安。',
        contactName: '联系人',
        contactPhone: '13800001111',
      })
    const ownerAppeal = await appeal(town.enterprises.grainFoods.owner.id)
    const officerAppeal = await appeal(town.enterprises.medPack.owner.id)
    const project = await api.call(town.leader.id, 'project.save', {
      name: '年产 5 亿支药用瓶扩建项目',
      enterpriseId: town.enterprises.vialWorks.id,
      investment: 2.6,
      leaderId: town.leader.id,
      secretaryId: town.officer.id,
    })
    const review = await api.call(town.leader.id, 'project.takeReview', {})
    const services = await api.call(town.enterprises.grainFoods.owner.id, 'service.list', {})
    // A past visit the owner's enterprise had, and one the officer made (the town's, by enterprise and host).
    const visitOf = (enterpriseId: string, hostId: string) =>
      harness.store.db
        .selectFrom('visits')
        .select('id')
        .where('enterprise_id', '=', enterpriseId)
        .where('host_id', '=', hostId)
        .executeTakeFirstOrThrow()
    const ownerVisit = await visitOf(town.enterprises.grainFoods.id, town.officers.finance.id)
    const officerVisit = await visitOf(town.enterprises.medPack.id, town.officer.id)
    const now = inZone(harness.clock.now())
    ids = {
      ownerAppeal: ownerAppeal.id,
      officerAppeal: officerAppeal.id,
      project: project.id,
      review: review.id,
      serviceItem: services.groups[0].items[0].id,
      ownerVisit: ownerVisit.id,
      officerVisit: officerVisit.id,
      checkinCode: (
        await harness.store.db
          .selectFrom('enterprises')
          .select('checkin_code')
          .where('id', '=', town.enterprises.medPack.id)
          .executeTakeFirstOrThrow()
      ).checkin_code!,
      year: now.format('YYYY'),
      month: now.format('YYYY-MM'),
      lastMonth: now.subtract(1, 'month').format('YYYY-MM'),
    }
  })
  afterAll(async () => {
    console.log(`Shown at once, no skeleton, while every call was held:\n${shownAtOnce.join('\n')}`)
    await harness?.close()
  })

  const tour = async (role: string, signIn: (page: Page) => Promise<void>, paths: () => string[]) => {
    const { page } = await phonePage(harness)
    await signIn(page)
    const api = await controlApi(page)
    const problems: string[] = []
    for (const path of paths()) problems.push(...(await walk(harness, page, api, role, path)))
    await page.context().close()
    expect(problems).toEqual([])
  }

  it('[每个页面] 访客：登录、首页、我的、绑定企业、工作人员加入', async () => {
    const { page } = await phonePage(harness)
    await page.goto(`${harness.url}/#/pages/login/index`)
    await visible(page, '.bb-page').first().waitFor()
    for (const width of WIDTHS) {
      await page.setViewportSize({ width, height: width === 320 ? 640 : 812 })
      await page.screenshot({ path: join(DIR, `guest-login-loaded-${width}.png`), fullPage: true, animations: 'disabled' })
      expect(await overflow(page, width)).toBeNull()
    }
    await page.context().close()
    await tour(
      'guest',
      (p) => signInAsNewWechatUser(p, harness),
      () => ['pages/home/index', 'pages/me/index', 'pages/bind/index', 'pages/join/index'],
    )
  })

  it('[关怀模式] 在“我的”打开关怀模式：字和按钮变大、说明文字隐去，本机记住，关掉后恢复', async () => {
    const { page, errors } = await phonePage(harness)
    await signInAs(page, harness, town.enterprises.grainFoods.owner.name)
    await page.goto(`${harness.url}/#/pages/me/index`)
    const caption = '查阅、更正、注销我的个人信息'
    await visible(page, '.me').getByText(caption).waitFor()
    const sizes = () =>
      page.evaluate(() => {
        const px = (selector: string) => {
          const el = Array.from(document.querySelectorAll<HTMLElement>(selector)).find((e) => e.getClientRects().length > 0)
          return el ? parseFloat(getComputedStyle(el).fontSize) : 0
        }
        const button = Array.from(document.querySelectorAll<HTMLElement>('.me .nut-button')).find((e) => e.getClientRects().length > 0)
        return { body: px('.me'), cell: px('.me .nut-cell-title'), button: button?.getBoundingClientRect().height ?? 0 }
      })
    const before = await sizes()

    await visible(page, '.me .nut-switch').first().click()
    await visible(page, '.me.bb-care').first().waitFor()
    const after = await sizes()
    expect(after.body / before.body).toBeGreaterThanOrEqual(1.25)
    expect(after.cell).toBeGreaterThan(before.cell)
    expect(after.button).toBeGreaterThan(before.button)
    expect(await visible(page, '.me').getByText(caption).count()).toBe(0)

    // Kept on the device: every page opened afterwards, in a fresh load too, is in care mode.
    for (const [path, name] of [
      ['pages/home/index', 'home'],
      [`pages/policy-detail/index?id=${town.policies.vatCreditRefund.id}`, 'policy-detail'],
      ['pages/me/index', 'me'],
    ]) {
      await page.goto(`${harness.url}/?load=${++loads}#/${path}`)
      await visible(page, '.bb-page.bb-care').first().waitFor()
      for (const width of WIDTHS) {
        await page.setViewportSize({ width, height: width === 320 ? 640 : 812 })
        await page.screenshot({ path: join(DIR, `care-owner-${name}-${width}.png`), animations: 'disabled' })
        expect(await overflow(page, width)).toBeNull()
      }
      await page.setViewportSize({ width: 375, height: 812 })
    }

    await visible(page, '.me .nut-switch').first().click()
    await visible(page, '.me').getByText(caption).waitFor()
    expect(await visible(page, '.bb-care').count()).toBe(0)
    expect(errors).toEqual([])
  })

  it('[每个页面] 企业负责人的每个页面', async () => {
    const expo = encodeScene({ kind: 'exhibition', code: town.expo.code })
    await tour(
      'owner',
      (p) => signInAs(p, harness, town.enterprises.grainFoods.owner.name),
      () => [
        'pages/home/index',
        'pages/appeals/index',
        'pages/policies/index',
        'pages/visits/index',
        'pages/me/index',
        `pages/policy-detail/index?id=${town.policies.vatCreditRefund.id}`,
        'pages/appeal-new/index',
        `pages/appeal-detail/index?id=${ids.ownerAppeal}`,
        `pages/appeal-done/index?id=${ids.ownerAppeal}`,
        'pages/messages/index',
        'pages/favourites/index',
        'pages/privacy/index',
        'pages/members/index',
        `pages/expo/index?scene=${encodeURIComponent(expo)}`,
        'packageService/pages/catalogue/index',
        `packageService/pages/item/index?id=${ids.serviceItem}`,
        'packageVisit/pages/dossier/index',
        'packageVisit/pages/help/index',
        'packageVisit/pages/indicators/index',
        'packageVisit/pages/code/index',
        `packageVisit/pages/book/index?host=${town.enterprises.grainFoods.officer_id}`,
        `packageVisit/pages/visit/index?id=${ids.ownerVisit}`,
      ],
    )
  })

  it('[每个页面] 驻企特派员的每个页面', async () => {
    await tour(
      'officer',
      (p) => signInAs(p, harness, town.officer.name),
      () => [
        'pages/home/index',
        'pages/visits/index',
        'pages/me/index',
        `pages/appeal-detail/index?id=${ids.officerAppeal}`,
        'packageOfficer/pages/workbench/index',
        'packageOfficer/pages/enterprises/index',
        'packageOfficer/pages/file-for/index',
        'packageOfficer/pages/help-record/index',
        'packageOfficer/pages/warnings/index',
        `packageOfficer/pages/policy-claims/index?id=${town.policies.techUpgradeFund.id}`,
        'packageVisit/pages/availability/index',
        'packageVisit/pages/compliance/index',
        `packageVisit/pages/dossier/index?id=${town.enterprises.medPack.id}`,
        `packageVisit/pages/visit/index?id=${ids.officerVisit}`,
        `packageVisit/pages/record/index?id=${ids.officerVisit}`,
        `packageVisit/pages/checkin/index?c=${ids.checkinCode}`,
        'packageVisit/pages/indicator-watch/index',
        `packageVisit/pages/indicators/index?enterpriseId=${town.enterprises.medPack.id}`,
      ],
    )
  })

  it('[每个页面] 部门负责人的每个页面', async () => {
    await tour(
      'head',
      (p) => signInAs(p, harness, town.heads.industry.name),
      () => [
        'pages/home/index',
        'pages/me/index',
        'packageOfficer/pages/workbench/index',
        'packageAdmin/pages/staff/index',
        'packageLeader/pages/breakdown/index',
        'packageLeader/pages/inspection/index',
        'packageVisit/pages/indicator-watch/index',
      ],
    )
  })

  it('[每个页面] 领导的每个页面', async () => {
    await tour(
      'leader',
      (p) => signInAs(p, harness, town.leader.name),
      () => [
        'pages/home/index',
        'pages/me/index',
        'packageLeader/pages/dashboard/index',
        `packageLeader/pages/drill/index?month=${ids.month}&measure=received&title=${encodeURIComponent('受理')}`,
        `packageLeader/pages/bulletin/index?month=${ids.lastMonth}`,
        'packageLeader/pages/assessment/index',
        `packageLeader/pages/assessment-items/index?period=${ids.year}&departmentId=${town.departments.industry.id}&component=visitRate`,
        'packageLeader/pages/inspection/index',
        'packageLeader/pages/projects/index',
        `packageLeader/pages/project/index?id=${ids.project}`,
        'packageLeader/pages/project-edit/index',
        'packageLeader/pages/project-meeting/index',
        'packageLeader/pages/project-reviews/index',
        `packageLeader/pages/project-review/index?id=${ids.review}`,
        'packageVisit/pages/indicator-watch/index',
        `packageVisit/pages/indicators/index?enterpriseId=${town.enterprises.medPack.id}`,
      ],
    )
  })

  it('[每个页面] 管理员的每个页面', async () => {
    await tour(
      'admin',
      (p) => signInAs(p, harness, town.admin.name),
      () => [
        'pages/home/index',
        'pages/me/index',
        'packageAdmin/pages/policies/index',
        'packageAdmin/pages/policy-edit/index',
        `packageAdmin/pages/policy-edit/index?id=${town.policies.vatCreditRefund.id}`,
        `packageAdmin/pages/exhibition/index?id=${town.expo.id}`,
        'packageAdmin/pages/org/index',
        'packageAdmin/pages/staff/index',
        'packageAdmin/pages/departments/index',
        'packageAdmin/pages/roster/index',
        'packageAdmin/pages/audit/index',
      ],
    )
  })

  it('[每个页面] 没有漏掉的页面：app.config.ts 里的每个页面都走过', () => {
    const pagesIn = (root: string) =>
      readdirSync(join(SRC, root, 'pages'))
        .filter((name) => existsSync(join(SRC, root, 'pages', name, 'index.tsx')))
        .map((name) => `${root ? `${root}/` : ''}pages/${name}/index`)
    const pages = [
      ...pagesIn(''),
      ...readdirSync(SRC)
        .filter((name) => name.startsWith('package'))
        .flatMap(pagesIn),
    ]
    expect(pages.filter((page) => !visited.has(page))).toEqual([])
  })
})
