import type { FastifyInstance } from 'fastify'
import type { Store } from '../../cloud/store/connect'
import { buildHttpApp } from '../../cloud/server/http-app'
import { w3cTime } from '../../cloud/domain/open311'
import { apiAs } from '../support/api'
import { makeServices, makeStore } from '../support/services'
import { town } from '../support/town'

/** Open311 GeoReport v2 over real HTTP: the standard's fields and statuses, and no personal data. */
describe('Open311 GeoReport v2', () => {
  let store: Store
  let app: FastifyInstance
  let base: string
  const e = town.enterprises.grainFoods
  let openId: string
  let closedId: string
  let acceptedId: string

  beforeAll(async () => {
    store = await makeStore()
    const setup = makeServices(store, { now: '2026-03-02T09:00:00+08:00' })
    const api = apiAs(setup.services)
    const file = (title: string, category: string, n: number) =>
      api.call(e.owner.id, 'appeal.create', {
        clientRequestId: `req-open311-${n}`,
        category,
        title,
        description: `联系人${e.owner.name}，电话 13800001111，厂区用电不足。`,
        contactName: e.owner.name,
        contactPhone: '13800001111',
      })
    openId = (await file('新厂房用电增容，请回电13800001111', '水电气路', 1)).id
    const closed = await file('贷款展期', '融资', 2)
    closedId = closed.id
    const returned = await api.call(e.officer_id, 'appeal.return', {
      id: closed.id,
      version: closed.version,
      reason: '已由银行直接办理',
      redirectTo: '县农商行',
    })
    // A return stands (is closed) once the 督查 office upholds it.
    await api.call(town.admin.id, 'appeal.reviewReturn', { id: closed.id, version: returned.version, uphold: true, note: '确属银行业务' })
    const third = await file('道路坑洼，货车进出困难', '水电气路', 3)
    acceptedId = third.id
    await api.call(e.officer_id, 'appeal.accept', { id: third.id, version: third.version, publicSummary: '园区道路破损，已协调修补' })
    setup.clock.set('2026-03-05T09:00:00+08:00')
    app = buildHttpApp({ services: setup.services })
    base = await app.listen({ host: '127.0.0.1', port: 0 })
  })
  afterAll(async () => {
    await app.close()
    await store.close()
  })

  const get = async (path: string) => {
    const response = await fetch(`${base}${path}`)
    return { status: response.status, body: await response.json() }
  }

  it('lists the services: one per appeal category, with a stable code', async () => {
    const { status, body } = await get('/open311/v2/services.json')
    expect(status).toBe(200)
    expect(body).toHaveLength(10)
    expect(body[0]).toEqual({
      service_code: 'financing',
      service_name: '融资',
      description: expect.any(String),
      metadata: false,
      type: 'realtime',
      keywords: '融资',
      group: '企业诉求',
    })
  })

  it('gives requests with the standard’s fields, open and closed, and no person or enterprise in them', async () => {
    const { body } = await get('/open311/v2/requests.json?start_date=2026-03-01T00:00:00%2B08:00&end_date=2026-03-31T00:00:00%2B08:00')
    const open = body.find((r: { service_request_id: string }) => r.service_request_id === openId)
    expect(open).toEqual({
      service_request_id: openId,
      service_request_number: '2026-03-0001',
      status: 'open',
      status_notes: '待受理',
      service_name: '水电气路',
      service_code: 'utilities',
      // What staff wrote for the public, or only the category: never the owner's own words.
      description: '水电气路类企业诉求',
      agency_responsible: town.departments.transport.name,
      service_notice: expect.any(String),
      requested_datetime: '2026-03-02T09:00:00+08:00',
      updated_datetime: '2026-03-02T09:00:00+08:00',
      expected_datetime: expect.stringMatching(/^2026-03-03T09:00:00\+08:00$/),
      address: e.park,
      address_id: null,
      zipcode: null,
      lat: null,
      long: null,
      media_url: null,
    })
    // The ids are random (a UUID may hold 1111 by chance); every other field is checked.
    const text = JSON.stringify(body.map(({ service_request_id: _id, ...fields }: { service_request_id: string }) => fields))
    for (const secret of ['13800001111', '1111', '新厂房用电增容', '请回电', e.owner.name, e.name, '联系人'])
      expect(text).not.toContain(secret)
    const closed = await get('/open311/v2/requests.json?status=closed&start_date=2026-03-01T00:00:00%2B08:00')
    expect(closed.body.map((r: { service_request_id: string }) => r.service_request_id)).toEqual([closedId])
    expect(closed.body[0]).toMatchObject({ status: 'closed', expected_datetime: null })
  })

  it('describes an accepted appeal by the public summary staff wrote, not by the enterprise’s words', async () => {
    const { body } = await get(`/open311/v2/requests/${acceptedId}.json`)
    expect(body).toEqual([
      expect.objectContaining({ service_request_id: acceptedId, status_notes: '已受理', description: '园区道路破损，已协调修补' }),
    ])
    expect(JSON.stringify(body)).not.toContain('货车进出困难')
  })

  it('filters by service code and id; one request by its id; errors in the standard’s shape', async () => {
    expect(
      (await get('/open311/v2/requests.json?service_code=financing&start_date=2026-03-01T00:00:00%2B08:00')).body.map(
        (r: { service_request_id: string }) => r.service_request_id,
      ),
    ).toEqual([closedId])
    expect((await get(`/open311/v2/requests.json?service_request_id=${openId}`)).body).toHaveLength(1)
    expect((await get(`/open311/v2/requests/${openId}.json`)).body[0]).toMatchObject({ service_request_id: openId, status: 'open' })
    expect(await get('/open311/v2/requests/nothing.json')).toEqual({
      status: 404,
      body: [{ code: 404, description: 'no service request nothing' }],
    })
    expect((await get('/open311/v2/requests.json?status=pending')).status).toBe(400)
    expect((await get('/open311/v2/requests.json?service_code=parking')).body).toEqual([
      { code: 400, description: 'unknown service_code parking' },
    ])
    expect((await get('/open311/v2/requests.json?start_date=yesterday')).status).toBe(400)
    // A parameter given twice is a 400 in the standard's shape, not a crash.
    expect(await get(`/open311/v2/requests.json?service_request_id=${openId}&service_request_id=${closedId}`)).toEqual({
      status: 400,
      body: [{ code: 400, description: 'service_request_id may be given only once' }],
    })
    expect((await get('/open311/v2/requests.json?status=open&status=closed')).status).toBe(400)
  })

  it('writes W3C times in Beijing time', () => {
    expect(w3cTime(Date.parse('2026-03-02T01:00:00Z'))).toBe('2026-03-02T09:00:00+08:00')
  })
})
