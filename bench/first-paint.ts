import { execFileSync } from 'node:child_process'
import { existsSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { chromium, type Browser } from 'playwright-core'
import { systemClock } from '../cloud/domain/clock'
import { openStore } from '../cloud/store/connect'
import { migrateToLatest } from '../cloud/store/migrate'
import { seedIfEmpty } from '../cloud/store/seed'
import { serveBench } from './server'

/** The one-page Taro + React + NutUI app ours is held against (bench/bare-app/), and Taro's CLI. */
export const BARE_APP = join(__dirname, 'bare-app')
export const taro = join(__dirname, '..', 'node_modules', '.bin', 'taro')

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'
const LOADS = 10
/** Where src/api/session.ts keeps the H5 session, in the shape Taro's setStorageSync writes. */
const SESSION_KEY = 'bangban.session'

interface Load {
  firstPaint: number
  firstContentfulPaint: number
  /** The page's first own content on screen, and (ours) the same once the API has answered. */
  content: number
  data: number
  kb: number
}

/**
 * The H5 first screen in headless Chromium on loopback, on a phone-sized window, cold (a new
 * browser context each time): ours, signed in as an owner and landing on 首页, against the bare app
 * served by the same host. Median of LOADS loads after one that is thrown away.
 */
export async function benchFirstPaint(): Promise<void> {
  if (!existsSync(CHROMIUM)) {
    console.log(`skipped: no Chromium at ${CHROMIUM} (\`bash scripts/ensure-system.sh\` as root installs it)`)
    return
  }
  const env = { ...process.env, NODE_ENV: 'production' as const }
  execFileSync(taro, ['build', '--type', 'h5'], { stdio: 'ignore', env })
  execFileSync(taro, ['build', '--type', 'h5'], { cwd: BARE_APP, stdio: 'ignore', env })

  const dir = mkdtempSync(join(tmpdir(), 'bangban-paint-'))
  const store = await openStore(join(dir, 'paint.sqlite'))
  await migrateToLatest(store)
  await seedIfEmpty(store, systemClock)
  const ours = await serveBench(store, { staticDir: 'dist/h5' })
  const bare = await serveBench(store, { staticDir: join(BARE_APP, 'dist', 'h5') })
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
  try {
    const session = JSON.stringify({ data: await ours.login('u-owner-001') })
    // 首页's greeting is there at once; with the owner's name and the newest policies once me and policy.list answer.
    const mine = await loads(browser, ours.url, session, {
      content: `__visible('.home__greeting')`,
      data: `__visible('.home__greeting', '您好，') && __visible('.policy-card')`,
    })
    const theirs = await loads(browser, bare.url, null, { content: `__visible('.bare-text')`, data: `__visible('.bare-text')` })

    console.log(`median of ${LOADS} cold loads, 375×812, headless Chromium on loopback`)
    console.log('                              first paint   first contentful   page content   with its data   loaded')
    const row = (name: string, l: Load) =>
      console.log(
        `${name.padEnd(28)} ${ms(l.firstPaint).padStart(12)} ${ms(l.firstContentfulPaint).padStart(18)} ${ms(l.content).padStart(14)} ${ms(l.data).padStart(15)} ${`${l.kb.toFixed(0)} KB`.padStart(8)}`,
      )
    row('ours: 首页, signed in', mine)
    row('bare: one page', theirs)
    const ratio = (a: number, b: number) => `${(a / b).toFixed(2)}×`.padStart(12)
    console.log(
      `${'ours/bare'.padEnd(28)} ${ratio(mine.firstPaint, theirs.firstPaint)} ${ratio(mine.firstContentfulPaint, theirs.firstContentfulPaint).padStart(18)} ${ratio(mine.content, theirs.content).padStart(14)} ${ratio(mine.data, theirs.data).padStart(15)} ${ratio(mine.kb, theirs.kb).padStart(8)}`,
    )
  } finally {
    await browser.close()
    await ours.close()
    await bare.close()
    await store.close()
    rmSync(dir, { recursive: true, force: true })
  }
}

/**
 * Set up in the page before any of its scripts: the session, a record of paint entries, and a test
 * of whether an element matching a selector (holding a text) is laid out on screen. A string, so
 * that what the TypeScript compiler does to functions never reaches the page.
 */
const PAGE_SETUP = `
  window.__paints = {}
  new PerformanceObserver((list) => list.getEntries().forEach((e) => (window.__paints[e.name] = e.startTime))).observe({ type: 'paint', buffered: true })
  window.__visible = (selector, text = '') => Array.from(document.querySelectorAll(selector)).some((el) => {
    const box = el.getBoundingClientRect()
    return box.height > 0 && box.top < innerHeight && el.innerText.includes(text)
  })
`

async function loads(browser: Browser, url: string, session: string | null, ready: { content: string; data: string }): Promise<Load> {
  const runs: Load[] = []
  const errors = new Set<string>()
  for (let i = 0; i <= LOADS; i++) {
    const context = await browser.newContext({
      viewport: { width: 375, height: 812 },
      deviceScaleFactor: 2,
      isMobile: true,
      hasTouch: true,
      locale: 'zh-CN',
    })
    const signIn = session ? `localStorage.setItem(${JSON.stringify(SESSION_KEY)}, ${JSON.stringify(session)})` : ''
    await context.addInitScript({ content: signIn + PAGE_SETUP })
    const page = await context.newPage()
    page.on('pageerror', (error) => errors.add(error.message))
    page.on('console', (message) => message.type() === 'error' && errors.add(message.text()))
    await page.goto(url, { waitUntil: 'commit' })
    // Both checked on every animation frame, in one poll so neither waits for the other; the
    // in-page clock counts from the navigation's start.
    const poll = `(() => {
      const seen = (window.__seen = window.__seen || {})
      if (seen.content === undefined && (${ready.content})) seen.content = performance.now()
      if (seen.data === undefined && (${ready.data})) seen.data = performance.now()
      return seen.content !== undefined && seen.data !== undefined && seen
    })()`
    const { content, data } = (await (await page.waitForFunction(poll, undefined, { polling: 'raf', timeout: 20_000 })).jsonValue()) as {
      content: number
      data: number
    }
    const paints = (await (
      await page.waitForFunction(`window.__paints['first-contentful-paint'] && window.__paints`, undefined, { timeout: 20_000 })
    ).jsonValue()) as Record<string, number>
    const bytes = (await page.evaluate(
      `performance.getEntriesByType('resource').concat(performance.getEntriesByType('navigation')).reduce((sum, e) => sum + e.encodedBodySize, 0)`,
    )) as number
    if (i > 0)
      runs.push({
        firstPaint: paints['first-paint'],
        firstContentfulPaint: paints['first-contentful-paint'],
        content,
        data,
        kb: bytes / 1024,
      })
    await context.close()
  }
  if (errors.size) console.log(`  console errors on ${url}: ${[...errors].join(' | ').slice(0, 300)}`)
  const median = (pick: (l: Load) => number) => runs.map(pick).sort((a, b) => a - b)[Math.floor(runs.length / 2)]
  return {
    firstPaint: median((l) => l.firstPaint),
    firstContentfulPaint: median((l) => l.firstContentfulPaint),
    content: median((l) => l.content),
    data: median((l) => l.data),
    kb: median((l) => l.kb),
  }
}

const ms = (value: number) => `${value.toFixed(0)} ms`
