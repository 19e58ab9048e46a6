import type { Store } from '../../cloud/store/connect'
import { apiAs } from '../support/api'
import { makeServices, makeStore } from '../support/services'
import { town } from '../support/town'

/** An owner sees, corrects and deletes what the service holds about them (个人信息查阅、更正、注销). */
describe('my personal data', () => {
  let store: Store
  let api: ReturnType<typeof apiAs>
  const e = town.enterprises.grainFoods
  const owner = e.owner.id
  let appealId: string

  beforeEach(async () => {
    store = await makeStore()
    api = apiAs(makeServices(store).services)
    const appeal = await api.call(owner, 'appeal.create', {
      clientRequestId: 'req-mydata-1',
      category: '融资',
      title: '流动资金贷款',
      description: '春节前需要流动资金 200 万元用于原料采购。',
      contactName: e.owner.name,
      contactPhone: '13800001111',
    })
    appealId = appeal.id
    await api.call(owner, 'policy.favourite', {
      id: (await store.db.selectFrom('policies').select('id').executeTakeFirstOrThrow()).id,
      on: true,
    })
    await api.call(owner, 'subscription.grant', { results: [{ template: 'appeal_update', accepted: true }] })
  })
  afterEach(() => store.close())

  it('lists the person, the appeals with the contact details on them, favourites and messages', async () => {
    const data = await api.call(owner, 'me.data', {})
    expect(data.profile).toEqual({ name: e.owner.name, phone: e.owner.phone, role: '企业用户', enterprise: e.name, wechatBound: false })
    expect(data.appeals).toEqual([
      expect.objectContaining({ id: appealId, title: '流动资金贷款', contactName: e.owner.name, contactPhone: '13800001111' }),
    ])
    expect(data.favourites).toBe(1)
  })

  it('corrects the name or phone, naming a wrong field', async () => {
    const me = await api.call(owner, 'me.update', { phone: '13912345678' })
    expect(me.user.phone).toBe('13912345678')
    expect((await api.fail(owner, 'me.update', { phone: '123' })).body).toMatchObject({ ok: false, error: { field: 'phone' } })
    expect((await api.fail(owner, 'me.update', {})).body).toMatchObject({ ok: false, error: { field: 'name' } })
  })

  it('deletes: the appeal stays as a record without the name or number; everything personal is gone, and the person is an unbound guest', async () => {
    expect((await api.fail(owner, 'me.delete', { confirm: 'yes' })).body).toMatchObject({ ok: false, error: { field: 'confirm' } })
    await store.db.updateTable('users').set({ openid: 'o-owner' }).where('id', '=', owner).execute()
    expect(await api.call(owner, 'me.delete', { confirm: '注销' })).toEqual({ deleted: true })
    const user = await store.db.selectFrom('users').selectAll().where('id', '=', owner).executeTakeFirstOrThrow()
    expect(user).toMatchObject({ name: '已注销用户', phone: '', openid: null, enterprise_id: null, role: 'guest' })
    const appeal = await store.db.selectFrom('appeals').selectAll().where('id', '=', appealId).executeTakeFirstOrThrow()
    expect(appeal).toMatchObject({ title: '流动资金贷款', contact_name: '已注销用户', contact_phone: '' })
    for (const table of ['messages', 'outbox', 'subscription_grants', 'policy_favourites'] as const) {
      const left = await store.db.selectFrom(table).select('user_id').where('user_id', '=', owner).execute()
      expect([table, left.length]).toEqual([table, 0])
    }
    // Nothing the person filed carries their number any more, anywhere in the store's appeals.
    const filed = await store.db.selectFrom('appeals').selectAll().where('created_by', '=', owner).execute()
    expect(filed.length).toBeGreaterThan(0)
    expect(JSON.stringify(filed)).not.toContain(e.owner.phone)
    expect(JSON.stringify(filed)).not.toContain('13800001111')
    // The account is closed: a session still open reaches nothing.
    expect(user.deactivated_at).not.toBeNull()
    expect((await api.fail(owner, 'auth.me', {})).status).toBe(401)
  })

  it('staff accounts are closed by an admin, not by themselves', async () => {
    expect((await api.fail(e.officer_id, 'me.delete', { confirm: '注销' })).status).toBe(403)
  })

  it('deleting an account removes the files it uploaded that no appeal carries, from the store and from the disk', async () => {
    const removed: string[] = []
    const deps = {
      ...makeServices(store).services,
      fileStore: { remove: async (files: { storage_key: string }[]) => void removed.push(...files.map((f) => f.storage_key)) },
    }
    const upload = (id: string, appeal: string | null) => ({
      id,
      owner_id: owner,
      storage: 'local',
      storage_key: id,
      name: `${id}.jpg`,
      mime_type: 'image/jpeg',
      size: 10,
      appeal_id: appeal,
      position: appeal ? 0 : null,
      created_at: 0,
    })
    await store.db
      .insertInto('uploads')
      .values([upload('up-loose', null), upload('up-kept', appealId)])
      .execute()
    await apiAs(deps).call(owner, 'me.delete', { confirm: '注销' })
    expect(removed).toEqual(['up-loose'])
    const left = await store.db.selectFrom('uploads').select('id').where('owner_id', '=', owner).execute()
    expect(left.map((u) => u.id)).toEqual(['up-kept'])
  })
})
