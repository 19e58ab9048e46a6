import type { FastifyInstance } from 'fastify'
import { CodeImages } from '../../cloud/actions/ports'
import { buildHttpApp } from '../../cloud/server/http-app'
import type { Store } from '../../cloud/store/connect'
import { apiAs } from '../support/api'
import { makeServices, makeStore } from '../support/services'
import { town } from '../support/town'

/** 企业走访码: what the owner shows, drawn locally as a QR image and on CloudBase as a mini-program code. */
// Drawing a QR image takes a while on a busy machine: room for it, rather than a failure.
jest.setTimeout(20_000)

describe('enterprise check-in code', () => {
  let store: Store
  let app: FastifyInstance | undefined
  const enterprise = town.enterprises.medPack
  const owner = enterprise.owner.id
  beforeEach(async () => {
    store = await makeStore()
  })
  afterEach(async () => {
    await app?.close()
    app = undefined
    await store.close()
  })

  it('locally: the owner gets their code and a link to its QR image, which the host draws as a PNG', async () => {
    const { services } = makeServices(store)
    const code = await apiAs(services).call(owner, 'enterprise.checkinCode', {})
    const stored = await store.db.selectFrom('enterprises').select('checkin_code').where('id', '=', enterprise.id).executeTakeFirstOrThrow()
    expect(code).toEqual({ enterpriseName: enterprise.name, code: stored.checkin_code, image: `/codes/checkin/${stored.checkin_code}.png` })

    app = buildHttpApp({ services })
    const base = await app.listen({ host: '127.0.0.1', port: 0 })
    const png = await fetch(`${base}${code.image}`)
    expect(png.status).toBe(200)
    expect(png.headers.get('content-type')).toBe('image/png')
    expect([...new Uint8Array(await png.arrayBuffer()).slice(0, 4)]).toEqual([0x89, 0x50, 0x4e, 0x47])
    const missing = await fetch(`${base}/codes/checkin/bad%20code.png`)
    await missing.arrayBuffer()
    expect(missing.status).toBe(404)
  })

  it('on CloudBase: a mini-program code that opens the check-in page with the code as its scene', async () => {
    const asked: [string, string | undefined][] = []
    const codeImages: CodeImages = { image: async (scene, page) => (asked.push([scene, page]), `cloud://env/checkin-codes/${scene}.png`) }
    const { services } = makeServices(store)
    const code = await apiAs({ ...services, codeImages }).call(owner, 'enterprise.checkinCode', {})
    expect(asked).toEqual([[code.code, 'packageVisit/pages/checkin/index']])
    expect(code.image).toBe(`cloud://env/checkin-codes/${code.code}.png`)
  })

  it('staff have no code of their own to show', async () => {
    const { services } = makeServices(store)
    expect((await apiAs(services).fail(town.officer.id, 'enterprise.checkinCode', {})).status).toBe(403)
  })
})
