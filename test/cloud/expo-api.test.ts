import { Deps } from '../../cloud/actions/context'
import { encodeScene } from '../../cloud/domain/expo-scene'
import type { Store } from '../../cloud/store/connect'
import { insertUser } from '../../cloud/store/repositories/users'
import { apiAs } from '../support/api'
import { makeUser } from '../support/factories'
import { makeServices, makeStore } from '../support/services'
import { town } from '../support/town'

/** The town's exhibition opens on the day the store is seeded (TEST_NOW) and runs three days. */
const OPENING = '2026-03-02T09:10:00+08:00'
const HOUR = 3600_000
const GUEST = town.guest.id
const ADMIN = town.admin.id
const EXPO = town.expo
/** capsulePack exhibits at C101; its owner sees the booth's leads. */
const BOOTH = EXPO.booths.capsulePack
const EXHIBITOR = town.enterprises.capsulePack
const EXHIBITOR_OWNER = EXHIBITOR.owner.id
/** medPack's owner exhibits too, at another booth. */
const OTHER_OWNER = town.enterprises.medPack.owner.id
const OTHER_BOOTH = EXPO.booths.bioMaterials.booth_no
const BOOTHS = town.all.booths

describe('展会扫码 API', () => {
  let store: Store
  let services: Deps
  let clock: ReturnType<typeof makeServices>['clock']
  let api: ReturnType<typeof apiAs>
  const sceneOf = async (boothNo: string) => {
    const row = await store.db.selectFrom('exhibitors').select('code').where('booth_no', '=', boothNo).executeTakeFirstOrThrow()
    return encodeScene({ kind: 'booth', code: row.code })
  }
  const entrance = async () =>
    encodeScene({ kind: 'exhibition', code: (await store.db.selectFrom('exhibitions').select('code').executeTakeFirstOrThrow()).code })
  const count = async (table: 'expo_scans' | 'expo_visitors' | 'expo_follows' | 'appeals') =>
    Number(
      (
        await store.db
          .selectFrom(table)
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    )
  const addGuest = async () => {
    const user = makeUser({ role: 'guest', name: '微信用户' })
    await insertUser(store.db, user)
    return user.id
  }

  beforeEach(async () => {
    store = await makeStore()
    ;({ services, clock } = makeServices(store, { now: OPENING }))
    api = apiAs(services)
  })
  afterEach(() => store.close())

  it('shows an admin the exhibition: its size, days, halls, forum, booths, free zone and VIP invitations', async () => {
    const [exhibition] = await api.call(ADMIN, 'expo.adminList', {})
    expect(exhibition).toMatchObject({
      name: EXPO.name,
      venue: EXPO.venue,
      boothCount: EXPO.boothCount,
      areaM2: EXPO.areaM2,
      startsOn: '2026-03-02',
      endsOn: '2026-03-04',
      dateLabel: '3月2日—4日',
      phase: 'open',
    })
    expect(exhibition.halls).toEqual(EXPO.halls)
    expect(exhibition.forum.map((f) => f.title)).toContain(EXPO.forumTitles[0])
    const detail = await api.call(ADMIN, 'expo.adminGet', { id: exhibition.id })
    expect(detail.exhibitors).toHaveLength(BOOTHS.length)
    expect(detail.exhibitors.find((e) => e.boothNo === BOOTH.booth_no)).toMatchObject({ name: EXHIBITOR.name, enterpriseId: EXHIBITOR.id })
    expect(detail.exhibitors.filter((e) => e.freeZone).length).toBe(BOOTHS.filter((b) => b.free_zone).length)
    expect(detail.invitations).toEqual({ total: EXPO.invitations.length, claimed: 0 })
    for (const e of [...detail.exhibitors, detail.entrance]) expect(e.path).toBe(`/pages/expo/index?scene=${encodeURIComponent(e.scene)}`)
  })

  it('shows the booth’s exhibitor card with the featured policies', async () => {
    const landing = await api.call(GUEST, 'expo.open', { scene: await sceneOf(BOOTH.booth_no) })
    if (!landing.found) throw new Error('expected the booth')
    expect(landing.booth).toMatchObject({ name: EXHIBITOR.name, boothNo: BOOTH.booth_no, contact: { name: EXHIBITOR.owner.name } })
    expect(landing.exhibition.phaseLabel).toBe('展会进行中')
    expect(landing.policies.map((p) => p.id)).toContain(town.policies.techUpgradeFund.id)
    expect(landing).toMatchObject({ counted: true, registration: null, following: false, ownBooth: false, canAppeal: false })
    expect(await api.call(EXHIBITOR_OWNER, 'expo.open', { scene: await sceneOf(BOOTH.booth_no) })).toMatchObject({
      found: true,
      ownBooth: true,
      canAppeal: true,
    })
  })

  it('counts a scan once per person per booth per day, by hour, and ranks the busiest booths', async () => {
    const c101 = await sceneOf(BOOTH.booth_no)
    const b108 = await sceneOf(OTHER_BOOTH)
    const other = await addGuest()
    const counted = async (userId: string, scene: string) => {
      const landing = await api.call(userId, 'expo.open', { scene })
      return landing.found && landing.counted
    }
    expect(await counted(GUEST, c101)).toBe(true)
    clock.advance(30 * 60_000)
    expect(await counted(GUEST, c101)).toBe(false) // the same morning: already counted
    expect(await counted(GUEST, b108)).toBe(true) // another booth
    expect(await counted(GUEST, await entrance())).toBe(true) // the entrance is its own code
    expect(await counted(other, c101)).toBe(true)
    clock.advance(HOUR)
    expect(await counted(GUEST, c101)).toBe(false)
    clock.set('2026-03-03T10:05:00+08:00')
    expect(await counted(GUEST, c101)).toBe(true) // a new day
    expect(await count('expo_scans')).toBe(5)

    // The unique key itself refuses a second row, whatever the code above it does.
    const row = await store.db.selectFrom('expo_scans').selectAll().executeTakeFirstOrThrow()
    // By its message: the driver's error class may come from another realm than the test's Error.
    await expect(
      store.db
        .insertInto('expo_scans')
        .values({ ...row, at: row.at + 1 })
        .execute(),
    ).rejects.toMatchObject({ message: expect.stringMatching(/UNIQUE|duplicate key/i) })

    const stats = await api.call(ADMIN, 'expo.stats', { id: EXPO.id })
    expect(stats.totals).toMatchObject({ scans: 5, people: 2 })
    expect(stats.byHour).toEqual([
      { hour: '03-02 09:00', scans: 4 },
      { hour: '03-03 10:00', scans: 1 },
    ])
    expect(stats.busiest).toHaveLength(2) // only booths someone scanned
    expect(stats.busiest[0]).toMatchObject({ boothNo: BOOTH.booth_no, scans: 3 })
    expect(stats.busiest[1]).toMatchObject({ boothNo: OTHER_BOOTH, scans: 1 })
  })

  it('answers a malformed, unknown or expired scene kindly, and counts nothing', async () => {
    expect(await api.call(GUEST, 'expo.open', { scene: 'hello%world' })).toMatchObject({ found: false, reason: 'malformed' })
    expect(await api.call(GUEST, 'expo.open', { scene: '' })).toMatchObject({ found: false, reason: 'malformed' })
    expect(await api.call(GUEST, 'expo.open', { scene: 'b.zzzzzzzz' })).toMatchObject({ found: false, reason: 'unknown' })
    expect(await api.call(GUEST, 'expo.open', { scene: 'e.zzzzzzzz' })).toMatchObject({ found: false, reason: 'unknown' })
    // More than 30 days after the last day.
    clock.set('2026-04-10T09:00:00+08:00')
    const expired = await api.call(GUEST, 'expo.open', { scene: await sceneOf(BOOTH.booth_no) })
    expect(expired).toMatchObject({ found: false, reason: 'expired', exhibitionName: EXPO.name })
    expect(await count('expo_scans')).toBe(0)
    const tooLong = await api.fail(GUEST, 'expo.open', { scene: 'b'.repeat(500) })
    expect(tooLong.status).toBe(400)
  })

  it('registers a visitor, and a VIP buyer only with a free invitation code', async () => {
    const visitor = { exhibitionId: EXPO.id, name: '周明', phone: '13900000001', company: '苏州某医药集团采购部', shareContact: true }
    expect(await api.call(GUEST, 'expo.register', visitor)).toMatchObject({ kind: 'visitor', kindLabel: '观众', shareContact: true })

    const wrong = await api.fail(GUEST, 'expo.register', { ...visitor, kind: 'vip', invitationCode: 'TVIP-NOPE00' })
    expect(wrong.status).toBe(400)
    expect(!wrong.body.ok && wrong.body.error).toMatchObject({ field: 'invitationCode' })
    expect(await api.call(GUEST, 'expo.open', { scene: await entrance() })).toMatchObject({
      found: true,
      registration: { kind: 'visitor' },
    })

    const missing = await api.fail(GUEST, 'expo.register', { ...visitor, kind: 'vip' })
    expect(!missing.body.ok && missing.body.error.field).toBe('invitationCode')

    const code = EXPO.invitations[0]
    expect(await api.call(GUEST, 'expo.register', { ...visitor, kind: 'vip', invitationCode: code.toLowerCase() })).toMatchObject({
      kind: 'vip',
      kindLabel: 'VIP 采购商',
    })
    expect(await api.call(GUEST, 'expo.register', { ...visitor, kind: 'vip', invitationCode: code })).toMatchObject({ kind: 'vip' }) // asked again
    // Registering again as a plain visitor keeps the VIP.
    expect(await api.call(GUEST, 'expo.register', { ...visitor, company: '苏州某医药集团' })).toMatchObject({
      kind: 'vip',
      company: '苏州某医药集团',
    })

    const other = await addGuest()
    const taken = await api.fail(other, 'expo.register', { ...visitor, kind: 'vip', invitationCode: code })
    expect(taken.status).toBe(400)
    expect(await count('expo_visitors')).toBe(1)

    const bad = await api.fail(other, 'expo.register', { ...visitor, phone: '123' })
    expect(!bad.body.ok && bad.body.error.field).toBe('phone')
  })

  it('shows an exhibitor its leads, with only what each visitor agreed to share', async () => {
    const c101 = await sceneOf(BOOTH.booth_no)
    const sharing = await addGuest()
    const private_ = await addGuest()
    await api.call(sharing, 'expo.register', {
      exhibitionId: EXPO.id,
      name: '周明',
      phone: '13900000001',
      company: '苏州某医药集团',
      shareContact: true,
    })
    await api.call(private_, 'expo.register', {
      exhibitionId: EXPO.id,
      name: '吴芳',
      phone: '13900000002',
      company: '不愿透露的公司',
      shareContact: false,
    })
    await api.call(sharing, 'expo.open', { scene: c101 })
    clock.advance(HOUR)
    await api.call(private_, 'expo.open', { scene: c101 })
    await api.call(GUEST, 'expo.follow', { exhibitorId: BOOTH.id, on: true })
    await api.call(EXHIBITOR_OWNER, 'expo.open', { scene: c101 }) // the owner checking their own code

    const leads = await api.call(EXHIBITOR_OWNER, 'expo.leads', {})
    expect(leads.exhibitor).toMatchObject({ boothNo: BOOTH.booth_no, exhibitionName: EXPO.name })
    expect(leads).toMatchObject({ scans: 2, follows: 1 })
    expect(leads.leads).toHaveLength(3)
    expect(leads.leads[0]).toMatchObject({ name: '周明', company: '苏州某医药集团', phone: '13900000001', kindLabel: '观众' })
    expect(leads.leads.slice(1)).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ name: null, company: null, phone: null, kindLabel: '观众', scanDays: 1 }),
        expect.objectContaining({ name: null, following: true, scanDays: 0, kindLabel: null }),
      ]),
    )
    expect(JSON.stringify(leads)).not.toContain('吴芳')

    const foreign = await api.fail(OTHER_OWNER, 'expo.leads', { exhibitorId: BOOTH.id })
    expect(foreign.status).toBe(404)
    expect((await api.call(GUEST, 'expo.follow', { exhibitorId: BOOTH.id, on: false })).following).toBe(false)
  })

  it('files an on-site appeal (现场诉求) whose source is the exhibition', async () => {
    const payload = {
      clientRequestId: 'expo-appeal-0001',
      category: '市场拓展',
      title: '展会物流通道',
      description: '展会期间货车进出会展中心卸货需要通行证，希望帮忙协调。',
      contactName: EXHIBITOR.owner.name,
      contactPhone: EXHIBITOR.owner.phone,
    }
    const unknown = await api.fail(EXHIBITOR_OWNER, 'appeal.create', { ...payload, exhibitionId: 'expo-0' })
    expect(!unknown.body.ok && unknown.body.error.field).toBe('exhibitionId')
    expect(await count('appeals')).toBe(0)
    const appeal = await api.call(EXHIBITOR_OWNER, 'appeal.create', { ...payload, exhibitionId: EXPO.id })
    const row = await store.db
      .selectFrom('appeals')
      .select(['source', 'enterprise_id'])
      .where('id', '=', appeal.id)
      .executeTakeFirstOrThrow()
    expect(row).toEqual({ source: 'exhibition', enterprise_id: EXHIBITOR.id })
    const event = await store.db.selectFrom('appeal_events').select('data').where('appeal_id', '=', appeal.id).executeTakeFirstOrThrow()
    expect(JSON.parse(event.data)).toMatchObject({ exhibitionId: EXPO.id })
  })

  it('lets an admin create an exhibition and place exhibitors, one per booth', async () => {
    const saved = await api.call(ADMIN, 'expo.save', {
      name: '第二届青禾药包材与塑料制品展览会',
      venue: EXPO.venue,
      startsOn: '2027-10-27',
      endsOn: '2027-10-29',
      halls: ['1号馆'],
      boothCount: 2,
      forum: [{ day: '2027-10-27', time: '09:30', title: '开幕论坛', place: '报告厅' }],
      featuredPolicyIds: [town.policies.specialisedSme.id],
    })
    expect(saved).toMatchObject({ phase: 'upcoming', exhibitors: [], entrance: { scene: expect.stringMatching(/^e\.[a-z2-9]{8}$/) } })
    const firm = town.enterprises.machinery
    const booth = {
      exhibitionId: saved.id,
      name: firm.name,
      enterpriseId: firm.id,
      boothNo: 'a1',
      hall: '1号馆',
      products: ['吹塑机'],
      contactName: firm.owner.name,
      contactPhone: firm.owner.phone,
    }
    const withBooth = await api.call(ADMIN, 'expo.saveExhibitor', booth)
    expect(withBooth.exhibitors).toEqual([expect.objectContaining({ boothNo: 'A1', scene: expect.stringMatching(/^b\.[a-z2-9]{8}$/) })])

    const taken = await api.fail(ADMIN, 'expo.saveExhibitor', { ...booth, name: '另一家' })
    expect(taken.status).toBe(409)
    expect(!taken.body.ok && taken.body.error.field).toBe('boothNo')
    const noEnterprise = await api.fail(ADMIN, 'expo.saveExhibitor', { ...booth, boothNo: 'A2', enterpriseId: 'ent-none' })
    expect(!noEnterprise.body.ok && noEnterprise.body.error.field).toBe('enterpriseId')
    await api.call(ADMIN, 'expo.saveExhibitor', { ...booth, boothNo: 'A2', enterpriseId: undefined, name: '外地展商' })
    const full = await api.fail(ADMIN, 'expo.saveExhibitor', { ...booth, boothNo: 'A3' })
    expect(full.status).toBe(400)

    // Both exhibitors moved onto one free booth at once: one gets it, the other a conflict that
    // names the field, and neither booth is left to two.
    const placed = (await api.call(ADMIN, 'expo.adminGet', { id: saved.id })).exhibitors
    const moves = await Promise.all(
      placed.map((e) =>
        api.fail(ADMIN, 'expo.saveExhibitor', { ...booth, id: e.id, name: e.name, enterpriseId: undefined, boothNo: 'B1' }),
      ),
    )
    expect(moves.map((m) => m.status).sort()).toEqual([200, 409])
    const refused = moves.find((m) => m.status === 409)!
    expect(!refused.body.ok && refused.body.error).toMatchObject({ field: 'boothNo', message: expect.stringMatching(/^「展位号」/) })
    const after = (await api.call(ADMIN, 'expo.adminGet', { id: saved.id })).exhibitors.map((e) => e.boothNo).sort()
    expect(after).toHaveLength(2)
    expect(after.filter((no) => no === 'B1')).toHaveLength(1)

    const backwards = await api.fail(ADMIN, 'expo.save', {
      name: '错',
      venue: '某地',
      startsOn: '2027-10-29',
      endsOn: '2027-10-27',
      boothCount: 1,
    })
    expect(!backwards.body.ok && backwards.body.error.field).toBe('endsOn')
    const badPolicy = await api.fail(ADMIN, 'expo.save', {
      name: '错',
      venue: '某地',
      startsOn: '2027-10-27',
      endsOn: '2027-10-27',
      boothCount: 1,
      featuredPolicyIds: ['pol-none'],
    })
    expect(!badPolicy.body.ok && badPolicy.body.error.field).toBe('featuredPolicyIds')
  })

  it('signs a printable sheet link locally, and makes wxacodes on CloudBase a few at a time', async () => {
    const local = await api.call(ADMIN, 'expo.codes', { id: EXPO.id })
    expect(local.printUrl).toMatch(new RegExp(`^/print/exhibitions/${EXPO.id}/codes\\?expires=\\d+&signature=[0-9a-f]{64}$`))
    expect(local.codes).toHaveLength(BOOTHS.length)
    expect(local.codes.every((c) => c.image === null)).toBe(true)

    const made: string[] = []
    const cloud = apiAs({
      ...services,
      files: { urlFor: (u) => u.storage_key },
      codeImages: { image: async (scene) => (made.push(scene), `cloud://env/expo-codes/${scene}.png`) },
    })
    const first = await cloud.call(ADMIN, 'expo.codes', { id: EXPO.id })
    expect(first.printUrl).toBeNull()
    expect(made).toHaveLength(Math.min(20, BOOTHS.length))
    expect(first.pending).toBe(BOOTHS.length - made.length)
    const second = await cloud.call(ADMIN, 'expo.codes', { id: EXPO.id })
    expect(second.pending).toBe(0)
    expect(new Set(made).size).toBe(BOOTHS.length) // each code made once, then kept
  })
})
