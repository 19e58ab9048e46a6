import type { AppealDetail } from '../../cloud/contract'
import { signedCountyLinks } from '../../cloud/app/county-links'
import { buildHttpApp } from '../../cloud/server/http-app'
import { findPublicRequest } from '../../cloud/store/repositories/open311'
import { DAY } from '../../cloud/domain/time-units'
import type { Store } from '../../cloud/store/connect'
import { serviceCatalogue } from '../../seeds/service-catalogue'
import { apiAs } from '../support/api'
import { makeServices, makeStore, TEST_SECRET } from '../support/services'
import { town } from '../support/town'

/**
 * Where an appeal goes, as the seeds and 12345 practice need: a complaint about one's own officer
 * to the 督查 office (or the 纪检 department configured), hidden from the officer named; an
 * enterprise's name withheld from the handling department; appeals staff take down for a caller; a
 * 请帮我办 item's own time limit; and what the town cannot solve, escalated to a county office that
 * answers through a signed link. The test starts on Monday 2 March 2026, 09:00 Beijing.
 */
describe('routes the seeds and 12345 practice need', () => {
  let store: Store
  let setup: ReturnType<typeof makeServices>
  let api: ReturnType<typeof apiAs>
  const medPack = town.enterprises.medPack
  const officer = town.officer.id
  const admin = town.admin.id
  const at = (iso: string) => Date.parse(iso)
  let n = 0

  beforeEach(async () => {
    store = await makeStore()
    setup = makeServices(store, { now: '2026-03-02T09:00:00+08:00' })
    api = apiAs(setup.services)
  })
  afterEach(() => store.close())

  const filing = (enterprise: typeof medPack, fields: Record<string, unknown> = {}) => ({
    clientRequestId: `req-route-${++n}`,
    category: '其他',
    title: '办事被要求请吃饭',
    description: '办理手续时驻企特派员暗示要请吃饭才给加快办理，请核查。',
    contactName: enterprise.owner.name,
    contactPhone: enterprise.owner.phone,
    ...fields,
  })
  const row = (id: string) => store.db.selectFrom('appeals').selectAll().where('id', '=', id).executeTakeFirstOrThrow()

  describe('作风投诉', () => {
    it('goes to the 督查 office, never to the officer named, who cannot see it or find it anywhere', async () => {
      const complaint = await api.call(medPack.owner.id, 'appeal.create', filing(medPack, { conduct: true }))
      expect(complaint).toMatchObject({ conduct: true, handler: null, department: null, state: 'submitted' })
      expect(await row(complaint.id)).toMatchObject({ accused_id: officer, handler_id: null, department_id: null, conduct: 1 })
      // The officer named: a 404, nothing in the inbox, no message.
      expect((await api.fail(officer, 'appeal.get', { id: complaint.id })).status).toBe(404)
      expect((await api.call(officer, 'appeal.inbox', { filter: 'open' })).items.map((a) => a.id)).not.toContain(complaint.id)
      expect(await store.db.selectFrom('messages').select('id').where('user_id', '=', officer).execute()).toEqual([])
      // Nor does the department's head hold it.
      expect((await api.fail(town.heads.industry.id, 'appeal.get', { id: complaint.id })).status).toBe(404)
      // The office is told and handles it.
      expect(await store.db.selectFrom('messages').select('kind').where('user_id', '=', admin).execute()).toEqual([
        { kind: 'appeal.create' },
      ])
      const seen = await api.call(admin, 'appeal.get', { id: complaint.id })
      expect(seen.allowedMoves).toEqual(expect.arrayContaining(['accept', 'return']))
      const taken = await api.call(admin, 'appeal.accept', {
        id: complaint.id,
        version: seen.version,
        publicSummary: '反映工作人员作风问题',
      })
      const done = await api.call(admin, 'appeal.resolve', { id: complaint.id, version: taken.version, outcome: '已核查并谈话提醒' })
      expect(done.state).toBe('resolved')
      // A leader supervises it; the complaint is never published to 12345.
      expect((await api.call(town.leader.id, 'appeal.get', { id: complaint.id })).conduct).toBe(true)
      expect(await findPublicRequest(store.db, complaint.id)).toBeUndefined()
      // Nor is it in the enterprise's file (一企一档) the named officer reads; the enterprise's own file has it.
      const dossierOf = async (who: string) =>
        (await api.call(who, 'enterprise.dossier', who === medPack.owner.id ? {} : { enterpriseId: medPack.id })).appeals.map((a) => a.id)
      expect(await dossierOf(officer)).not.toContain(complaint.id)
      expect(await dossierOf(medPack.owner.id)).toContain(complaint.id)
      expect(await dossierOf(admin)).toContain(complaint.id)
      const ordinary = await api.call(medPack.owner.id, 'appeal.create', filing(medPack, { title: '道路破损' }))
      expect(await findPublicRequest(store.db, ordinary.id)).toMatchObject({ id: ordinary.id })
    })

    it('names another staff member when the enterprise says so; only staff can be named', async () => {
      const named = await api.call(medPack.owner.id, 'appeal.create', filing(medPack, { conduct: true, accusedId: town.heads.planning.id }))
      expect((await row(named.id)).accused_id).toBe(town.heads.planning.id)
      expect((await api.fail(town.heads.planning.id, 'appeal.get', { id: named.id })).status).toBe(404)
      // Not the accused, the enterprise's officer does not follow a complaint either.
      expect((await api.fail(officer, 'appeal.get', { id: named.id })).status).toBe(404)
      expect(
        (await api.fail(medPack.owner.id, 'appeal.create', filing(medPack, { conduct: true, accusedId: town.enterprises.pharma.owner.id })))
          .body,
      ).toMatchObject({
        error: { field: 'accusedId' },
      })
      expect((await api.fail(medPack.owner.id, 'appeal.create', filing(medPack, { accusedId: officer }))).body).toMatchObject({
        error: { field: 'accusedId' },
      })
    })

    it('goes to the 纪检 department where one is configured, whose head assigns it', async () => {
      const configured = apiAs({ ...setup.services, officeRules: { spotCheckShare: 0.1, conductDepartmentId: town.departments.safety.id } })
      const complaint = await configured.call(medPack.owner.id, 'appeal.create', filing(medPack, { conduct: true }))
      expect(complaint).toMatchObject({ handler: null, department: { id: town.departments.safety.id } })
      const head = town.heads.safety.id
      const seen = await configured.call(head, 'appeal.get', { id: complaint.id })
      expect(seen.allowedMoves).toEqual(expect.arrayContaining(['accept', 'assign']))
      expect((await configured.fail(officer, 'appeal.get', { id: complaint.id })).status).toBe(404)
    })
  })

  describe('敏感诉求匿名交办', () => {
    it('the handling department sees it without the enterprise’s name or contact; the enterprise, leaders and the office see all', async () => {
      const grain = town.enterprises.grainFoods
      const appeal = await api.call(
        grain.owner.id,
        'appeal.create',
        filing(grain, { anonymous: true, title: '周边企业偷排', description: '隔壁企业夜间偷排废水，担心被报复，请不要透露我们。' }),
      )
      expect(appeal).toMatchObject({ anonymous: true, handler: null, enterpriseName: grain.name, contactName: grain.owner.name })
      const head = town.heads.industry.id
      const seen = await api.call(head, 'appeal.get', { id: appeal.id })
      expect(seen).toMatchObject({ enterpriseName: '（企业要求隐去名称）', contactName: '（企业要求隐去名称）', contactPhone: '' })
      expect(seen.timeline[0]).toMatchObject({ actorName: '企业' })
      expect(JSON.stringify(seen)).not.toContain(grain.name)
      expect(JSON.stringify(seen)).not.toContain(grain.owner.phone)
      const inbox = await api.call(head, 'appeal.inbox', { filter: 'open' })
      expect(inbox.items.find((a) => a.id === appeal.id)?.enterpriseName).toBe('（企业要求隐去名称）')
      // The enterprise's own officer (金融服务办) does not follow it.
      expect((await api.fail(grain.officer_id, 'appeal.get', { id: appeal.id })).status).toBe(404)
      expect((await api.call(admin, 'appeal.get', { id: appeal.id })).enterpriseName).toBe(grain.name)
      // Its file (一企一档) does not list it for the department, which would tell whose it is.
      const dossierOf = async (who: string) =>
        (await api.call(who, 'enterprise.dossier', { enterpriseId: grain.id })).appeals.map((a) => a.id)
      expect(await dossierOf(town.heads.finance.id)).not.toContain(appeal.id)
      expect(await dossierOf(admin)).toContain(appeal.id)
      expect((await api.call(town.leaders.mayor.id, 'appeal.get', { id: appeal.id })).contactPhone).toBe(grain.owner.phone)
      // The head assigns it; the officer handling it sees it without the name too.
      const assigned = await api.call(head, 'appeal.assign', {
        id: appeal.id,
        version: seen.version,
        officerId: town.officers.industry2.id,
      })
      expect((await api.call(town.officers.industry2.id, 'appeal.get', { id: assigned.id })).enterpriseName).toBe('（企业要求隐去名称）')
    })
  })

  describe('代为登记: staff take down an appeal for a caller', () => {
    it('a 12345 工单 keeps its number and source, the enterprise is told by message, and it is the enterprise’s to rate', async () => {
      expect(
        (
          await api.fail(officer, 'appeal.fileFor', {
            ...filing(medPack, { title: '12345：厂区门口积水' }),
            enterpriseId: medPack.id,
            channel: 'hotline',
          })
        ).body,
      ).toMatchObject({ error: { field: 'hotlineTicket', message: expect.stringContaining('工单编号') } })
      const retryId = `req-route-${n + 1}`
      const taken = await api.call(officer, 'appeal.fileFor', {
        ...filing(medPack, { title: '12345：厂区门口积水', description: '市民热线转来：厂区门口雨后积水严重，影响通行。' }),
        enterpriseId: medPack.id,
        channel: 'hotline',
        hotlineTicket: 'GD20260302-0457',
      })
      expect(taken).toMatchObject({
        source: 'hotline',
        sourceLabel: '12345 热线工单',
        hotlineTicket: 'GD20260302-0457',
        state: 'submitted',
      })
      expect(taken.handler?.id).toBe(officer)
      expect(taken.timeline[0]).toMatchObject({ actionLabel: '提交诉求', actorName: town.officer.name })
      const told = await store.db.selectFrom('messages').select(['kind', 'title']).where('user_id', '=', medPack.owner.id).execute()
      expect(told).toEqual([{ kind: 'appeal.filedFor', title: '工作人员已为您登记诉求' }])
      const seen = await api.call(medPack.owner.id, 'appeal.get', { id: taken.id })
      expect(seen).toMatchObject({ sourceLabel: '12345 热线工单', hotlineTicket: 'GD20260302-0457' })
      // A retry is the same appeal; a phone call keeps no 工单 number.
      const retry = { ...filing(medPack), enterpriseId: medPack.id, channel: 'hotline', hotlineTicket: 'GD20260302-0457' }
      expect((await api.call(officer, 'appeal.fileFor', { ...retry, clientRequestId: retryId })).id).toBe(taken.id)
      expect(
        (
          await api.fail(officer, 'appeal.fileFor', {
            ...filing(medPack),
            enterpriseId: medPack.id,
            channel: 'phone',
            hotlineTicket: 'GD1',
          })
        ).body,
      ).toMatchObject({ error: { field: 'hotlineTicket' } })
    })

    it('only for an enterprise the person covers; a window visit is shown as such', async () => {
      expect(
        (await api.fail(town.officers.finance.id, 'appeal.fileFor', { ...filing(medPack), enterpriseId: medPack.id, channel: 'phone' }))
          .status,
      ).toBe(404)
      const window = await api.call(town.heads.industry.id, 'appeal.fileFor', {
        ...filing(medPack),
        enterpriseId: medPack.id,
        channel: 'window',
      })
      expect(window).toMatchObject({ sourceLabel: '窗口来访代登记', hotlineTicket: null })
      expect(
        (await api.fail(medPack.owner.id, 'appeal.fileFor', { ...filing(medPack), enterpriseId: medPack.id, channel: 'phone' })).status,
      ).toBe(403)
    })
  })

  describe('请帮我办: a catalogue item’s own time limit', () => {
    it('an item that publishes working days is due by the end of the last one; one that does not follows the general rule', async () => {
      const registration = serviceCatalogue.find((s) => s.workingDays === 3)!
      expect(registration.timeLimit).toContain('3 个工作日')
      const general = serviceCatalogue.find((s) => s.workingDays === undefined)!
      const ask = (item: typeof registration) =>
        api.call(medPack.owner.id, 'appeal.create', {
          ...filing(medPack, {
            category: '审批手续',
            title: `请帮我办：${item.name}`.slice(0, 40),
            description: '请帮办员联系我们，材料已经准备好了。',
          }),
          serviceItemId: item.id,
        })
      // Monday 2 March 09:00: the 3rd working day after is Thursday 5 March, to its end.
      expect(await ask(registration)).toMatchObject({
        closeDueAt: at('2026-03-05T23:59:59.999+08:00'),
        acceptDueAt: at('2026-03-03T09:00:00+08:00'),
      })
      expect(await ask(general)).toMatchObject({ closeDueAt: at('2026-03-05T09:00:00+08:00') })
      const friday = makeServices(store, { now: '2026-03-06T18:00:00+08:00' })
      expect(
        await apiAs(friday.services).call(medPack.owner.id, 'appeal.create', {
          ...filing(medPack, { category: '审批手续', title: '请帮我办：登记', description: '请帮办员联系我们，材料已经准备好了。' }),
          serviceItemId: registration.id,
        }),
      ).toMatchObject({ closeDueAt: at('2026-03-11T23:59:59.999+08:00') })
    })
  })

  describe('上报 to a county office', () => {
    const escalated = async () => {
      const appeal = await api.call(
        medPack.owner.id,
        'appeal.create',
        filing(medPack, {
          category: '用地规划',
          title: '扩建用地指标',
          description: '扩建需要新增用地指标，镇里没有审批权限。请回电 13912345678。',
        }),
      )
      const planning = town.heads.planning.id
      const taken = await api.call(planning, 'appeal.accept', { id: appeal.id, version: appeal.version, publicSummary: '企业扩建用地指标' })
      return {
        planning,
        detail: await api.call(planning, 'appeal.escalate', {
          id: appeal.id,
          version: taken.version,
          office: '县自然资源和规划局',
          question: '该企业扩建能否纳入年度用地指标？',
        }),
      }
    }
    const tokenOf = (detail: AppealDetail) => detail.escalations[0].link!.split('/county/')[1]

    it('the handler gets a signed link for the county office; the clock and the handler’s duty go on', async () => {
      const { planning, detail } = await escalated()
      expect(detail).toMatchObject({ state: 'accepted', dueAt: at('2026-03-05T09:00:00+08:00') })
      expect(detail.escalations).toEqual([
        {
          id: expect.any(String),
          office: '县自然资源和规划局',
          question: '该企业扩建能否纳入年度用地指标？',
          askedAt: setup.clock.now(),
          expiresAt: setup.clock.now() + 14 * DAY,
          link: expect.stringMatching(/^http:\/\/127\.0\.0\.1:8787\/county\/esc-[0-9a-f-]{36}\.[0-9a-z]+\.[A-Za-z0-9_-]{22}$/),
          answer: null,
          answeredAt: null,
          answeredBy: null,
        },
      ])
      expect(detail.timeline.at(-1)).toMatchObject({
        actionLabel: '上报县级部门',
        note: '上报县自然资源和规划局：该企业扩建能否纳入年度用地指标？',
      })
      // The enterprise sees that it was escalated, not the link.
      expect((await api.call(medPack.owner.id, 'appeal.get', { id: detail.id })).escalations[0]).toMatchObject({
        link: null,
        office: '县自然资源和规划局',
      })
      expect((await api.call(town.leader.id, 'appeal.get', { id: detail.id })).escalations[0].link).toBeNull()
      expect((await api.call(planning, 'appeal.get', { id: detail.id })).escalations[0].link).toBe(detail.escalations[0].link)
    })

    it('the county office reads the case and answers once on the page; the answer lands in the timeline and the handler is told', async () => {
      const { planning, detail } = await escalated()
      const app = buildHttpApp({ services: setup.services })
      const token = tokenOf(detail)
      const page = await app.inject({ method: 'GET', url: `/county/${token}` })
      expect(page.statusCode).toBe(200)
      expect(page.headers['cache-control']).toBe('no-store')
      expect(page.body).toContain('该企业扩建能否纳入年度用地指标？')
      expect(page.body).toContain('扩建需要新增用地指标')
      expect(page.body).toContain('<form method="post">')
      expect(page.body).not.toContain(medPack.owner.phone)
      expect(page.body).not.toContain('13912345678')
      expect(page.body).toContain('139****5678')

      const empty = await app.inject({
        method: 'POST',
        url: `/county/${token}`,
        payload: 'answer=&answeredBy=',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
      })
      expect(empty.statusCode).toBe(400)
      expect(empty.body).toContain('请填写答复意见')

      setup.clock.advance(2 * DAY)
      const answered = await app.inject({
        method: 'POST',
        url: `/county/${token}`,
        payload: new URLSearchParams({
          answer: '可纳入下半年指标，请镇里先报规划方案。',
          answeredBy: '县自然资源和规划局 王工',
        }).toString(),
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
      })
      expect(answered.statusCode).toBe(200)
      expect(answered.body).toContain('您的答复已送达')
      const after = await api.call(planning, 'appeal.get', { id: detail.id })
      expect(after).toMatchObject({ state: 'accepted', dueAt: detail.dueAt, version: detail.version + 1 })
      expect(after.escalations[0]).toMatchObject({
        answer: '可纳入下半年指标，请镇里先报规划方案。',
        answeredBy: '县自然资源和规划局 王工',
        link: null,
      })
      expect(after.timeline.at(-1)).toMatchObject({
        actionLabel: '县级部门答复',
        actorName: '县自然资源和规划局 王工',
        actorRoleLabel: '县级部门',
        note: '县自然资源和规划局答复：可纳入下半年指标，请镇里先报规划方案。',
      })
      // The handler (the enterprise's officer) and the head of the department it is routed to (who escalated) are told.
      for (const told of [officer, planning])
        expect(
          await store.db
            .selectFrom('messages')
            .select('title')
            .where('user_id', '=', told)
            .where('kind', '=', 'appeal.countyAnswer')
            .execute(),
        ).toEqual([{ title: '县级部门已答复' }])
      const again = await app.inject({ method: 'POST', url: `/county/${token}`, payload: { answer: '补充一句', answeredBy: '王工' } })
      expect(again.statusCode).toBe(409)
      expect(again.body).toContain('已经答复过了')
      await app.close()
    })

    it('a changed, foreign, forged or expired link opens nothing', async () => {
      const { detail } = await escalated()
      const second = await escalated()
      const app = buildHttpApp({ services: setup.services })
      const token = tokenOf(detail)
      const [id, expires, signature] = token.split('.')
      const flipped = `${id}.${expires}.${signature.slice(0, -1)}${signature.endsWith('A') ? 'B' : 'A'}`
      const claim = { id, appealId: detail.id, expiresAt: detail.escalations[0].expiresAt }
      // This escalation signed as another appeal's: a genuine signature, for the wrong appeal.
      const crossed = setup.services.countyLinks!.sign({ ...claim, appealId: second.detail.id }).token
      // The other appeal's escalation, presented with this appeal's signature.
      const swapped = `${second.detail.escalations[0].id}.${expires}.${signature}`
      // A later expiry than the one signed.
      const stretched = `${id}.${(claim.expiresAt + DAY).toString(36)}.${signature}`
      const forged = signedCountyLinks('another-secret-that-is-long-enough-to-sign', setup.clock, 'http://x').sign(claim).token
      for (const bad of [flipped, crossed, swapped, stretched, forged, `${id}x.${expires}.${signature}`, 'not-a-token']) {
        const reply = await app.inject({ method: 'GET', url: `/county/${bad}` })
        expect([bad, reply.statusCode]).toEqual([bad, 404])
        expect(reply.body).toContain('链接无效或已过期')
        const post = await app.inject({ method: 'POST', url: `/county/${bad}`, payload: { answer: '答复', answeredBy: '某局' } })
        expect(post.statusCode).toBe(404)
      }
      setup.clock.advance(14 * DAY + 1)
      expect((await app.inject({ method: 'GET', url: `/county/${token}` })).statusCode).toBe(404)
      expect((await api.call(town.heads.planning.id, 'appeal.get', { id: detail.id })).escalations[0]).toMatchObject({
        answer: null,
        link: null,
      })
      await app.close()
      expect(TEST_SECRET.length).toBeGreaterThan(30)
    })

    it('only the handler escalates, and only while it is being handled', async () => {
      const appeal = await api.call(medPack.owner.id, 'appeal.create', filing(medPack))
      const ask = (who: string, version: number) =>
        api.fail(who, 'appeal.escalate', { id: appeal.id, version, office: '县局', question: '请答复' })
      expect((await ask(officer, appeal.version)).status).toBe(409)
      expect((await ask(town.leader.id, appeal.version)).status).toBe(403)
      expect((await ask(medPack.owner.id, appeal.version)).status).toBe(403)
    })
  })
})
