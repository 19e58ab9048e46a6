import { sql } from 'kysely'
import type { Logger } from '../../cloud/actions/ports'
import { randomUUID } from 'node:crypto'
import { Deps } from '../../cloud/actions/context'
import { localContentCheck } from '../../cloud/app/content-check'
import { signedCountyLinks } from '../../cloud/app/county-links'
import { signedFileLinks } from '../../cloud/app/file-links'
import { createTokenService } from '../../cloud/app/token'
import { DEFAULT_DEADLINES } from '../../cloud/domain/appeal/deadlines'
import { fixedClock } from '../../cloud/domain/clock'
import { logSender, readTemplateConfig } from '../../cloud/notify/push'
import { openStore, type Store } from '../../cloud/store/connect'
import { migrateToLatest } from '../../cloud/store/migrate'
import { seedTown } from './town'

export const TEST_SECRET = 'test-secret-that-is-long-enough-for-hs256!'

/** The moment API tests start at, unless a test says otherwise: a Monday morning in Beijing. */
export const TEST_NOW = '2026-03-02T09:00:00+08:00'

/** Collects log lines so a test can assert on them (and the output stays quiet). */
export function memoryLog(): Logger & { lines: { level: string; message: string; fields?: Record<string, unknown> }[] } {
  const lines: { level: string; message: string; fields?: Record<string, unknown> }[] = []
  return {
    lines,
    info: (message, fields) => lines.push({ level: 'info', message, fields }),
    error: (message, fields) => lines.push({ level: 'error', message, fields }),
  }
}

/**
 * A migrated store holding the test town (test/support/town.ts) seeded at `now`, or nothing with
 * `seed: false`: SQLite in memory, or with TEST_DATABASE_URL a PostgreSQL schema of its own (so
 * parallel tests never see each other's rows), dropped when the store is closed.
 */
export async function makeStore({ seed = true, now = TEST_NOW as string | number } = {}): Promise<Store> {
  const url = process.env.TEST_DATABASE_URL
  const store = url ? await postgresSchemaStore(url) : await openStore(':memory:')
  await migrateToLatest(store)
  if (seed) await seedTown(store.db, fixedClock(now).now())
  return store
}

/**
 * Migrates the store at `databaseUrl` (an SQLite file or a PostgreSQL URL) and seeds the test town
 * into it at `now`, for a host started on it (test/support/local-server.ts): the host then finds
 * the store filled and seeds nothing of its own.
 */
export async function seedTownAt(databaseUrl: string, now: number): Promise<void> {
  const store = await openStore(databaseUrl)
  try {
    await migrateToLatest(store)
    await seedTown(store.db, now)
  } finally {
    await store.close()
  }
}

async function postgresSchemaStore(url: string): Promise<Store> {
  const schema = `test_${randomUUID().replace(/-/g, '').slice(0, 16)}`
  const admin = await openStore(url)
  await sql`create schema ${sql.id(schema)}`.execute(admin.db)
  await admin.close()
  const store = await openStore(`${url}${url.includes('?') ? '&' : '?'}options=${encodeURIComponent(`-c search_path=${schema}`)}`)
  return {
    ...store,
    schema,
    async close() {
      await sql`drop schema ${sql.id(schema)} cascade`.execute(store.db)
      await store.close()
    },
  }
}

/** Deps over a store, with a clock the test can move and dev login on unless told otherwise. */
export function makeServices(store: Store, { devLogin = true, now = TEST_NOW as string | number } = {}) {
  const clock = fixedClock(now)
  const log = memoryLog()
  const services: Deps = {
    db: store.db,
    clock,
    deadlines: DEFAULT_DEADLINES,
    files: signedFileLinks(TEST_SECRET, clock),
    // 上报 links as the local host signs them; the spot check's draw fixed (0.5 picks nothing at 10 %).
    countyLinks: signedCountyLinks(TEST_SECRET, clock, 'http://127.0.0.1:8787'),
    random: () => 0.5,
    push: { templates: readTemplateConfig({}), sender: logSender(log) },
    // 违禁 marks a text risky and 待审 sends it to review, so tests can take both paths.
    contentCheck: localContentCheck({ risky: ['违禁'], review: ['待审'] }),
    devTokens: devLogin ? createTokenService(TEST_SECRET, 3600, clock) : null,
    log,
  }
  return { services, clock, log }
}
