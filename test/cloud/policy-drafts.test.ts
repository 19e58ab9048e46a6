import type { Store } from '../../cloud/store/connect'
import { apiAs } from '../support/api'
import { makeServices, makeStore } from '../support/services'
import { town } from '../support/town'

const BODY = '## 谁能享受\n规上药包材企业\n\n## 能享受什么\n技改补助\n\n## 怎么办理\n向产业服务办申报'
const WHOLE = {
  title: '药包材企业技改补助',
  issuer: '沧县工业和信息化局',
  category: '产业扶持',
  effectiveFrom: '2026-03-01',
  summary: '一句话看懂：规上药包材企业技改可申请补助。',
  industries: ['药包材'],
  kinds: ['规上企业'],
  body: BODY,
}

describe('policy drafts: half-written is saved, only whole is published', () => {
  let store: Store
  let api: ReturnType<typeof apiAs>
  const admin = town.admin.id
  const reader = town.enterprises.medPack

  beforeEach(async () => {
    store = await makeStore()
    api = apiAs(makeServices(store).services)
  })
  afterEach(() => store.close())

  it('a draft with only a title is saved, what it lacks left empty', async () => {
    const saved = await api.call(admin, 'policy.save', { title: '技改补助（未写完）' })
    expect(saved).toMatchObject({
      status: 'draft',
      title: '技改补助（未写完）',
      issuer: '',
      category: '',
      effectiveFrom: '',
      expiresAt: null,
      summary: '',
      body: '',
    })
    expect(await api.call(admin, 'policy.source', { id: saved.id })).toEqual(saved)
    expect((await api.call(admin, 'policy.adminList', { status: 'draft' })).items.map((p) => p.id)).toEqual([saved.id])
  })

  it('a draft still needs its title, and what it has must be valid', async () => {
    expect(await api.fail(admin, 'policy.save', { issuer: '产业服务办' })).toMatchObject({
      status: 400,
      body: { error: { field: 'title' } },
    })
    expect(await api.fail(admin, 'policy.save', { title: '补助', effectiveFrom: '2026-02-30' })).toMatchObject({
      status: 400,
      body: { error: { field: 'effectiveFrom' } },
    })
    expect((await api.call(admin, 'policy.adminList', { status: 'draft' })).total).toBe(0)
  })

  it('publishing an incomplete draft is refused with every missing field named; nothing is sent', async () => {
    const saved = await api.call(admin, 'policy.save', { title: '技改补助', industries: ['药包材'], body: '## 谁能享受\n规上企业' })
    const reply = await api.fail(admin, 'policy.publish', { id: saved.id })
    expect(reply).toMatchObject({ status: 400, body: { error: { code: 'BAD_REQUEST', field: 'issuer' } } })
    const message = (reply.body as { error: { message: string } }).error.message
    expect(message).toBe(
      '这条政策还不能发布：请填写发文单位；请选择政策类别；请填写施行日期；请填写一句话看懂；解读正文缺少小节 “## 能享受什么”、“## 怎么办理”',
    )
    expect(await api.call(admin, 'policy.source', { id: saved.id })).toMatchObject({ status: 'draft' })
    expect((await api.call(reader.owner.id, 'message.list', {})).unread).toBe(0)

    // Completed, it goes out.
    await api.call(admin, 'policy.save', { ...WHOLE, id: saved.id })
    expect((await api.call(admin, 'policy.publish', { id: saved.id })).notified).toBeGreaterThan(0)
    expect((await api.call(reader.owner.id, 'message.list', {})).unread).toBe(1)
  })

  it('a published policy cannot be saved half-empty: refused, and it stays as it was', async () => {
    const saved = await api.call(admin, 'policy.save', WHOLE)
    await api.call(admin, 'policy.publish', { id: saved.id })
    const reply = await api.fail(admin, 'policy.save', { ...WHOLE, id: saved.id, issuer: ' ', summary: '' })
    expect(reply).toMatchObject({
      status: 400,
      body: { error: { field: 'issuer', message: '已发布的政策须填写完整：请填写发文单位；请填写一句话看懂' } },
    })
    expect(await api.call(admin, 'policy.source', { id: saved.id })).toMatchObject({
      status: 'published',
      issuer: WHOLE.issuer,
      summary: WHOLE.summary,
    })
  })
})
