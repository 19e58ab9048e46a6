import type { FastifyInstance } from 'fastify'
import { mkdtemp, readdir, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { signedFileLinks } from '../../cloud/app/file-links'
import type { AppealDetail, UploadView } from '../../cloud/contract'
import type { Store } from '../../cloud/store/connect'
import { buildHttpApp } from '../../cloud/server/http-app'
import { apiAs } from '../support/api'
import { makeServices, makeStore, TEST_SECRET } from '../support/services'
import { town } from '../support/town'

/** A real 1×1 PNG and a minimal PDF: the upload route reads the type from these bytes. */
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==', 'base64')
const PDF = Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n')

describe('attachments (附件)', () => {
  let store: Store
  let app: FastifyInstance
  let base: string
  let dir: string
  let setup: ReturnType<typeof makeServices>
  let api: ReturnType<typeof apiAs>
  const enterprise = town.enterprises.grainFoods
  const other = town.enterprises.medPack

  beforeEach(async () => {
    store = await makeStore()
    setup = makeServices(store)
    dir = await mkdtemp(join(tmpdir(), 'bangban-uploads-'))
    app = buildHttpApp({ services: setup.services, uploads: { links: signedFileLinks(TEST_SECRET, setup.clock), dir } })
    base = await app.listen({ host: '127.0.0.1', port: 0 })
    api = apiAs(setup.services)
  })
  afterEach(async () => {
    await app.close()
    await store.close()
    await rm(dir, { recursive: true, force: true })
  })

  /** A link's status, its body read to the end so the connection is free when the app closes. */
  const statusOf = async (url: string) => {
    const response = await fetch(url)
    await response.arrayBuffer()
    return response.status
  }
  const tokenOf = async (userId: string) => (await setup.services.devTokens!.issue(userId)).token
  async function upload(userId: string | null, bytes: Buffer, name: string, type = 'application/octet-stream') {
    const form = new FormData()
    form.append('file', new Blob([new Uint8Array(bytes)], { type }), name)
    const headers: Record<string, string> = userId ? { authorization: `Bearer ${await tokenOf(userId)}` } : {}
    const response = await fetch(`${base}/api/uploads`, { method: 'POST', body: form, headers })
    return {
      status: response.status,
      body: (await response.json()) as { ok: boolean; data: UploadView; error: { message: string; field?: string } },
    }
  }
  const filing = (attachmentIds: string[], request = 'req-attach-0001') => ({
    clientRequestId: request,
    category: '用地规划',
    title: '厂区围墙与规划红线冲突',
    description: '新建围墙与规划红线有 2 米偏差，附现场照片和规划图。',
    contactName: enterprise.owner.name,
    contactPhone: '13800001111',
    attachmentIds,
  })

  it('an owner uploads a photo and a PDF, files the appeal with them, and the handler opens both through signed links', async () => {
    const photo = await upload(enterprise.owner.id, PNG, '现场.png', 'image/png')
    const plan = await upload(enterprise.owner.id, PDF, '规划图.pdf', 'application/pdf')
    expect(photo).toMatchObject({ status: 200, body: { ok: true, data: { name: '现场.png', mimeType: 'image/png', size: PNG.length } } })
    expect(plan.body.data.mimeType).toBe('application/pdf')

    const appeal = await api.call(enterprise.owner.id, 'appeal.create', filing([plan.body.data.id, photo.body.data.id]))
    const seen = await api.call(enterprise.officer_id, 'appeal.get', { id: appeal.id })
    expect(seen.attachments.map((a) => a.name)).toEqual(['规划图.pdf', '现场.png'])

    const image = await fetch(`${base}${seen.attachments[1].url}`)
    expect(image.status).toBe(200)
    expect(image.headers.get('content-type')).toBe('image/png')
    expect(Buffer.from(await image.arrayBuffer()).equals(PNG)).toBe(true)

    const tampered = seen.attachments[1].url.replace(/signature=./, (s) => s.slice(0, -1) + (s.endsWith('0') ? '1' : '0'))
    expect(await statusOf(`${base}${tampered}`)).toBe(403)
    const otherFile = seen.attachments[1].url.replace(photo.body.data.id, plan.body.data.id)
    expect(await statusOf(`${base}${otherFile}`)).toBe(403)
    // A link lives a quarter of an hour.
    setup.clock.advance(14 * 60_000)
    expect(await statusOf(`${base}${seen.attachments[1].url}`)).toBe(200)
    setup.clock.advance(2 * 60_000)
    expect(await statusOf(`${base}${seen.attachments[1].url}`)).toBe(403)
  })

  it('the type comes from the bytes: a text file named .jpg is refused, naming the file', async () => {
    const fake = await upload(enterprise.owner.id, Buffer.from('这不是图片'), '照片.jpg', 'image/jpeg')
    expect(fake).toMatchObject({
      status: 400,
      body: { ok: false, error: { field: 'file', message: expect.stringContaining('「照片.jpg」不是可上传的类型') } },
    })
    expect(await readdir(dir)).toEqual([])
  })

  it('more than 10 MB is refused and nothing is kept', async () => {
    const big = Buffer.concat([PNG, Buffer.alloc(10 * 1024 * 1024)])
    const reply = await upload(enterprise.owner.id, big, '大图.png', 'image/png')
    expect(reply).toMatchObject({ status: 400, body: { error: { field: 'file', message: expect.stringContaining('超过 10 MB') } } })
    expect(await readdir(dir)).toEqual([])
  })

  it('only signed-in owners upload', async () => {
    expect((await upload(null, PNG, 'a.png')).status).toBe(401)
    expect((await upload(enterprise.officer_id, PNG, 'a.png')).status).toBe(403)
  })

  it("another owner's upload, one already attached, or more than 9: a 400 on attachmentIds and no appeal", async () => {
    const mine = await upload(enterprise.owner.id, PNG, 'a.png')
    const theirs = await upload(other.owner.id, PNG, 'b.png')
    const stolen = await api.fail(enterprise.owner.id, 'appeal.create', filing([mine.body.data.id, theirs.body.data.id]))
    expect(stolen).toMatchObject({ status: 400, body: { error: { field: 'attachmentIds' } } })
    expect((await api.call(enterprise.owner.id, 'appeal.listMine', {})).total).toBe(0)

    await api.call(enterprise.owner.id, 'appeal.create', filing([mine.body.data.id]))
    const reused = await api.fail(enterprise.owner.id, 'appeal.create', filing([mine.body.data.id], 'req-attach-0002'))
    expect(reused).toMatchObject({ status: 400, body: { error: { field: 'attachmentIds' } } })

    const ten = Array.from({ length: 10 }, (_, i) => `up-${i}`)
    const tooMany = await api.fail(enterprise.owner.id, 'appeal.create', filing(ten, 'req-attach-0003'))
    expect(tooMany).toMatchObject({
      status: 400,
      body: { error: { field: 'attachmentIds', message: expect.stringContaining('最多上传 9 个附件') } },
    })
    expect((await api.call(enterprise.owner.id, 'appeal.listMine', {})).total).toBe(1)
  })

  it('on the mini-program a cloud storage file is registered, and its fileID is its link', async () => {
    const own = `cloud://env-1.bucket/appeal-uploads/${enterprise.owner.id}/x.jpg`
    const registered = await api.call(enterprise.owner.id, 'upload.register', {
      fileId: own,
      name: '现场.jpg',
      size: 2048,
      mimeType: 'image/jpeg',
    })
    expect(registered).toMatchObject({ url: own, mimeType: 'image/jpeg' })
    const appeal: AppealDetail = await api.call(enterprise.owner.id, 'appeal.create', filing([registered.id]))
    expect(appeal.attachments).toEqual([registered])

    for (const [payload, field] of [
      [{ fileId: 'https://evil.example/x.jpg', name: 'x.jpg', size: 10, mimeType: 'image/jpeg' }, 'fileId'],
      // Someone else's file, or one outside the caller's own folder, cannot be attached and read through an appeal.
      [
        { fileId: `cloud://env-1.bucket/appeal-uploads/${town.officer.id}/x.jpg`, name: 'x.jpg', size: 10, mimeType: 'image/jpeg' },
        'fileId',
      ],
      [{ fileId: 'cloud://env-1.bucket/appeal-uploads/x.jpg', name: 'x.jpg', size: 10, mimeType: 'image/jpeg' }, 'fileId'],
      [
        {
          fileId: `cloud://env-1.bucket/appeal-uploads/${enterprise.owner.id}/../other/x.jpg`,
          name: 'x.jpg',
          size: 10,
          mimeType: 'image/jpeg',
        },
        'fileId',
      ],
      [{ fileId: 'cloud://env-1/x.exe', name: 'x.exe', size: 10, mimeType: 'application/x-msdownload' }, 'mimeType'],
      [{ fileId: 'cloud://env-1/x.jpg', name: 'x.jpg', size: 11 * 1024 * 1024, mimeType: 'image/jpeg' }, 'size'],
    ] as const) {
      expect(await api.fail(enterprise.owner.id, 'upload.register', payload)).toMatchObject({ status: 400, body: { error: { field } } })
    }
  })
})
