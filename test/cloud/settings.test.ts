import { spawnSync } from 'node:child_process'
import { join } from 'node:path'
import { readSettings, SettingsError } from '../../cloud/app/settings'

/** The settings, read as a host reads them at start. */
const local = (env: Record<string, string>) => readSettings({ TOKEN_SECRET: 'x'.repeat(32), ...env }, 'local')
const cloud = (env: Record<string, string>) => readSettings({ DATABASE_URL: 'postgres://db.internal/bangban', ...env }, 'cloud')

/** The message a bad setting stops the start with. */
function refusal(read: () => unknown): string {
  try {
    read()
  } catch (error) {
    if (error instanceof SettingsError) return error.message
    throw error
  }
  throw new Error('the settings were accepted')
}

describe('settings, checked once at start', () => {
  it('the 督查 office and 整改: 10 % of 好评 called back and 15 working days by default, each configurable', () => {
    expect(local({})).toMatchObject({
      deadlines: { rectifyWorkingDays: 15 },
      officeRules: { spotCheckShare: 0.1, conductDepartmentId: null },
    })
    expect(
      local({ RECTIFY_WORKING_DAYS: '10', SPOT_CHECK_PERCENT: '25', CONDUCT_DEPARTMENT: 'dept-discipline', DEADLINE_DAYS: 'working' }),
    ).toMatchObject({
      deadlines: { rectifyWorkingDays: 10, dayMode: 'working' },
      officeRules: { spotCheckShare: 0.25, conductDepartmentId: 'dept-discipline' },
    })
  })

  it('defaults to the local demo host: loopback, the embedded database, no dev login unless asked', () => {
    const s = local({})
    expect(s).toMatchObject({
      host: '127.0.0.1',
      port: 8787,
      databaseUrl: join('data', 'bangban.sqlite'),
      devLogin: false,
      seedDemo: false,
      tokenTtlSeconds: 43200,
    })
    expect(s.publicUrl).toBe('http://127.0.0.1:8787')
    expect(local({ DEV_LOGIN: '1', SEED_DEMO: '1' })).toMatchObject({ devLogin: true, seedDemo: true })
  })

  it.each(['prod', 'Production', 'production', 'development', 'test'])(
    'NODE_ENV=%s neither turns dev login on nor off: only DEV_LOGIN does',
    (nodeEnv) => {
      expect(local({ NODE_ENV: nodeEnv }).devLogin).toBe(false)
      expect(local({ NODE_ENV: nodeEnv, DEV_LOGIN: '1' }).devLogin).toBe(true)
    },
  )

  it.each(['0.0.0.0', '192.168.1.20', '::', 'bangban.example.cn'])('refuses dev login on a non-loopback HOST=%s', (host) => {
    expect(refusal(() => local({ HOST: host, DEV_LOGIN: '1' }))).toMatch(/DEV_LOGIN=1 与 HOST=.*本机地址.*loopback/)
    expect(local({ HOST: host }).devLogin).toBe(false)
  })

  it.each([
    ['TOKEN_TTL_SECONDS', 'abc', /TOKEN_TTL_SECONDS="abc"：应为.*整数.*whole number/],
    ['TOKEN_TTL_SECONDS', '-60', /TOKEN_TTL_SECONDS="-60"：应在 60 到 2592000 之间/],
    ['TOKEN_TTL_SECONDS', '1.5', /TOKEN_TTL_SECONDS="1.5"/],
    ['PORT', '80800', /PORT="80800"：应在 0 到 65535 之间/],
    ['PORT', 'http', /PORT="http"：应为/],
    ['DEV_LOGIN', 'yes', /DEV_LOGIN="yes"：应为 1（开启）或 0（关闭） \/ must be 1/],
    ['TOKEN_SECRET', 'short', /TOKEN_SECRET="short"：至少 32 个字符/],
    ['DEADLINE_DAYS', 'weekdays', /DEADLINE_DAYS="weekdays"：格式不对.*calendar or working/],
    ['VISIT_FREQUENCY', 'officer:daily', /VISIT_FREQUENCY="officer:daily"：格式不对/],
    ['ASSESSMENT_WEIGHTS', 'responseRate:2', /ASSESSMENT_WEIGHTS="responseRate:2"：格式不对/],
    ['SUBSCRIBE_TEMPLATES', '{not json', /SUBSCRIBE_TEMPLATES="\{not json"：格式不对/],
    ['DATABASE_POOL_SIZE', '0', /DATABASE_POOL_SIZE="0"：应在 1 到 100 之间/],
    ['DATABASE_PREPARED_STATEMENTS', 'off', /DATABASE_PREPARED_STATEMENTS="off"：应为 1（使用预备语句）或 0/],
    ['RECTIFY_WORKING_DAYS', '0', /RECTIFY_WORKING_DAYS="0"：应在 1 到 60 之间（个工作日，差评整改时限）/],
    ['SPOT_CHECK_PERCENT', '10%', /SPOT_CHECK_PERCENT="10%"：应为.*整数/],
    ['SPOT_CHECK_PERCENT', '101', /SPOT_CHECK_PERCENT="101"：应在 0 到 100 之间/],
    ['SWEEP_INTERVAL_MS', 'often', /SWEEP_INTERVAL_MS="often"/],
    ['PUBLIC_URL', 'bangban.example.cn', /PUBLIC_URL="bangban.example.cn"：应为以 http:\/\/ 或 https:\/\/ 开头的网址/],
    ['MINIPROGRAM_STATE', 'release', /MINIPROGRAM_STATE="release"：应为 formal、trial 或 developer/],
  ])('stops at a bad %s=%s, naming it and what it must be, in Chinese and English', (name, value, message) => {
    const text = refusal(() => local({ [name]: value }))
    expect(text).toMatch(/^设置有误，无法启动 \/ Invalid settings, not starting:/)
    expect(text).toMatch(message)
  })

  it('names every bad variable at once, not one per restart', () => {
    const text = refusal(() => local({ PORT: 'x', TOKEN_TTL_SECONDS: 'y', DEV_LOGIN: 'on' }))
    for (const name of ['PORT', 'TOKEN_TTL_SECONDS', 'DEV_LOGIN']) expect(text).toContain(`${name}=`)
  })

  it('the cloud function needs PostgreSQL, has no dev login, never seeds the demo, and keeps a small pool', () => {
    expect(cloud({})).toMatchObject({ databasePoolSize: 2, devLogin: false, seedDemo: false })
    expect(refusal(() => readSettings({}, 'cloud'))).toMatch(/DATABASE_URL：云函数需要 PostgreSQL/)
    expect(refusal(() => cloud({ DATABASE_URL: 'data/bangban.sqlite' }))).toMatch(/DATABASE_URL/)
    expect(refusal(() => cloud({ DEV_LOGIN: '1' }))).toMatch(/DEV_LOGIN=1：云函数没有开发登录/)
    expect(refusal(() => cloud({ SEED_DEMO: '1' }))).toMatch(/SEED_DEMO=1/)
  })

  it('prepares statements on PostgreSQL for the local host, and for the cloud function (behind its pooler) only when told', () => {
    expect(local({})).toMatchObject({ databasePreparedStatements: true })
    expect(local({ DATABASE_PREPARED_STATEMENTS: '0' })).toMatchObject({ databasePreparedStatements: false })
    expect(cloud({})).toMatchObject({ databasePreparedStatements: false })
    expect(cloud({ DATABASE_PREPARED_STATEMENTS: '1' })).toMatchObject({ databasePreparedStatements: true })
  })

  it('reads the configured rules: working-day deadlines, visit frequency, weights, a public address without its slash', () => {
    const s = local({
      DEADLINE_DAYS: 'working',
      VISIT_FREQUENCY: 'officer:month',
      ASSESSMENT_WEIGHTS: 'responseRate:0.5',
      PUBLIC_URL: 'https://bangban.example.cn/',
    })
    expect(s.deadlines.dayMode).toBe('working')
    expect(s.visitFrequency.officer).toBe('month')
    expect(s.assessmentWeights.responseRate).toBe(0.5)
    expect(s.publicUrl).toBe('https://bangban.example.cn')
  })

  it('an empty variable is an unset one', () => {
    expect(local({ PORT: '', DEV_LOGIN: '' })).toMatchObject({ port: 8787, devLogin: false })
  })

  it('the local host refuses to start with dev login on 0.0.0.0, and says why', () => {
    const started = spawnSync(process.execPath, ['--import', 'tsx', 'cloud/server/main.ts'], {
      env: { ...process.env, HOST: '0.0.0.0', PORT: '0', DEV_LOGIN: '1', TOKEN_SECRET: 'x'.repeat(32), DATABASE_URL: ':memory:' },
      encoding: 'utf8',
      timeout: 60_000,
    })
    expect(started.status).toBe(1)
    expect(started.stderr).toMatch(/DEV_LOGIN=1 与 HOST=0\.0\.0\.0/)
  }, 90_000)
})
