import { execFileSync } from 'node:child_process'
import { existsSync, readFileSync } from 'node:fs'
import { MAIN_PACKAGE_BUDGET_KB, weappPackageSizes } from '../../bench/package-sizes'

/**
 * The WeChat build is what ships: build it for real (production, as `taro build` without --watch
 * always is) and check what DevTools will open. Sizes are bytes, not timings, so they are asserted.
 */
describe('weapp production build', () => {
  beforeAll(() => {
    execFileSync('npx', ['taro', 'build', '--type', 'weapp'], { stdio: 'pipe' })
    execFileSync('node', ['scripts/build-function.mjs'], { stdio: 'pipe' })
  }, 240_000)

  it('has the five tabs, the subpackages (staff, leader, 帮办代办, admin, visits), and no browser-only login page', () => {
    const app = JSON.parse(readFileSync('dist/weapp/app.json', 'utf8'))
    expect(app.tabBar.list.map((t: { text: string }) => t.text)).toEqual(['首页', '诉求', '政策', '走访', '我的'])
    expect(app.subPackages.map((p: { root: string }) => p.root)).toEqual(['packageOfficer', 'packageLeader', 'packageService', 'packageAdmin', 'packageVisit'])
    expect(app.pages).not.toContain('pages/login/index')
    for (const page of app.pages) expect(existsSync(`dist/weapp/${page}.js`)).toBe(true)
  })

  it('carries no server code: no zod, no dev login, no fetch transport', () => {
    const code = ['app.js', 'common.js', 'vendors.js', 'taro.js'].map((f) => readFileSync(`dist/weapp/${f}`, 'utf8')).join('\n')
    // Booleans, not matchers on the code itself: a failure must not print megabytes of bundle.
    expect({ zod: /ZodError|invalid_type/.test(code) }).toEqual({ zod: false })
    expect({ bearerTransport: code.includes('Bearer ') }).toEqual({ bearerTransport: false })
    expect({ cloudTransport: code.includes('callFunction') }).toEqual({ cloudTransport: true })
  })

  it(`keeps the main package under the ${MAIN_PACKAGE_BUDGET_KB} KB budget`, () => {
    const [main, ...subpackages] = weappPackageSizes('dist/weapp')
    expect(main.bytes / 1024).toBeLessThan(MAIN_PACKAGE_BUDGET_KB)
    expect(subpackages.map((p) => p.name)).toEqual(['packageOfficer', 'packageLeader', 'packageService', 'packageAdmin', 'packageVisit'])
    for (const p of subpackages) expect(p.bytes).toBeGreaterThan(0)
  })

  it('bundles the cloud function from the same sources, with only its declared dependencies outside', () => {
    const bundle = readFileSync('cloud/functions/api/index.js', 'utf8')
    const required = new Set([...bundle.matchAll(/require\("([^".]+)"\)/g)].map((m) => m[1]).filter((m) => !m.startsWith('node:')))
    const declared = Object.keys(JSON.parse(readFileSync('cloud/functions/api/package.json', 'utf8')).dependencies)
    const builtins = new Set(require('node:module').builtinModules as string[])
    const external = [...required].filter((m) => !builtins.has(m))
    expect(external.sort()).toEqual(expect.arrayContaining(['wx-server-sdk']))
    for (const m of external) expect([...declared, 'better-sqlite3', 'pg-native']).toContain(m)
    expect(bundle).toMatch(/main: \(\) => main/)
  })
})
