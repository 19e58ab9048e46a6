import { randomBytes } from 'node:crypto'
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { z } from 'zod'
import { readAssessmentWeights, type AssessmentWeights } from '../domain/assessment'
import { readDeadlineConfig, type DeadlineConfig } from '../domain/appeal/deadlines'
import { DEFAULT_BOOKINGS_PER_WEEK } from '../domain/visit/calendar'
import { DEFAULT_OFFICE_RULES, type OfficeRules } from '../domain/appeal/office'
import { readVisitFrequency, type VisitFrequency } from '../domain/visit/periods'
import { readTemplateConfig, type TemplateConfig } from '../notify/push'

/**
 * Every setting a host reads from its environment, parsed and checked once, at start. A bad value
 * stops the start with a message in Chinese and in English that names the variable and what it
 * must be, rather than starting and failing later (a TOKEN_TTL_SECONDS of "abc" used to make every
 * login a 500). The README's configuration table lists the same variables.
 */
export interface Settings {
  host: string
  port: number
  dataDir: string
  databaseUrl: string
  databasePoolSize: number
  /** Named prepared statements on PostgreSQL: on for the local host, off for the cloud function unless set. */
  databasePreparedStatements: boolean
  /** Where the H5 build is served from. */
  staticDir: string
  uploadDir: string
  /** Dev login (auth.devLogin, auth.devUsers) exists only when asked for, and only on loopback. */
  devLogin: boolean
  /** Write the demo town into an empty store (npm start); a production store gets migrations only. */
  seedDemo: boolean
  /** TOKEN_SECRET; the local host keeps a random one beside its database when none is given (localSecret). */
  tokenSecret: string | null
  tokenTtlSeconds: number
  deadlines: DeadlineConfig
  /** The 督查 office: the share of 好评 it calls back, and the 纪检 department for complaints about staff. */
  officeRules: OfficeRules
  visitFrequency: VisitFrequency
  visitBookingsPerWeek: number
  assessmentWeights: AssessmentWeights
  templates: TemplateConfig
  sweepIntervalMs: number
  dispatchIntervalMs: number
  /** Sends a second the dispatcher allows each subscribe-message template; 0 for no limit. */
  pushRatePerSecond: number
  contentCheck: { risky: string[]; review: string[] }
  /** Where printed and shown QR codes send a phone: the H5 build's public address. Never the Host header. */
  publicUrl: string
  /** Which version of the mini-program pushes and codes open (formal, trial, developer). */
  miniprogramState: 'formal' | 'trial' | 'developer'
}

export class SettingsError extends Error {
  constructor(readonly problems: string[]) {
    super(`设置有误，无法启动 / Invalid settings, not starting:\n${problems.map((p) => `  - ${p}`).join('\n')}`)
    this.name = 'SettingsError'
  }
}

const LOOPBACK = ['127.0.0.1', 'localhost', '::1']

type Env = Record<string, string | undefined>

/** A whole number in a range; the message says what the variable must be, in both languages. */
const whole = (min: number, max: number, zh: string, en: string) =>
  z
    .string()
    .trim()
    .regex(/^-?\d+$/, `应为${zh}的整数 / must be a whole number (${en})`)
    .transform(Number)
    .refine((n) => n >= min && n <= max, `应在 ${min} 到 ${max} 之间（${zh}） / must be between ${min} and ${max} (${en})`)

/** A setting read by one of the domain's own readers, whose error says what is wrong. */
const readBy = <T>(read: (env: Env) => T, name: string) =>
  z.string().transform((value, ctx) => {
    try {
      return read({ [name]: value })
    } catch (error) {
      ctx.addIssue({
        code: 'custom',
        message: `格式不对 / ${error instanceof Error ? error.message.replace(`${name}: `, '') : String(error)}`,
      })
      return z.NEVER
    }
  })

const words = z.string().transform((value) =>
  value
    .split(',')
    .map((w) => w.trim())
    .filter(Boolean),
)

