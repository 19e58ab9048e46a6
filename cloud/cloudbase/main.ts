import type { Logger } from '../actions/ports'
import cloud from 'wx-server-sdk'
import { sweepAppeals } from '../workflows/supervision-sweep'
import { dispatchOutbox } from '../notify/dispatch-outbox'
import { deadlinesFromEnv } from '../app/deadline-config'
import { cloudFileLinks } from '../app/file-links'
import { redactingLogger } from '../app/log'
import { readAssessmentWeights } from '../domain/assessment'
import { systemClock } from '../domain/clock'
import { readVisitFrequency } from '../domain/visit/periods'
import { readTemplateConfig } from '../notify/push'
import { openStore, type Store } from '../store/connect'
import { migrateToLatest } from '../store/migrate'
import { wechatContentCheck } from './content-check'
import { handleCloudEvent, type CloudEvent } from './handle-event'
import { wechatPushSender, type SubscribeMessageApi } from './push-sender'
import { wechatCodeImages, type CloudStorage, type WxacodeApi } from './wxacode'

// The typings declare the dynamic-environment marker as a symbol; init accepts it as the env.
cloud.init({ env: cloud.DYNAMIC_CURRENT_ENV as unknown as string })

const log: Logger = redactingLogger({
  info: (message, fields) => console.log(JSON.stringify({ level: 'info', message, ...fields })),
  error: (message, fields) => console.error(JSON.stringify({ level: 'error', message, ...fields })),
})

let store: Promise<Store> | undefined
const deadlines = deadlinesFromEnv(process.env, systemClock.now(), log)
const visitFrequency = readVisitFrequency(process.env)
const assessmentWeights = readAssessmentWeights(process.env)
const templates = readTemplateConfig(process.env)

/** Opened once per warm instance. Migrations run on deploy (npm run db:migrate), or here if asked. */
async function connect(): Promise<Store> {
  const url = process.env.DATABASE_URL
  if (!url) throw new Error('DATABASE_URL is not set for the cloud function')
  const opened = await openStore(url)
  if (process.env.MIGRATE_ON_START === '1') await migrateToLatest(opened)
  return opened
}

/** The cloud function `api`: the one router behind every action, and the supervision timer. */
export async function main(event: CloudEvent & { Type?: string; TriggerName?: string }) {
  store ??= connect().catch((error) => {
    store = undefined
    throw error
  })
  const { db } = await store
  const push = { templates, sender: wechatPushSender(cloud.openapi.subscribeMessage as unknown as SubscribeMessageApi) }
  // The timer triggers declared in config.json call with no OPENID and no action.
  if (event.Type === 'Timer' && event.TriggerName === 'sweep') return sweepAppeals({ db, clock: systemClock, deadlines, visitFrequency, log })
  if (event.Type === 'Timer' && event.TriggerName === 'dispatch') return dispatchOutbox({ db, clock: systemClock, log, ...push })
  const { OPENID } = cloud.getWXContext()
  const contentCheck = wechatContentCheck(cloud.openapi.security)
  const codeImages = wechatCodeImages(cloud.openapi.wxacode as unknown as WxacodeApi, cloud as unknown as CloudStorage)
  return handleCloudEvent({ db, clock: systemClock, deadlines, visitFrequency, assessmentWeights, contentCheck, files: cloudFileLinks, codeImages, push, devTokens: null, log }, event, OPENID)
}
