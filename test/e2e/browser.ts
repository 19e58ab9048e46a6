import type { FastifyInstance } from 'fastify'
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { chromium, type Browser, type Page } from 'playwright-core'
import type { Store } from '../../cloud/store/connect'
import { buildHttpApp } from '../../cloud/server/http-app'
import { signedFileLinks } from '../../cloud/app/file-links'
import { readDeadlineConfig } from '../../cloud/domain/appeal/deadlines'
import { makeServices, makeStore, TEST_SECRET } from '../support/services'

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'
export const SHOTS = join('test-results', 'screenshots')

/**
 * The real H5 build served by the real local host on a free loopback port, and Debian's Chromium.
 * The store holds the test town (test/support/town.ts), seeded at `now`.
 */
export interface Harness {
  url: string
  store: Store
  browser: Browser
  /** When the store was seeded: the moment the journeys started. */
  now: number
  /** The host's clock, which stands still until a journey moves it (a pause that lasts two days). */
  clock: ReturnType<typeof makeServices>['clock']
  close(): Promise<void>
}

/** `seed: false` starts from an empty store, as production does (migrations only): the onboarding journey. */
export async function startHarness({ seed = true } = {}): Promise<Harness> {
  if (!existsSync('dist/h5/index.html')) throw new Error('dist/h5 is missing: run `npm run build:h5` (npm test does it first)')
  if (!existsSync(CHROMIUM)) throw new Error(`Chromium not found at ${CHROMIUM}: run \`bash scripts/ensure-system.sh\``)
  mkdirSync(SHOTS, { recursive: true })
  // The journeys run at the moment they start, whatever day that is (CI also runs them at shifted
  // dates): the test town is seeded at that moment too, so its exhibition and policies are current.
  const now = Date.now()
  const store = await makeStore({ now, seed })
  const { services, clock } = makeServices(store, { now })
  // As the host reads it: the shifted-date runs count deadlines in working days (DEADLINE_DAYS).
  services.deadlines = readDeadlineConfig(process.env)
  const links = signedFileLinks(TEST_SECRET, clock)
  const uploadDir = mkdtempSync(join(tmpdir(), 'bangban-e2e-uploads-'))
  const app: FastifyInstance = buildHttpApp({
    services: { ...services, files: links },
    staticDir: 'dist/h5',
    uploads: { links, dir: uploadDir },
  })
  const address = await app.listen({ host: '127.0.0.1', port: 0 })
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  })
  return {
    url: address,
    store,
    browser,
    now,
    clock,
    async close() {
      await browser.close()
      await app.close()
      await store.close()
      rmSync(uploadDir, { recursive: true, force: true })
    },
  }
}

/** A phone: 375×812 CSS pixels at 2×, touch, as most owners will hold it. */
export async function phonePage(harness: Harness): Promise<{ page: Page; errors: string[] }> {
  const context = await harness.browser.newContext({
    viewport: { width: 375, height: 812 },
    deviceScaleFactor: 2,
    isMobile: true,
    hasTouch: true,
    locale: 'zh-CN',
  })
  const page = await context.newPage()
  const errors: string[] = []
  page.on('pageerror', (error) => errors.push(error.message))
  page.on('console', (message) => {
    // With where it came from: a failed request's message names no address of its own.
    if (message.type() === 'error') errors.push(`${message.text()} (${message.location().url})`)
  })
  return { page, errors }
}

/**
 * Taps the visible text, as a finger would. NutUI's clickable cells lay a pressed-state layer over
 * their text, which Playwright's actionability check reads as "covered"; the tap still lands on the
 * cell, as it does on a phone, so the check is skipped once the text is visible.
 */
export async function tapText(page: Page, text: string): Promise<void> {
  const target = visibleText(page, text)
  await target.waitFor()
  // A toast floats over the page for a moment and would take the tap; a person waits for it too.
  await page.locator('.taro__toast').filter({ visible: true }).first().waitFor({ state: 'hidden' })
  // So does a page still sliding in: tap only once the target has stopped moving.
  for (let attempt = 0; attempt < 50; attempt++) {
    const before = await target.boundingBox()
    await page.waitForTimeout(80)
    const after = await target.boundingBox()
    if (before && after && before.x === after.x && before.y === after.y) break
  }
  await target.click({ force: true })
}

/** After an appeal is filed: the 提交成功 page with its 诉求编号, then 查看诉求 opens the appeal; answers the number. */
export async function viewFiledAppeal(page: Page): Promise<string> {
  await page.waitForURL(/pages\/appeal-done\/index/)
  await see(page, '提交成功')
  const number = (await page.locator('.appeal-done__number').filter({ visible: true }).first().innerText()).replace('诉求编号', '').trim()
  await tapText(page, '查看诉求')
  await page.waitForURL(/pages\/appeal-detail\/index/)
  return number
}

