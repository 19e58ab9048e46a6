import { randomUUID } from 'node:crypto'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { sql } from 'kysely'
import { openStore, type Store } from '../../cloud/store/connect'
import { devLogin, startLocalServer, type LocalServer } from '../support/local-server'
import { seedTownAt } from '../support/services'

/**
 * kill -9 of the local host while owners are filing appeals: whatever the server acknowledged
 * survives with its timeline, nothing is half-written, a retried submit finds its appeal, and the
 * outbox it left behind is dispatched by the next process. On SQLite by default (a file in a temp
 * folder), on PostgreSQL in a schema of its own with TEST_DATABASE_URL; either holds the test town
 * before the host first starts, so the host seeds nothing of its own.
 */
jest.setTimeout(300_000)

const OWNERS = 6
/** Below the daily limit of 20 appeals per owner (cloud/domain/limits.ts). */
const PER_OWNER = 15
const IN_FLIGHT = 8
/** Acknowledged creates after which the server is killed, with more still in flight. */
const KILL_AFTER = 24
/** What the local host's sender writes for each push it would send. */
const LOGGED_PUSH = /push \(local: logged, not sent\)/

interface Attempt {
  ownerId: string
  token: string
  clientRequestId: string
  title: string
  outcome: 'ok' | 'refused' | 'unknown'
  appealId?: string
}

