import type { Logger } from '../actions/ports'
import { localFileStore } from '../app/file-store'
import { localContentCheck } from '../app/content-check'
import { warnOfUnknownHolidays } from '../app/deadline-config'
import { signedCountyLinks } from '../app/county-links'
import { signedFileLinks } from '../app/file-links'
import { redactingLogger } from '../app/log'
import { localSecret, readSettings, SettingsError } from '../app/settings'
import { createTokenService } from '../app/token'
import { systemClock } from '../domain/clock'
import { ROLE_LABELS } from '../domain/roles'
import { drainOutbox, sendRates } from '../notify/dispatch-outbox'
import { logSender } from '../notify/push'
import { openStore } from '../store/connect'
import { migrateToLatest } from '../store/migrate'
import { listUsersWithEnterprise } from '../store/repositories/users'
import { seedIfEmpty } from '../store/seed'
import { sweepAppeals } from '../workflows/supervision-sweep'
import { buildHttpApp } from './http-app'

const log: Logger = redactingLogger({
  info: (message, fields) => console.log(`[bangban] ${message}`, fields ?? ''),
  error: (message, fields) => console.error(`[bangban] ${message}`, fields ?? ''),
})

/** `npm start`: migrate and seed the store on first run, then serve the API and the H5 app. */
async function main(): Promise<void> {
  const config = readSettings(process.env, 'local')
  const { deadlines, visitFrequency, assessmentWeights } = config
  const tokenSecret = config.tokenSecret ?? localSecret(config.dataDir)
  warnOfUnknownHolidays(deadlines, systemClock.now(), log)
  const store = await openStore(config.databaseUrl, {
    poolSize: config.databasePoolSize,
    preparedStatements: config.databasePreparedStatements,
    onError: (error) => log.error('database connection lost', { error: error.message }),
  })
  await migrateToLatest(store)
  const seeded = config.seedDemo && (await seedIfEmpty(store, systemClock, undefined, { demo: true }))
  const devTokens = config.devLogin ? createTokenService(tokenSecret, config.tokenTtlSeconds, systemClock) : null
  const links = signedFileLinks(tokenSecret, systemClock)
  const push = { templates: config.templates, sender: logSender(log) }
  const app = buildHttpApp({
    services: {
      db: store.db,
      clock: systemClock,
      deadlines,
      visitBookingsPerWeek: config.visitBookingsPerWeek,
      visitFrequency,
      assessmentWeights,
      officeRules: config.officeRules,
      countyLinks: signedCountyLinks(tokenSecret, systemClock, config.publicUrl),
      contentCheck: localContentCheck(config.contentCheck),
      files: links,
      fileStore: localFileStore(config.uploadDir),
      push,
      devTokens,
      log,
    },
    staticDir: config.staticDir,
    uploads: { links, dir: config.uploadDir },
    publicUrl: config.publicUrl,
  })
  await app.listen({ host: config.host, port: config.port })

  const url = `http://${config.host}:${config.port}`
  console.log(`\n助企帮办已启动：${url}`)
  console.log(`数据库：${store.dialect === 'sqlite' ? config.databaseUrl : 'PostgreSQL'}${seeded ? '（已创建并写入演示数据）' : ''}`)
  if (config.devLogin) {
    const users = await listUsersWithEnterprise(store.db)
    const sample = (role: string) => users.filter((u) => u.role === role).slice(0, 2)
    console.log('演示用户（在登录页选择即可）：')
    for (const role of ['owner', 'officer', 'dept_head', 'leader', 'admin', 'guest'] as const) {
      for (const u of sample(role)) {
        console.log(`  ${ROLE_LABELS[role]}  ${u.name}（${u.id}）${u.enterprise_name ? ` · ${u.enterprise_name}` : ''}`)
      }
    }
  }

  // The supervision sweep, as the CloudBase timer trigger runs it in production.
  const sweepEvery = config.sweepIntervalMs
  const sweep = async () => {
    try {
      await sweepAppeals({ db: store.db, clock: systemClock, deadlines, visitFrequency, log })
    } catch (error) {
      log.error('sweep failed', { error: String(error) })
    }
  }
  const timer = sweepEvery > 0 ? setInterval(sweep, sweepEvery) : undefined
  void sweep()

  // The outbox dispatcher, as the CloudBase timer's tick runs it: rounds until the queue is empty or
  // most of the interval is spent, and no tick while the last one still drains. Locally pushes go to the log.
  const dispatchEvery = config.dispatchIntervalMs
  let draining = false
  const dispatch = async () => {
    if (draining) return
    draining = true
    try {
      await drainOutbox(
        { db: store.db, clock: systemClock, log, ...push },
        { rates: sendRates(config.pushRatePerSecond) },
        dispatchEvery * 0.75,
      )
    } catch (error) {
      log.error('dispatch failed', { error: String(error) })
    } finally {
      draining = false
    }
  }
  const dispatcher = dispatchEvery > 0 ? setInterval(dispatch, dispatchEvery) : undefined

  const stop = async () => {
    clearInterval(timer)
    clearInterval(dispatcher)
    await app.close()
    await store.close()
    process.exit(0)
  }
  process.on('SIGINT', stop)
  process.on('SIGTERM', stop)
}

main().catch((error) => {
  // A bad setting says which and why, without a stack trace; anything else is a bug.
  console.error(error instanceof SettingsError ? error.message : error)
  process.exit(1)
})
