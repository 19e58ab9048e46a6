import { execFileSync } from 'node:child_process'
import { existsSync, readFileSync } from 'node:fs'
import { builtinModules } from 'node:module'
import { resolve } from 'node:path'
import { MAIN_PACKAGE_BUDGET_KB, weappPackageSizes } from '../../bench/package-sizes'

/**
 * The WeChat build is what ships: build it for real (production, as `taro build` without --watch
 * always is) and check what DevTools will open. Sizes are bytes, not timings, so they are asserted.
 */
describe('weapp production build', () => {
  let buildLog = ''
  beforeAll(() => {
    // Taro takes webpack's mode from NODE_ENV, which Jest sets to `test` (no tree shaking): the
    // build that ships is made with it unset, which Taro reads as production.
    buildLog = execFileSync('npx', ['taro', 'build', '--type', 'weapp'], {
      stdio: 'pipe',
      encoding: 'utf8',
      env: { ...process.env, NODE_ENV: 'production' },
    })
    execFileSync('node', ['scripts/build-function.mjs'], { stdio: 'pipe' })
  }, 240_000)

  it('builds without a broken import: a page module exports only its page in the mini-program', () => {
    expect(buildLog.match(/ModuleDependencyWarning[^\n]*/g) ?? []).toEqual([])
  })

  it(`compiles with WeChat's own compiler and passes its code-quality check, the main package under ${MAIN_PACKAGE_BUDGET_KB} KB as WeChat counts it`, () => {
    // scripts/wechat-check.mjs exits 1 on a compile error or a failed item; the JSON says which.
    let answer: string
    try {
      answer = execFileSync('node', ['scripts/wechat-check.mjs', '--json'], {
        stdio: ['ignore', 'pipe', 'pipe'],
        encoding: 'utf8',
        timeout: 300_000,
      })
    } catch (error) {
      const failed = error as { stdout?: string; stderr?: string }
      throw new Error(`WeChat's check failed:\n${failed.stdout ?? ''}\n${(failed.stderr ?? '').slice(-3000)}`)
    }
    const { files, quality, packages } = JSON.parse(answer.trim().split('\n').pop()!) as {
      files: number
      quality: { name: string; success: boolean; text: string }[]
      packages: { name: string; bytes: number }[]
    }
    expect(files).toBeGreaterThan(100)
    expect(quality.filter((item) => !item.success)).toEqual([])
    expect(quality.map((item) => item.name)).toEqual(
      expect.arrayContaining([
        'PACKAGE_SIZE_LIMIT',
        'JS_COMPRESS_OPEN',
        'WXML_COMPRESS_OPEN',
        'WXSS_COMPRESS_OPEN',
        'LAZYCODE_LOADING_OPEN',
      ]),
    )
    const main = packages.find((p) => p.name === '__APP__')
    expect(main).toBeDefined()
    expect(main!.bytes / 1024).toBeLessThan(MAIN_PACKAGE_BUDGET_KB)
  }, 300_000)

  it('has the five tabs, the subpackages (staff, leader, 帮办代办, admin, visits), and no browser-only login page', () => {
    const app = JSON.parse(readFileSync('dist/weapp/app.json', 'utf8'))
    expect(app.tabBar.list.map((t: { text: string }) => t.text)).toEqual(['首页', '诉求', '政策', '走访', '我的'])
    expect(app.subPackages.map((p: { root: string }) => p.root)).toEqual([
      'packageOfficer',
      'packageLeader',
      'packageService',
      'packageAdmin',
      'packageVisit',
    ])
    expect(app.pages).not.toContain('pages/login/index')
    for (const page of app.pages) expect(existsSync(`dist/weapp/${page}.js`)).toBe(true)
  })

  it('carries no server code (no dev login, no fetch transport), and of zod only the Chinese messages', () => {
    const code = ['app.js', 'common.js', 'vendors.js', 'taro.js'].map((f) => readFileSync(`dist/weapp/${f}`, 'utf8')).join('\n')
    // Booleans, not matchers on the code itself: a failure must not print megabytes of bundle.
    // The forms check with the contract's schemas, so zod is there; its other languages are not.
    expect({ zod: code.includes('invalid_type') }).toEqual({ zod: true })
    expect({ otherLocales: code.includes('Entrada inválida') }).toEqual({ otherLocales: false })
    expect({ bearerTransport: code.includes('Bearer ') }).toEqual({ bearerTransport: false })
    expect({ cloudTransport: code.includes('callFunction') }).toEqual({ cloudTransport: true })
  })

  it('splits the staff, leader, 帮办代办, admin and visit pages into subpackages', () => {
    const [, ...subpackages] = weappPackageSizes('dist/weapp')
    expect(subpackages.map((p) => p.name)).toEqual(['packageOfficer', 'packageLeader', 'packageService', 'packageAdmin', 'packageVisit'])
    for (const p of subpackages) expect(p.bytes).toBeGreaterThan(0)
  })

  it('bundles the cloud function from the same sources, with only its declared dependencies outside', async () => {
    const bundle = readFileSync('cloud/functions/api/index.js', 'utf8')
    const required = new Set([...bundle.matchAll(/require\("([^".]+)"\)/g)].map((m) => m[1]).filter((m) => !m.startsWith('node:')))
    const declared = Object.keys(JSON.parse(readFileSync('cloud/functions/api/package.json', 'utf8')).dependencies)
    const builtins = new Set(builtinModules)
    const external = [...required].filter((m) => !builtins.has(m))
    expect(external.sort()).toEqual(expect.arrayContaining(['wx-server-sdk']))
    for (const m of external) expect([...declared, 'better-sqlite3', 'pg-native']).toContain(m)
    // What CloudBase calls: the bundle's `main`.
    const bundlePath = resolve('cloud/functions/api/index.js')
    expect(typeof ((await import(bundlePath)) as { main?: unknown }).main).toBe('function')
  })
})
