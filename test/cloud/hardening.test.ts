import type { FastifyInstance } from 'fastify'
import { mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { sql } from 'kysely'
import { signedFileLinks } from '../../cloud/app/file-links'
import { buildHttpApp } from '../../cloud/server/http-app'
import { LIMITS } from '../../cloud/server/limits'
import type { Store } from '../../cloud/store/connect'
import { makeServices, makeStore, TEST_SECRET } from '../support/services'
import { town } from '../support/town'

/**
 * What a held-out attack pass broke on the local host, each as a test: headers, error shapes,
 * floods, a full disk, cut-off uploads.
 */
describe('the local host under hostile use', () => {
  let store: Store
  let setup: ReturnType<typeof makeServices>
  let app: FastifyInstance
  let base: string
  let staticDir: string
  let uploadDir: string
  const owner = town.enterprises.medPack.owner
  const tokenOf = async (userId: string) => (await setup.services.devTokens!.issue(userId)).token
  const post = (action: string, payload: unknown, token?: string) =>
    fetch(`${base}/api/${action}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body: JSON.stringify(payload),
    })

  beforeEach(async () => {
    store = await makeStore()
    setup = makeServices(store)
    staticDir = mkdtempSync(join(tmpdir(), 'bangban-h5-'))
    writeFileSync(join(staticDir, 'index.html'), '<!doctype html><html><head><script>window.rem=1</script></head><body></body></html>')
    uploadDir = mkdtempSync(join(tmpdir(), 'bangban-uploads-'))
    const links = signedFileLinks(TEST_SECRET, setup.clock)
    app = buildHttpApp({ services: { ...setup.services, files: links }, staticDir, uploads: { links, dir: uploadDir } })
    base = await app.listen({ host: '127.0.0.1', port: 0 })
  })
  afterEach(async () => {
    await app.close()
    await store.close()
    rmSync(staticDir, { recursive: true, force: true })
    rmSync(uploadDir, { recursive: true, force: true })
  })

  it('sends a content security policy, no framing, nosniff and a same-origin referrer, with the page’s own inline script allowed by its hash', async () => {
    for (const path of ['/', '/api/health']) {
      const response = await fetch(`${base}${path}`)
      const csp = response.headers.get('content-security-policy') ?? ''
      expect(csp).toContain("default-src 'self'")
      expect(csp).toContain("frame-ancestors 'none'")
      expect(csp).toMatch(/script-src 'self' 'sha256-[A-Za-z0-9+/=]+'/)
      expect(csp).not.toContain("script-src 'self' 'unsafe-inline'")
      expect(response.headers.get('x-frame-options')).toBe('DENY')
      expect(response.headers.get('x-content-type-options')).toBe('nosniff')
      expect(response.headers.get('referrer-policy')).toBe('same-origin')
    }
  })

  it('answers unknown routes and methods, bad paths and bad bodies in the one envelope, saying what happened', async () => {
    const missing = await fetch(`${base}/api-nowhere/x`)
    expect(missing.status).toBe(404)
    expect(await missing.json()).toEqual({ ok: false, error: { code: 'NOT_FOUND', message: '没有这个地址：GET /api-nowhere/x' } })
    const wrongMethod = await fetch(`${base}/api/auth.me`, { method: 'PUT' })
    expect(wrongMethod.status).toBe(404)
    expect((await wrongMethod.json()).error.code).toBe('NOT_FOUND')
    const nul = await fetch(`${base}/index.html%00.png`)
    expect(nul.status).toBeGreaterThanOrEqual(400)
    expect(nul.status).toBeLessThan(500)
    expect((await nul.json()).error.message).not.toMatch(/JSON/)
    const notJson = await fetch(`${base}/api/auth.me`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{oops' })
    expect(await notJson.json()).toEqual({ ok: false, error: { code: 'BAD_REQUEST', message: '请求内容不是有效的 JSON' } })
    const text = await fetch(`${base}/api/auth.me`, { method: 'POST', headers: { 'content-type': 'application/xml' }, body: '<hi/>' })
    expect(text.status).toBe(415)
    expect((await text.json()).error.message).toBe('请求内容的类型不受支持，请以 JSON 发送')
  })

  it('refuses a flood of anonymous reads with a 429 in Chinese, while a signed-in owner is served', async () => {
    const token = await tokenOf(owner.id)
    const statuses: number[] = []
    for (let i = 0; i < 200; i++) statuses.push((await fetch(`${base}/open311/v2/services.json`)).status)
    expect(statuses.filter((s) => s === 200)).toHaveLength(LIMITS.publicReads)
    expect(statuses.filter((s) => s === 429)).toHaveLength(200 - LIMITS.publicReads)
    const refused = await fetch(`${base}/open311/v2/services.json`)
    expect(refused.status).toBe(429)
    expect(await refused.json()).toMatchObject({
      ok: false,
      error: { code: 'RATE_LIMITED', message: expect.stringMatching(/^请求过于频繁，请 \d+ 秒后再试$/) },
    })
    // The owner, on the same address, is counted by who they are.
    const me = await post('auth.me', {}, token)
    expect(me.status).toBe(200)
  })

  it('counts anonymous calls of the API by address: a made-up token does not buy a fresh count', async () => {
    const statuses: number[] = []
    for (let i = 0; i < LIMITS.anonymousCalls + 5; i++) statuses.push((await post('policy.list', {}, `made-up-token-${i}`)).status)
    expect(statuses.filter((s) => s === 429)).toHaveLength(5)
    expect((await post('auth.me', {}, await tokenOf(owner.id))).status).toBe(200)
  })

  it('lets a person try an exhibition’s VIP invitation code only a few times a minute', async () => {
    const token = await tokenOf(town.guest.id)
    const statuses: number[] = []
    for (let i = 0; i < LIMITS.expoRegistrations + 3; i++) {
      const reply = await post(
        'expo.register',
        { exhibitionId: town.expo.id, name: '王五', phone: '13800000000', company: '某公司', kind: 'vip', invitationCode: `WRONG-${i}` },
        token,
      )
      statuses.push(reply.status)
    }
    expect(statuses.slice(0, LIMITS.expoRegistrations).every((s) => s !== 429)).toBe(true)
    expect(statuses.slice(LIMITS.expoRegistrations)).toEqual([429, 429, 429])
    // Other calls of the same person are not held back by it.
    expect((await post('policy.list', {}, token)).status).toBe(200)
  })

  it('health says so when the store can read but no longer write, as on a full disk', async () => {
    expect((await fetch(`${base}/api/health`)).status).toBe(200)
    await refuseWrites(store, true)
    const health = await fetch(`${base}/api/health`)
    expect(health.status).toBe(503)
    expect((await health.json()).error.message).toBe('数据库无法写入（磁盘已满或只读）')
    await refuseWrites(store, false)
    expect((await fetch(`${base}/api/health`)).status).toBe(200)
  })

  it('on a full disk, the log names the real cause, not a failed rollback', async () => {
    if (store.dialect !== 'sqlite') return expect(store.dialect).toBe('postgres')
    // A database that may not grow: the next page it needs is a full disk to SQLite.
    const pages = Number((await sql<{ page_count: number }>`pragma page_count`.execute(store.db)).rows[0].page_count)
    await sql.raw(`pragma max_page_count = ${pages}`).execute(store.db)
    const token = await tokenOf(owner.id)
    let status = 200
    for (let i = 0; i < 50 && status === 200; i++) {
      status = (
        await post(
          'appeal.create',
          {
            clientRequestId: `full-disk-${i}-0000`,
            category: '用工',
            title: '招工',
            description: '缺操作工二十人，希望对接招聘会'.repeat(20),
            contactName: '张三',
            contactPhone: '13800000000',
          },
          token,
        )
      ).status
    }
    expect(status).toBe(500)
    const logged = setup.log.lines.filter((l) => l.level === 'error').map((l) => JSON.stringify(l.fields))
    expect(logged.join('\n')).toMatch(/database or disk is full/)
    expect(logged.join('\n')).not.toMatch(/cannot rollback/)
  })

  it('an upload cut short says so, and leaves no file behind', async () => {
    const token = await tokenOf(owner.id)
    const boundary = '----bangban-test'
    // A multipart body that ends before its closing boundary: the connection was cut.
    const body = `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="现场.jpg"\r\nContent-Type: image/jpeg\r\n\r\n${'x'.repeat(1000)}`
    const reply = await fetch(`${base}/api/uploads`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': `multipart/form-data; boundary=${boundary}` },
      body,
    })
    expect(reply.status).toBe(400)
    expect((await reply.json()).error.message).toMatch(/没有传完整|请选择要上传的文件/)
    mkdirSync(uploadDir, { recursive: true })
    expect(readdirSync(uploadDir)).toEqual([])
  })

  it('message.list answers the real total, whatever the page size', async () => {
    for (let i = 0; i < 3; i++) {
      await setup.services.db
        .insertInto('messages')
        .values({
          id: `m-${i}`,
          user_id: owner.id,
          kind: 'test',
          title: `消息${i}`,
          body: '',
          link: '',
          dedupe_key: `k-${i}`,
          created_at: i,
          read_at: null,
        })
        .execute()
    }
    const page = await (await post('message.list', { limit: 1 }, await tokenOf(owner.id))).json()
    expect(page.data.items).toHaveLength(1)
    expect(page.data.total).toBe(3)
    expect(page.data.unread).toBe(3)
  })
})

describe('dates are dates', () => {
  it.each(['2026-13-45', '2026-02-30', '0000-00-00', '2026-04-31'])(
    'an exhibition or a policy dated %s is refused, naming the field',
    async (bad) => {
      const store = await makeStore()
      const api = (await import('../support/api')).apiAs(makeServices(store).services)
      try {
        const expo = await api.fail(town.admin.id, 'expo.save', {
          name: '展会',
          venue: '会展中心',
          startsOn: bad,
          endsOn: '2026-10-30',
          boothCount: 10,
        })
        expect(expo).toMatchObject({ status: 400, body: { error: { field: 'startsOn', message: expect.stringContaining('开幕日期') } } })
        const policy = await api.fail(town.admin.id, 'policy.save', {
          title: '技改补助（示例）',
          issuer: '产业服务办',
          category: '产业扶持',
          effectiveFrom: bad,
          summary: '一句话看懂：技改可申请补助。',
          body: '## 谁能享受\n企业\n\n## 能享受什么\n补助\n\n## 怎么办理\n申报',
        })
        expect(policy).toMatchObject({ status: 400, body: { error: { field: 'effectiveFrom' } } })
      } finally {
        await store.close()
      }
    },
  )
})

describe('the local file store', () => {
  it('removes a deleted account’s files from the upload folder, and nothing outside it', async () => {
    const { localFileStore } = await import('../../cloud/app/file-store')
    const dir = mkdtempSync(join(tmpdir(), 'bangban-files-'))
    const outside = mkdtempSync(join(tmpdir(), 'bangban-outside-'))
    try {
      writeFileSync(join(dir, 'up-1'), 'photo')
      writeFileSync(join(dir, 'up-2'), 'kept')
      writeFileSync(join(outside, 'secret'), 'not ours')
      await localFileStore(dir).remove([
        { storage: 'local', storage_key: 'up-1' },
        { storage: 'cloud', storage_key: 'up-2' },
        { storage: 'local', storage_key: `../${outside.split('/').pop()}/secret` },
      ])
      expect(readdirSync(dir)).toEqual(['up-2'])
      expect(readdirSync(outside)).toEqual(['secret'])
    } finally {
      rmSync(dir, { recursive: true, force: true })
      rmSync(outside, { recursive: true, force: true })
    }
  })
})

/** Makes the store answer reads and refuse writes, as a full disk does, in the way each database allows. */
async function refuseWrites(store: Store, on: boolean): Promise<void> {
  if (store.dialect === 'sqlite') {
    await sql.raw(`pragma query_only = ${on ? 'on' : 'off'}`).execute(store.db)
  } else if (on) {
    await sql`create or replace function refuse_write() returns trigger language plpgsql as $$
      begin raise exception 'could not extend file: No space left on device'; end $$`.execute(store.db)
    await sql`create trigger full_disk before insert or update on health_checks for each row execute function refuse_write()`.execute(
      store.db,
    )
  } else {
    await sql`drop trigger full_disk on health_checks`.execute(store.db)
  }
}