describe('crash safety of the local host', () => {
  const secret = `crash-test-secret-${randomUUID()}`
  let dir: string
  let databaseUrl: string
  let schema: string | undefined
  let server: LocalServer | undefined

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'bangban-crash-'))
    const pg = process.env.TEST_DATABASE_URL
    if (pg) {
      schema = `crash_${randomUUID().replace(/-/g, '').slice(0, 12)}`
      const admin = await openStore(pg)
      await sql`create schema ${sql.id(schema)}`.execute(admin.db)
      await admin.close()
      databaseUrl = `${pg}${pg.includes('?') ? '&' : '?'}options=${encodeURIComponent(`-c search_path=${schema}`)}`
    } else {
      databaseUrl = join(dir, 'bangban.sqlite')
    }
    await seedTownAt(databaseUrl, Date.now())
  })

  afterAll(async () => {
    await server?.kill()
    if (schema) {
      const admin = await openStore(process.env.TEST_DATABASE_URL!)
      await sql`drop schema ${sql.id(schema)} cascade`.execute(admin.db)
      await admin.close()
    }
    rmSync(dir, { recursive: true, force: true })
  })

  const start = (dispatchEveryMs: number) =>
    startLocalServer({
      DATABASE_URL: databaseUrl,
      DATA_DIR: dir,
      UPLOAD_DIR: join(dir, 'uploads'),
      TOKEN_SECRET: secret,
      DISPATCH_INTERVAL_MS: String(dispatchEveryMs),
    })

  /** Reads the store directly, as the server left it. */
  async function inStore<T>(read: (store: Store) => Promise<T>): Promise<T> {
    const store = await openStore(databaseUrl)
    try {
      return await read(store)
    } finally {
      await store.close()
    }
  }

  it('loses no acknowledged appeal, writes none by halves, and resumes the outbox', async () => {
    // First life: the dispatcher is off, so every notification is still pending when it dies.
    server = await start(0)
    const first = server
    const users = (await first.post('auth.devUsers', {})).body.data as { id: string; role: string }[]
    const owners = users.filter((u) => u.role === 'owner').slice(0, OWNERS)
    expect(owners).toHaveLength(OWNERS)
    const tokens = new Map<string, string>()
    for (const owner of owners) tokens.set(owner.id, await devLogin(first, owner.id))
    // Their officers accept pushes, so that the resumed dispatcher has something to send.
    const officers = new Set<string>()
    for (const owner of owners) officers.add((await first.post('auth.me', {}, tokens.get(owner.id))).body.data.enterprise.officer.id)
    for (const officer of officers) {
      const token = await devLogin(first, officer)
      for (let i = 0; i < 3; i++)
        expect((await first.post('subscription.grant', { results: [{ template: 'appeal_task', accepted: true }] }, token)).status).toBe(200)
    }

    const queue: Attempt[] = owners.flatMap((owner) =>
      Array.from({ length: PER_OWNER }, (_, n) => ({
        ownerId: owner.id,
        token: tokens.get(owner.id)!,
        clientRequestId: `crash-${owner.id}-${n}-${randomUUID().slice(0, 8)}`,
        title: `崩溃测试诉求${owner.id.slice(-3)}-${n}`,
        outcome: 'unknown' as const,
      })),
    )
    const sent: Attempt[] = []
    let acknowledged = 0
    let killing: Promise<void> | undefined
    const worker = async () => {
      for (let next = queue.shift(); next && !killing; next = queue.shift()) {
        sent.push(next)
        try {
          const { status, body } = await first.post('appeal.create', createPayload(next), next.token)
          next.outcome = status === 200 ? 'ok' : 'refused'
          if (status === 200) next.appealId = body.data.id
          else throw new Error(`appeal.create refused before the crash: ${status} ${JSON.stringify(body)}`)
        } catch (error) {
          if (killing) return // cut off by the kill: its outcome is unknown
          throw error
        }
        if (++acknowledged === KILL_AFTER) killing = first.kill()
      }
    }
    await Promise.all(Array.from({ length: IN_FLIGHT }, worker))
    await killing
    const acked = sent.filter((a) => a.outcome === 'ok')
    const unknown = sent.filter((a) => a.outcome === 'unknown')
    expect(acked.length).toBeGreaterThanOrEqual(KILL_AFTER)

    // What the dead process left: every appeal with its first event, and notifications pending.
    const left = await inStore(async ({ db }) => ({
      orphans: await db
        .selectFrom('appeals')
        .select('id')
        .where(({ not, exists, selectFrom }) =>
          not(exists(selectFrom('appeal_events').select('appeal_id').whereRef('appeal_events.appeal_id', '=', 'appeals.id'))),
        )
        .execute(),
      pending: (await db.selectFrom('outbox').select('id').where('state', '=', 'pending').execute()).map((r) => r.id),
    }))
    expect(left.orphans).toEqual([])
    expect(left.pending.length).toBeGreaterThanOrEqual(acked.length)

    // Second life, on the same store, with the dispatcher on.
    server = await start(300)
    const second = server
    for (const attempt of acked) {
      const { status, body } = await second.post('appeal.get', { id: attempt.appealId }, attempt.token)
      expect({ id: attempt.appealId, status }).toEqual({ id: attempt.appealId, status: 200 })
      expect(body.data).toMatchObject({ title: attempt.title, state: 'submitted' })
      expect(body.data.timeline.length).toBeGreaterThanOrEqual(1)
    }
    // A submit the crash cut off is retried by the app with the same request id: one appeal each.
    for (const attempt of unknown) {
      const { status, body } = await second.post('appeal.create', createPayload(attempt), attempt.token)
      expect(status).toBe(200)
      expect(body.data.title).toBe(attempt.title)
    }
    const perRequest = await inStore(({ db }) =>
      db
        .selectFrom('appeals')
        .select(['client_request_id', (eb) => eb.fn.countAll<number>().as('n')])
        .where('client_request_id', 'like', 'crash-%')
        .groupBy('client_request_id')
        .execute(),
    )
    expect(perRequest).toHaveLength(acked.length + unknown.length)
    expect(perRequest.filter((r) => Number(r.n) !== 1)).toEqual([])

    // The outbox the first process never dispatched is dispatched by the second.
    const states = await waitFor(
      () => inStore(({ db }) => db.selectFrom('outbox').select(['id', 'state']).where('id', 'in', left.pending).execute()),
      // 'sending' is a claim in progress, not an outcome: wait for every row to be settled.
      (rows) => rows.every((r) => !['pending', 'sending'].includes(r.state)),
      90_000,
    )
    expect(states.filter((r) => !['sent', 'skipped'].includes(r.state))).toEqual([])
    expect(states.filter((r) => r.state === 'sent').length).toBeGreaterThan(0)
    // The sender logs before the row commits, but this process reads the child's pipe only when
    // its event loop comes round: the line may still be in transit when the row reads 'sent'.
    const output = await waitFor(
      async () => second.output(),
      (text) => LOGGED_PUSH.test(text),
      10_000,
    )
    expect(output).toMatch(LOGGED_PUSH)
    await second.stop()
  })
})

function createPayload(attempt: Attempt) {
  return {
    clientRequestId: attempt.clientRequestId,
    category: '水电气路',
    title: attempt.title,
    description: '新厂房需要增容用电，希望协调供电公司尽快勘察并给出方案。',
    contactName: '测试联系人',
    contactPhone: '13800001111',
  }
}

/** Polls until the condition holds (a slow, shared machine may take a while), then returns the last read. */
async function waitFor<T>(read: () => Promise<T>, done: (value: T) => boolean, timeoutMs: number): Promise<T> {
  const deadline = Date.now() + timeoutMs
  for (;;) {
    const value = await read()
    if (done(value) || Date.now() > deadline) return value
    await new Promise((resolve) => setTimeout(resolve, 300))
  }
}
