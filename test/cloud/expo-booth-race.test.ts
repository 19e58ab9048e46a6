import type { Store } from '../../cloud/store/connect'
import { findExhibitorByBooth } from '../../cloud/store/repositories/exhibitions'
import { apiAs } from '../support/api'
import { makeServices, makeStore } from '../support/services'
import { town } from '../support/town'

// The booth check as the store has it, which a test can make miss a booth just taken.
jest.mock('../../cloud/store/repositories/exhibitions', () => {
  const actual = jest.requireActual('../../cloud/store/repositories/exhibitions')
  return { ...actual, findExhibitorByBooth: jest.fn(actual.findExhibitorByBooth) }
})

/**
 * Two saves onto one free booth at once both find it free, and the booth's unique constraint stops
 * the second. Made certain here on either database: the check misses the exhibitor already there.
 */
describe('an exhibitor moved onto a booth taken meanwhile', () => {
  let store: Store
  let api: ReturnType<typeof apiAs>
  beforeEach(async () => {
    store = await makeStore()
    api = apiAs(makeServices(store, { now: '2026-03-02T09:10:00+08:00' }).services)
  })
  afterEach(() => store.close())

  it('is refused with a conflict that names 展位号, and nothing changes', async () => {
    const [taken, moving] = Object.values(town.expo.booths)
    jest.mocked(findExhibitorByBooth).mockResolvedValueOnce(undefined)
    const reply = await api.fail(town.admin.id, 'expo.saveExhibitor', {
      exhibitionId: town.expo.id,
      id: moving.id,
      name: moving.name,
      boothNo: taken.booth_no,
      hall: moving.hall,
      products: JSON.parse(moving.products),
      contactName: moving.contact_name,
      contactPhone: moving.contact_phone,
    })
    expect(reply.status).toBe(409)
    expect(!reply.body.ok && reply.body.error).toMatchObject({ field: 'boothNo', message: expect.stringContaining('刚刚安排给了其他展商') })
    const booths = await store.db.selectFrom('exhibitors').select(['id', 'booth_no']).where('exhibition_id', '=', town.expo.id).execute()
    expect(booths).toContainEqual({ id: moving.id, booth_no: moving.booth_no })
  })
})
