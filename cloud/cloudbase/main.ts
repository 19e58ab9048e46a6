import cloud from 'wx-server-sdk'
import type { Deps } from '../actions/context'
import type { Logger } from '../actions/ports'
import { warnOfUnknownHolidays } from '../app/deadline-config'
import { cloudFileLinks } from '../app/file-links'
import { redactingLogger } from '../app/log'
import { readSettings, SettingsError, type Settings } from '../app/settings'
import { systemClock } from '../domain/clock'
import { drainOutbox, sendRates } from '../notify/dispatch-outbox'
import { openStore, type Store } from '../store/connect'
import { sweepAppeals } from '../workflows/supervision-sweep'
import { wechatContentCheck } from './content-check'
import { cloudFileStore, type CloudFiles } from './file-store'
import { handleCloudEvent, type CloudEvent } from './handle-event'
import { answerHttpAccess, isHttpAccess } from './http-access'
import { wechatPushSender, type SubscribeMessageApi } from './push-sender'
import { DRAIN_BUDGET_MS, isTimerRun, timerJobs } from './timer'
import { wechatCodeImages, type CloudStorage, type WxacodeApi } from './wxacode'

// The typings declare the dynamic-environment marker as a symbol; init accepts it as the env.
cloud.init({ env: cloud.DYNAMIC_CURRENT_ENV as unknown as string })

const log: Logger = redactingLogger({
  info: (message, fields) => console.log(JSON.stringify({ level: 'info', message, ...fields })),
  error: (message, fields) => console.error(JSON.stringify({ level: 'error', message, ...fields })),
})

/** The settings, read once per instance: a bad one fails every call with the same clear message. */
let settings: Settings | undefined
function loadSettings(): Settings {
  if (!settings) {
    settings = readSettings(process.env, 'cloud')
    warnOfUnknownHolidays(settings.deadlines, systemClock.now(), log)
  }
  return settings
}

/**
 * Opened once per warm instance, with a small pool. Migrations are not run here: many instances
 * may start at once, so the schema is brought up to date on deploy (npm run db:migrate).
 */
let store: Promise<Store> | undefined
function connect(config: Settings): Promise<Store> {
  store ??= openStore(config.databaseUrl, {
    poolSize: config.databasePoolSize,
    preparedStatements: config.databasePreparedStatements,
    onError: (error) => log.error('database connection lost', { error: error.message }),
  }).catch((error: unknown) => {
    store = undefined
    throw error
  })
  return store
}

/**
 * The cloud function `api`: the one router behind every action, and the timer. The caller is the
 * OPENID WeChat attaches (never anything in the event); a run without one is the timer.
 */
export async function main(event: CloudEvent) {
  let config: Settings
  try {
    config = loadSettings()
  } catch (error) {
    log.error(error instanceof SettingsError ? error.message : 'settings failed', {})
    return { ok: false, error: { code: 'INTERNAL', message: '服务暂时出了点问题，请稍后再试' } }
  }
  const { db } = await connect(config)
  const push = {
    templates: config.templates,
    sender: wechatPushSender(cloud.openapi.subscribeMessage as unknown as SubscribeMessageApi, config.miniprogramState),
  }
  const { OPENID } = cloud.getWXContext()

  // The city's 12345 system reads Open311 through the HTTP access service: anonymous, read-only.
  if (!OPENID && isHttpAccess(event)) return answerHttpAccess({ db, clock: systemClock, deadlines: config.deadlines }, event)

  if (isTimerRun(event, OPENID)) {
    const now = systemClock.now()
    const jobs = timerJobs(now)
    // Rounds until the queue is empty, within the function's default 3-second timeout.
    const dispatched = await drainOutbox(
      { db, clock: systemClock, log, ...push },
      { rates: sendRates(config.pushRatePerSecond) },
      DRAIN_BUDGET_MS,
    )
    const swept = jobs.sweep
      ? await sweepAppeals({ db, clock: systemClock, deadlines: config.deadlines, visitFrequency: config.visitFrequency, log })
      : null
    return { dispatched, swept }
  }

  const deps: Deps = {
    db,
    clock: systemClock,
    deadlines: config.deadlines,
    visitFrequency: config.visitFrequency,
    visitBookingsPerWeek: config.visitBookingsPerWeek,
    assessmentWeights: config.assessmentWeights,
    officeRules: config.officeRules,
    // No 上报 links here: the county page is a route of the local host (cloud/server/county-routes.ts).
    contentCheck: wechatContentCheck(cloud.openapi.security),
    files: cloudFileLinks,
    fileStore: cloudFileStore(cloud as unknown as CloudFiles),
    codeImages: wechatCodeImages(cloud.openapi.wxacode as unknown as WxacodeApi, cloud as unknown as CloudStorage, config.miniprogramState),
    push,
    devTokens: null,
    log,
  }
  return handleCloudEvent(deps, event, OPENID)
}