const schema = z.object({
  HOST: z.string().trim().min(1, '不能为空 / must not be empty').default('127.0.0.1'),
  PORT: whole(0, 65535, '端口号，0 由系统选择', 'a TCP port, 0 lets the system choose').default(8787),
  DATA_DIR: z.string().trim().min(1, '不能为空 / must not be empty').default('data'),
  DATABASE_URL: z.string().trim().min(1, '不能为空 / must not be empty').optional(),
  DATABASE_POOL_SIZE: whole(1, 100, '每个进程的连接数', 'connections per process').optional(),
  DATABASE_PREPARED_STATEMENTS: z
    .enum(['0', '1'], {
      error: '应为 1（使用预备语句）或 0（连接池不支持时） / must be 1 (prepared statements) or 0 (a pooler without them)',
    })
    .optional(),
  STATIC_DIR: z.string().trim().min(1).optional(),
  UPLOAD_DIR: z.string().trim().min(1).optional(),
  DEV_LOGIN: z.enum(['0', '1'], { error: '应为 1（开启）或 0（关闭） / must be 1 (on) or 0 (off)' }).default('0'),
  SEED_DEMO: z.enum(['0', '1'], { error: '应为 1（写入演示数据）或 0 / must be 1 (write the demo town) or 0' }).default('0'),
  TOKEN_SECRET: z.string().min(32, '至少 32 个字符 / must be at least 32 characters').optional(),
  TOKEN_TTL_SECONDS: whole(60, 30 * 24 * 3600, '秒，1 分钟到 30 天', 'seconds, one minute to 30 days').default(12 * 3600),
  DEADLINE_DAYS: readBy(readDeadlineConfig, 'DEADLINE_DAYS').optional(),
  RECTIFY_WORKING_DAYS: whole(1, 60, '个工作日，差评整改时限', 'working days to rectify a bad rating').optional(),
  SPOT_CHECK_PERCENT: whole(0, 100, '%，好评抽查回访的比例', 'percent of good ratings called back').default(10),
  CONDUCT_DEPARTMENT: z.string().trim().min(1).max(64).optional(),
  VISIT_FREQUENCY: readBy(readVisitFrequency, 'VISIT_FREQUENCY').optional(),
  VISIT_BOOKINGS_PER_WEEK: whole(1, 14, '每家企业每周可约同一走访人的次数', 'bookings per enterprise and visitor a week').default(
    DEFAULT_BOOKINGS_PER_WEEK,
  ),
  ASSESSMENT_WEIGHTS: readBy(readAssessmentWeights, 'ASSESSMENT_WEIGHTS').optional(),
  SUBSCRIBE_TEMPLATES: readBy(readTemplateConfig, 'SUBSCRIBE_TEMPLATES').optional(),
  SWEEP_INTERVAL_MS: whole(0, 24 * 3600_000, '毫秒，0 为关闭', 'milliseconds, 0 for off').default(5 * 60_000),
  DISPATCH_INTERVAL_MS: whole(0, 3600_000, '毫秒，0 为关闭', 'milliseconds, 0 for off').default(2_000),
  PUSH_RATE_PER_SECOND: whole(0, 100_000, '每个模板每秒最多发送条数，0 为不限', 'sends a second per template, 0 for no limit').default(0),
  CONTENT_CHECK_WORDS: words.default([]),
  CONTENT_CHECK_REVIEW: words.default([]),
  PUBLIC_URL: z
    .string()
    .trim()
    .regex(/^https?:\/\/[^/\s]+(\/[^\s]*)?$/, '应为以 http:// 或 https:// 开头的网址 / must be an http:// or https:// address')
    .transform((url) => url.replace(/\/+$/, ''))
    .optional(),
  MINIPROGRAM_STATE: z
    .enum(['formal', 'trial', 'developer'], { error: '应为 formal、trial 或 developer / must be formal, trial or developer' })
    .default('formal'),
})

/**
 * Reads the settings. `host` says which host is starting: the local one defaults to an embedded
 * SQLite file and a secret kept beside it; the cloud function needs DATABASE_URL and has no dev login.
 */
