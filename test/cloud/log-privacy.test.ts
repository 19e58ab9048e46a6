import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { redactingLogger } from '../../cloud/app/log'
import { maskPhone, redactPhones } from '../../cloud/domain/phone'
import { devLogin, startLocalServer, type LocalServer } from '../support/local-server'
import { memoryLog, seedTownAt } from '../support/services'
import { town } from '../support/town'

jest.setTimeout(180_000)

describe('phone numbers, masked', () => {
  it.each([
    ['13886812830', '138****2830'],
    ['0317-5551234', '031****1234'],
    ['12345', '****'],
    ['', ''],
  ])('%s → %s', (phone, masked) => {
    expect(maskPhone(phone)).toBe(masked)
  })

  it('in any text: mobiles (also +86 and spaced), landlines; not timestamps, amounts or credit codes', () => {
    expect(redactPhones('请回电13886812830或+86 138 8681 2830，座机0317-5551234')).toBe('请回电138****2830或138****2830，座机031****1234')
    const harmless = 'at 1772413200000, 3000000 元, 911309216122943024, v12, 2026-03-02'
    expect(redactPhones(harmless)).toBe(harmless)
  })

  it('in whatever a logger is given, however deep, errors included', () => {
    const inner = memoryLog()
    const log = redactingLogger(inner)
    log.info('push 13886812830', { data: { thing1: { value: '联系15610121235' } }, list: ['0317-5551234'], at: 1772413200000 })
    log.error('failed', { error: new Error('bad phone 18055145600') })
    expect(JSON.stringify(inner.lines)).not.toMatch(/13886812830|15610121235|5551234|18055145600/)
    expect(inner.lines[0]).toEqual({
      level: 'info',
      message: 'push 138****2830',
      fields: { data: { thing1: { value: '联系156****1235' } }, list: ['031****1234'], at: 1772413200000 },
    })
  })
})

/**
 * What the local host writes to its console while people file and handle an appeal full of phone
 * numbers (its contact, its title, the handler's note) and pushes go out: none of them in full. The
 * host runs on a store holding the test town, which it therefore does not seed itself.
 */
describe('the local host’s log', () => {
  let dir: string
  let server: LocalServer | undefined
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'bangban-log-'))
  })
  afterAll(async () => {
    await server?.kill()
    rmSync(dir, { recursive: true, force: true })
  })

  it('never holds a phone number in full', async () => {
    const enterprise = town.enterprises.medPack
    await seedTownAt(join(dir, 'bangban.sqlite'), Date.now())
    server = await startLocalServer({
      DATABASE_URL: join(dir, 'bangban.sqlite'),
      DATA_DIR: dir,
      UPLOAD_DIR: join(dir, 'uploads'),
      TOKEN_SECRET: 'log-privacy-secret-long-enough-for-hs256',
      DISPATCH_INTERVAL_MS: '200',
    })
    const owner = await devLogin(server, enterprise.owner.id)
    const officer = await devLogin(server, enterprise.officer_id)
    expect((await server.post('subscription.grant', { results: [{ template: 'appeal_update', accepted: true }] }, owner)).status).toBe(200)
    expect((await server.post('subscription.grant', { results: [{ template: 'appeal_task', accepted: true }] }, officer)).status).toBe(200)

    const created = await server.post(
      'appeal.create',
      {
        clientRequestId: 'log-privacy-0001',
        category: '融资',
        title: '请回电13912345678',
        description: '续贷的事请打+86 138 1234 5678，或者座机0317-5551234。',
        contactName: enterprise.owner.name,
        contactPhone: '13712345678',
      },
      owner,
    )
    expect(created.status).toBe(200)
    const returned = await server.post(
      'appeal.return',
      {
        id: created.body.data.id,
        version: created.body.data.version,
        reason: '请致电0317-7654321咨询',
        redirectTo: '县政务服务中心 15611112222',
      },
      officer,
    )
    expect(returned.status).toBe(200)

    // Both pushes (the officer's task, the owner's update) are written to the log by the local sender.
    const deadline = Date.now() + 60_000
    while ((server.output().match(/push \(local/g) ?? []).length < 2 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 200))
    const output = server.output()
    expect(output.match(/push \(local/g)).toHaveLength(2)
    for (const phone of [
      '13912345678',
      '13812345678',
      '138 1234 5678',
      '0317-5551234',
      '13712345678',
      '0317-7654321',
      '15611112222',
      enterprise.owner.phone,
    ]) {
      expect(output).not.toContain(phone)
    }
    // They were there, masked: the test would see them if they were not.
    expect(output).toContain('139****5678')
    expect(output).toContain('031****4321')
  })
})