/**
 * Taps one of the moves on the appeal page's staff bar: its one button, or, for any other move,
 * 更多 and then the move in the sheet that opens.
 */
export async function tapMove(page: Page, label: string): Promise<void> {
  const bar = page.locator('.appeal-moves__bar').filter({ visible: true }).first()
  await bar.waitFor()
  if (await bar.locator('.appeal-moves__primary').filter({ hasText: label }).count()) return tapText(page, label)
  await tapText(page, '更多')
  const item = page.locator('.nut-actionsheet-item-name').getByText(label, { exact: true }).filter({ visible: true }).first()
  await item.waitFor()
  await item.click()
  await sheetClosed(page)
}

/** Until the action sheet and its shade are gone: while they fade, they take every tap. */
export async function sheetClosed(page: Page): Promise<void> {
  await page.locator('.nut-actionsheet-item').filter({ visible: true }).first().waitFor({ state: 'hidden' })
  await page.locator('.nut-overlay').filter({ visible: true }).first().waitFor({ state: 'hidden' })
}

/**
 * The visible element with this text. Taro's H5 router keeps pages the person navigated away from
 * in the DOM, hidden, so a plain text locator can find a copy on another page.
 */
export function visibleText(page: Page, text: string, { exact = true } = {}) {
  return page.getByText(text, { exact }).filter({ visible: true }).first()
}

/** A screenshot to look at, taken after page transitions have finished. */
export async function shoot(page: Page, name: string, { fullPage = false } = {}): Promise<void> {
  await page.screenshot({ path: join(SHOTS, `${name}.png`), fullPage, animations: 'disabled' })
}

/** Waits until the text is on screen. */
export async function see(page: Page, text: string, options?: { exact?: boolean }): Promise<void> {
  try {
    await visibleText(page, text, options).waitFor({ timeout: 15_000 })
  } catch (error) {
    // What the page showed instead is the first thing to look at when this fails.
    await page.screenshot({ path: join(SHOTS, `failed-to-see-${text.slice(0, 20)}.png`), fullPage: true })
    throw error
  }
}

/** Signs in through the login page as the named person of the test town. */
export async function signInAs(page: Page, harness: Harness, name: string): Promise<void> {
  await page.goto(`${harness.url}/#/pages/login/index`)
  await tapText(page, name)
  await homeShown(page)
}

/**
 * Waits for the home page a sign-in lands on to be there, greeting the person: a journey that goes
 * straight on to another address would otherwise race the home page still arriving.
 */
async function homeShown(page: Page): Promise<void> {
  await page.waitForURL(/pages\/home\/index/)
  await page.locator('.home__greeting').filter({ visible: true, hasText: '，' }).first().waitFor()
}

/**
 * Comes in as a WeChat user seen for the first time (a guest), through the login page's button, as
 * on a phone that opens the mini-program for the first time.
 */
export async function signInAsNewWechatUser(page: Page, harness: Harness): Promise<void> {
  await page.goto(`${harness.url}/#/pages/login/index`)
  await tapText(page, '以新微信用户身份进入')
  await homeShown(page)
}

/** Types into the text box a person finds by its placeholder (Taro wraps the real <input>). */
export async function typeInto(page: Page, placeholder: string, value: string): Promise<void> {
  const box = page.getByRole('textbox', { name: placeholder }).filter({ visible: true }).first()
  await box.fill(value)
  // Done typing, as when the keyboard is put away: the next tap then reaches its target.
  await box.blur()
}

/**
 * A photo as an owner would take one, drawn by the browser itself: a PNG of a switch room with a
 * caption, so the thumbnail in a screenshot shows something recognisable.
 */
export async function drawPhoto(harness: Harness, caption: string): Promise<Buffer> {
  const page = await harness.browser.newPage({ viewport: { width: 480, height: 360 } })
  await page.setContent(
    `<body style="margin:0;width:480px;height:360px;background:linear-gradient(160deg,#8fa6b8,#44596b);font-family:sans-serif">` +
      `<div style="position:absolute;left:60px;top:70px;width:150px;height:220px;background:#d9dde0;border:6px solid #6b7781"></div>` +
      `<div style="position:absolute;left:260px;top:110px;width:160px;height:180px;background:#c9ced2;border:6px solid #6b7781"></div>` +
      `<div style="position:absolute;left:0;right:0;bottom:0;padding:12px;color:#fff;background:rgba(0,0,0,.45);font-size:24px">${caption}</div></body>`,
  )
  const png = await page.screenshot({ type: 'png' })
  await page.close()
  return png
}