export function readSettings(env: Env, host: 'local' | 'cloud'): Settings {
  // An empty variable is an unset one, as a shell's `FOO= npm start` means.
  const given = Object.fromEntries(Object.entries(env).filter(([, value]) => value !== undefined && value !== ''))
  const parsed = schema.safeParse(given)
  if (!parsed.success)
    throw new SettingsError(
      parsed.error.issues.map((issue) => `${issue.path.join('.')}=${JSON.stringify(given[String(issue.path[0])] ?? '')}：${issue.message}`),
    )
  const s = parsed.data
  const problems: string[] = []
  const devLogin = s.DEV_LOGIN === '1'
  if (devLogin && host === 'cloud') problems.push('DEV_LOGIN=1：云函数没有开发登录 / the cloud function has no dev login')
  if (s.SEED_DEMO === '1' && host === 'cloud')
    problems.push('SEED_DEMO=1：云函数不写入演示数据 / the cloud function never writes the demo town')
  if (devLogin && !LOOPBACK.includes(s.HOST)) {
    problems.push(
      `DEV_LOGIN=1 与 HOST=${s.HOST}：开发登录只能在本机地址上开启 / dev login only on a loopback address (${LOOPBACK.join(', ')})`,
    )
  }
  if (host === 'cloud' && !s.DATABASE_URL?.match(/^postgres(ql)?:\/\//)) {
    problems.push('DATABASE_URL：云函数需要 PostgreSQL 的连接地址（postgres://…） / the cloud function needs a postgres:// address')
  }
  if (problems.length) throw new SettingsError(problems)
  return {
    host: s.HOST,
    port: s.PORT,
    dataDir: s.DATA_DIR,
    databaseUrl: s.DATABASE_URL ?? join(s.DATA_DIR, 'bangban.sqlite'),
    // A warm cloud-function instance serves one call at a time: a couple of connections is plenty.
    databasePoolSize: s.DATABASE_POOL_SIZE ?? (host === 'cloud' ? 2 : 10),
    // The cloud function's DATABASE_URL names a pooler as a rule (docs/scale.md), and one that does
    // not keep prepared statements apart refuses named ones: on only when said so there.
    databasePreparedStatements: (s.DATABASE_PREPARED_STATEMENTS ?? (host === 'cloud' ? '0' : '1')) === '1',
    staticDir: s.STATIC_DIR ?? join('dist', 'h5'),
    uploadDir: s.UPLOAD_DIR ?? join(s.DATA_DIR, 'uploads'),
    devLogin,
    seedDemo: s.SEED_DEMO === '1',
    tokenSecret: s.TOKEN_SECRET ?? null,
    tokenTtlSeconds: s.TOKEN_TTL_SECONDS,
    deadlines: {
      ...(s.DEADLINE_DAYS ?? readDeadlineConfig({})),
      ...(s.RECTIFY_WORKING_DAYS ? { rectifyWorkingDays: s.RECTIFY_WORKING_DAYS } : {}),
    },
    officeRules: {
      ...DEFAULT_OFFICE_RULES,
      spotCheckShare: s.SPOT_CHECK_PERCENT / 100,
      conductDepartmentId: s.CONDUCT_DEPARTMENT ?? null,
    },
    visitFrequency: s.VISIT_FREQUENCY ?? readVisitFrequency({}),
    visitBookingsPerWeek: s.VISIT_BOOKINGS_PER_WEEK,
    assessmentWeights: s.ASSESSMENT_WEIGHTS ?? readAssessmentWeights({}),
    templates: s.SUBSCRIBE_TEMPLATES ?? readTemplateConfig({}),
    sweepIntervalMs: s.SWEEP_INTERVAL_MS,
    dispatchIntervalMs: s.DISPATCH_INTERVAL_MS,
    pushRatePerSecond: s.PUSH_RATE_PER_SECOND,
    contentCheck: { risky: s.CONTENT_CHECK_WORDS, review: s.CONTENT_CHECK_REVIEW },
    publicUrl: s.PUBLIC_URL ?? `http://${s.HOST.includes(':') ? `[${s.HOST}]` : s.HOST}:${s.PORT}`,
    miniprogramState: s.MINIPROGRAM_STATE,
  }
}

/** A random secret kept beside the local database, so tokens survive a restart. */
export function localSecret(dataDir: string): string {
  const file = join(dataDir, 'token-secret')
  if (existsSync(file)) return readFileSync(file, 'utf8').trim()
  mkdirSync(dirname(file), { recursive: true })
  const secret = randomBytes(32).toString('hex')
  writeFileSync(file, secret, { mode: 0o600 })
  return secret
}
