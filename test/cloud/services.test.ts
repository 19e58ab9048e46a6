import { SERVICE_GROUPS } from '../../cloud/domain/service-catalogue'
import type { Store } from '../../cloud/store/connect'
import { serviceCatalogue } from '../../seeds/service-catalogue'
import { apiAs } from '../support/api'
import { makeServices, makeStore } from '../support/services'
import { town } from '../support/town'

/**
 * The 帮办代办 catalogue is shipped content, not town data: cloud/actions/service/services.ts serves
 * seeds/service-catalogue.ts as it is, so these tests read it from there.
 */
describe('帮办代办 catalogue', () => {
  it('every item is complete, in one of the three groups, with a unique id', () => {
    expect(new Set(serviceCatalogue.map((s) => s.id)).size).toBe(serviceCatalogue.length)
    for (const group of SERVICE_GROUPS) expect(serviceCatalogue.some((s) => s.group === group)).toBe(true)
    for (const item of serviceCatalogue) {
      expect(item.id).toMatch(/^svc-[a-z0-9-]+$/)
      expect(item.materials.length).toBeGreaterThan(0)
      expect(item.steps.length).toBeGreaterThan(0)
      expect([item.name, item.purpose, item.timeLimit, item.department].every((text) => /[\u4e00-\u9fa5]/.test(text))).toBe(true)
    }
  })

  describe('through the API', () => {
    let store: Store
    let api: ReturnType<typeof apiAs>
    const owner = town.enterprises.grainFoods.owner
    beforeEach(async () => {
      store = await makeStore()
      api = apiAs(makeServices(store).services)
    })
    afterEach(() => store.close())

    it('lists the groups in order and gives an item in full; an unknown one is a 404', async () => {
      const list = await api.call(owner.id, 'service.list', {})
      expect(list.groups.map((g) => g.group)).toEqual([...SERVICE_GROUPS])
      expect(list.groups.flatMap((g) => g.items)).toHaveLength(serviceCatalogue.length)
      const item = serviceCatalogue[0]
      expect(await api.call(town.guest.id, 'service.get', { id: item.id })).toEqual(item)
      expect((await api.fail(owner.id, 'service.get', { id: 'svc-nowhere' })).status).toBe(404)
    })

    it('请帮我办 files a proxy appeal for the item, which the owner follows like any other', async () => {
      const item = serviceCatalogue.find((s) => s.group === '法人') ?? serviceCatalogue[0]
      const appeal = await api.call(owner.id, 'appeal.create', {
        clientRequestId: 'req-proxy-0001',
        category: '审批手续',
        title: `请帮我办：${item.name}`.slice(0, 40),
        description: '我们想办理这一项，请帮办员联系我们，材料已经准备了一部分。',
        contactName: owner.name,
        contactPhone: owner.phone,
        serviceItemId: item.id,
      })
      expect(appeal).toMatchObject({ serviceItem: { id: item.id, name: item.name }, policy: null, state: 'submitted' })
      const row = await store.db
        .selectFrom('appeals')
        .select(['source', 'service_item_id'])
        .where('id', '=', appeal.id)
        .executeTakeFirstOrThrow()
      expect(row).toEqual({ source: 'proxy', service_item_id: item.id })
      expect((await api.call(owner.id, 'appeal.listMine', {})).items.map((a) => a.id)).toEqual([appeal.id])
    })
  })
})
