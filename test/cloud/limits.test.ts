import type { Store } from '../../cloud/store/connect'
import { DAILY_LIMITS } from '../../cloud/domain/limits'
import { apiAs } from '../support/api'
import { makeServices, makeStore } from '../support/services'
import { town } from '../support/town'

describe('daily limits per person', () => {
  let store: Store
  let setup: ReturnType<typeof makeServices>
  let api: ReturnType<typeof apiAs>
  const owner = town.enterprises.grainFoods.owner
  beforeEach(async () => {
    store = await makeStore()
    setup = makeServices(store)
    api = apiAs(setup.services)
  })
  afterEach(() => store.close())

  const filing = (n: number) => ({
    clientRequestId: `req-limit-${String(n).padStart(4, '0')}`,
    category: '其他',
    title: `诉求${n}`,
    description: '这是一条用来测试每日上限的诉求内容。',
    contactName: owner.name,
    contactPhone: owner.phone,
  })

  it(`${DAILY_LIMITS.appeals} appeals a day; the next is a 429 that says why; a retry of one already filed still answers; a day later it is fine`, async () => {
    for (let n = 0; n < DAILY_LIMITS.appeals; n++) {
      await api.call(owner.id, 'appeal.create', filing(n))
      setup.clock.advance(60_000)
    }
    const refused = await api.fail(owner.id, 'appeal.create', filing(99))
    expect(refused).toMatchObject({
      status: 429,
      body: { ok: false, error: { code: 'RATE_LIMITED', message: expect.stringContaining('24 小时内已提交') } },
    })
    expect((await api.call(owner.id, 'appeal.listMine', {})).total).toBe(DAILY_LIMITS.appeals)
    expect((await api.call(owner.id, 'appeal.create', filing(0))).title).toBe('诉求0')
    setup.clock.advance(24 * 3600_000)
    expect((await api.call(owner.id, 'appeal.create', filing(99))).title).toBe('诉求99')
  })

  it(`${DAILY_LIMITS.uploads} uploads a day`, async () => {
    const upload = (n: number) => ({
      fileId: `cloud://env/appeal-uploads/${owner.id}/${n}.jpg`,
      name: `${n}.jpg`,
      size: 1000,
      mimeType: 'image/jpeg',
    })
    for (let n = 0; n < DAILY_LIMITS.uploads; n++) await api.call(owner.id, 'upload.register', upload(n))
    expect(await api.fail(owner.id, 'upload.register', upload(999))).toMatchObject({
      status: 429,
      body: { error: { code: 'RATE_LIMITED' } },
    })
  })
})
