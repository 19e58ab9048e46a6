import type { AppealDetail } from '../../cloud/contract'
import type { Store } from '../../cloud/store/connect'
import { apiAs } from '../support/api'
import { makeServices, makeStore } from '../support/services'
import { town } from '../support/town'

/**
 * Off the straight path: an extension the department head decides, and a disputed dispatch a
 * leader settles. grainFoods' 水电气路 appeal is routed to 交通保障办, held by its own officer.
 */
describe('extensions and disputed dispatch', () => {
  let store: Store
  let setup: ReturnType<typeof makeServices>
  let api: ReturnType<typeof apiAs>
  const enterprise = town.enterprises.grainFoods
  const officer = enterprise.officer_id
  const head = town.heads.transport.id
  const leader = town.leader.id
  const admin = town.admin.id
  const at = (iso: string) => Date.parse(iso)

  beforeEach(async () => {
    store = await makeStore()
    setup = makeServices(store, { now: '2026-03-02T09:00:00+08:00' })
    api = apiAs(setup.services)
  })
  afterEach(() => store.close())

  async function file(): Promise<AppealDetail> {
    return api.call(enterprise.owner.id, 'appeal.create', {
      clientRequestId: `req-${Math.random().toString(36).slice(2, 12)}`,
      category: '水电气路',
      title: '新厂房用电增容',
      description: '新上两条吹塑生产线，现有变压器容量不够，需要增容到 800 千伏安。',
      contactName: enterprise.owner.name,
      contactPhone: '13800001111',
    })
  }
  async function accepted(): Promise<AppealDetail> {
    const appeal = await file()
    return api.call(officer, 'appeal.accept', { id: appeal.id, version: appeal.version, publicSummary: '企业诉求已受理，正在协调办理' })
  }
  const versionOf = async (id: string) => (await api.call(officer, 'appeal.get', { id })).version

  describe('申请延期', () => {
    it('the handler asks, the deadline keeps running; the head of the routed department approves and the new date holds', async () => {
      const appeal = await accepted()
      const asked = await api.call(officer, 'appeal.requestExtension', {
        id: appeal.id,
        version: appeal.version,
        closeBy: '2026-03-12',
        reason: '需供电公司现场勘查，排期在下周',
      })
      expect(asked).toMatchObject({
        state: 'extension_pending',
        stateLabel: '延期审批中',
        closeDueAt: appeal.closeDueAt,
        dueAt: appeal.closeDueAt,
        requestedDueAt: at('2026-03-12T23:59:59.999+08:00'),
      })
      expect(asked.allowedMoves).not.toContain('decideExtension')

      const waiting = await api.call(head, 'appeal.inbox', { filter: 'awaiting_decision' })
      expect(waiting).toMatchObject({ total: 1, counts: { awaitingDecision: 1 }, items: [{ id: appeal.id, stateLabel: '延期审批中' }] })
      expect((await api.call(officer, 'appeal.inbox', { filter: 'awaiting_decision' })).total).toBe(0)
      const headView = await api.call(head, 'appeal.get', { id: appeal.id })
      expect(headView.allowedMoves).toContain('decideExtension')
      const approved = await api.call(head, 'appeal.decideExtension', {
        id: appeal.id,
        version: asked.version,
        approve: true,
        note: '情况属实',
      })
      expect(approved).toMatchObject({
        state: 'in_progress',
        closeDueAt: at('2026-03-12T23:59:59.999+08:00'),
        dueAt: at('2026-03-12T23:59:59.999+08:00'),
        requestedDueAt: null,
      })
      expect(approved.timeline.map((e) => [e.action, e.note])).toEqual([
        ['create', ''],
        ['accept', ''],
        ['requestExtension', '申请延期至 2026-03-12：需供电公司现场勘查，排期在下周'],
        ['approveExtension', '同意延期至 2026-03-12：情况属实'],
      ])
    })

    it('refused, the old deadline stands and the handler works on', async () => {
      const appeal = await accepted()
      const asked = await api.call(officer, 'appeal.requestExtension', {
        id: appeal.id,
        version: appeal.version,
        closeBy: '2026-03-12',
        reason: '排期在下周',
      })
      const refused = await api.call(head, 'appeal.decideExtension', {
        id: appeal.id,
        version: asked.version,
        approve: false,
        note: '请按期办结',
      })
      expect(refused).toMatchObject({ state: 'in_progress', closeDueAt: appeal.closeDueAt, requestedDueAt: null })
      expect(refused.timeline.at(-1)).toMatchObject({ action: 'refuseExtension', actionLabel: '不同意延期', note: '请按期办结' })
    })

    it('resolving while the request waits withdraws it', async () => {
      const appeal = await accepted()
      const asked = await api.call(officer, 'appeal.requestExtension', {
        id: appeal.id,
        version: appeal.version,
        closeBy: '2026-03-12',
        reason: '排期在下周',
      })
      const resolved = await api.call(officer, 'appeal.resolve', {
        id: appeal.id,
        version: asked.version,
        outcome: '供电公司提前完成勘查和增容',
      })
      expect(resolved).toMatchObject({ state: 'resolved', requestedDueAt: null, closeDueAt: appeal.closeDueAt })
      expect((await api.fail(head, 'appeal.decideExtension', { id: appeal.id, version: resolved.version, approve: true })).status).toBe(409)
    })

    it('a date not later than the current deadline, or beyond 30 days, is a 400 on closeBy and changes nothing', async () => {
      const appeal = await accepted()
      for (const closeBy of ['2026-03-04', '2026-04-02', '2026-3-12']) {
        const reply = await api.fail(officer, 'appeal.requestExtension', {
          id: appeal.id,
          version: appeal.version,
          closeBy,
          reason: '排期在下周',
        })
        expect(reply.status).toBe(400)
        expect(reply.body).toMatchObject({ ok: false, error: { field: 'closeBy', message: expect.stringContaining('办结期限') } })
      }
      expect(await versionOf(appeal.id)).toBe(appeal.version)
    })

    it('only the head of the routed department decides: not the handler, not another head, not twice', async () => {
      const appeal = await accepted()
      const asked = await api.call(officer, 'appeal.requestExtension', {
        id: appeal.id,
        version: appeal.version,
        closeBy: '2026-03-12',
        reason: '排期在下周',
      })
      expect((await api.fail(officer, 'appeal.decideExtension', { id: appeal.id, version: asked.version, approve: true })).status).toBe(403)
      expect(
        (await api.fail(town.heads.industry.id, 'appeal.decideExtension', { id: appeal.id, version: asked.version, approve: true })).status,
      ).toBe(404)
      expect((await api.fail(leader, 'appeal.decideExtension', { id: appeal.id, version: asked.version, approve: true })).status).toBe(403)
      await api.call(head, 'appeal.decideExtension', { id: appeal.id, version: asked.version, approve: true })
      const again = await api.fail(head, 'appeal.decideExtension', { id: appeal.id, version: asked.version + 1, approve: false })
      expect(again).toMatchObject({ status: 409, body: { error: { message: expect.stringContaining('办理中') } } })
    })

    it('cannot be asked before acceptance or twice at once', async () => {
      const appeal = await file()
      expect(
        (
          await api.fail(officer, 'appeal.requestExtension', {
            id: appeal.id,
            version: appeal.version,
            closeBy: '2026-03-12',
            reason: '排期',
          })
        ).status,
      ).toBe(409)
      const taken = await api.call(officer, 'appeal.accept', {
        id: appeal.id,
        version: appeal.version,
        publicSummary: '企业诉求已受理，正在协调办理',
      })
      const asked = await api.call(officer, 'appeal.requestExtension', {
        id: appeal.id,
        version: taken.version,
        closeBy: '2026-03-12',
        reason: '排期',
      })
      expect(
        (
          await api.fail(officer, 'appeal.requestExtension', {
            id: appeal.id,
            version: asked.version,
            closeBy: '2026-03-13',
            reason: '排期',
          })
        ).status,
      ).toBe(409)
    })
  })

  describe('派单异议 and 改派', () => {
    it('the routed department disputes with a reason; a leader re-dispatches to another department and officer with the full time again', async () => {
      const appeal = await file()
      const disputed = await api.call(head, 'appeal.dispute', {
        id: appeal.id,
        version: appeal.version,
        reason: '用电增容属供电公司和产业服务办协调事项，不属本办职责',
      })
      expect(disputed).toMatchObject({ state: 'disputed', stateLabel: '派单异议', department: { id: town.departments.transport.id } })
      const owner = await api.call(enterprise.owner.id, 'appeal.get', { id: appeal.id })
      expect(owner.stateLabel).toBe('派单异议')

      const disputes = await api.call(leader, 'appeal.inbox', { filter: 'awaiting_decision' })
      expect(disputes).toMatchObject({ total: 1, items: [{ id: appeal.id, stateLabel: '派单异议' }] })
      expect((await api.call(head, 'appeal.inbox', { filter: 'awaiting_decision' })).total).toBe(0)
      setup.clock.advance(5 * 3600_000)
      const leaderView = await api.call(leader, 'appeal.get', { id: appeal.id })
      expect(leaderView.allowedMoves).toContain('redispatch')
      const redone = await api.call(leader, 'appeal.redispatch', {
        id: appeal.id,
        version: disputed.version,
        departmentId: town.departments.industry.id,
        officerId: town.officer.id,
        note: '由产业服务办牵头协调',
      })
      const now = setup.clock.now()
      expect(redone).toMatchObject({
        state: 'submitted',
        department: { id: town.departments.industry.id },
        handler: { id: town.officer.id },
        acceptDueAt: now + 24 * 3600_000,
        closeDueAt: now + 72 * 3600_000,
        dueAt: now + 24 * 3600_000,
      })
      expect(redone.timeline.at(-1)).toMatchObject({
        action: 'redispatch',
        actionLabel: '改派',
        note: `改派至${town.departments.industry.name}（${town.officer.name}）：由产业服务办牵头协调`,
      })
      const taken = await api.call(town.officer.id, 'appeal.accept', {
        id: appeal.id,
        version: redone.version,
        publicSummary: '企业诉求已受理，正在协调办理',
      })
      expect(taken.state).toBe('accepted')
    })

    it('re-dispatched without an officer, it waits for the head of that department to assign', async () => {
      const appeal = await file()
      const disputed = await api.call(officer, 'appeal.dispute', { id: appeal.id, version: appeal.version, reason: '不属本部门' })
      const redone = await api.call(admin, 'appeal.redispatch', {
        id: appeal.id,
        version: disputed.version,
        departmentId: town.departments.planning.id,
      })
      expect(redone).toMatchObject({ state: 'submitted', department: { id: town.departments.planning.id }, handler: null })
      const assigned = await api.call(town.heads.planning.id, 'appeal.assign', {
        id: appeal.id,
        version: redone.version,
        officerId: town.officers.planning.id,
      })
      expect(assigned.handler).not.toBeNull()
    })

    it('an officer of another department, an unknown department, or a non-coordinator: refused, nothing changed', async () => {
      const appeal = await file()
      const disputed = await api.call(officer, 'appeal.dispute', { id: appeal.id, version: appeal.version, reason: '不属本部门' })
      const wrongOfficer = await api.fail(leader, 'appeal.redispatch', {
        id: appeal.id,
        version: disputed.version,
        departmentId: town.departments.industry.id,
        officerId: town.officers.transport.id,
      })
      expect(wrongOfficer).toMatchObject({ status: 400, body: { error: { field: 'officerId' } } })
      const noDept = await api.fail(leader, 'appeal.redispatch', { id: appeal.id, version: disputed.version, departmentId: 'dept-nowhere' })
      expect(noDept).toMatchObject({ status: 400, body: { error: { field: 'departmentId' } } })
      expect(
        (
          await api.fail(head, 'appeal.redispatch', {
            id: appeal.id,
            version: disputed.version,
            departmentId: town.departments.industry.id,
          })
        ).status,
      ).toBe(403)
      expect((await api.fail(leader, 'appeal.dispute', { id: appeal.id, version: disputed.version, reason: 'x' })).status).toBe(403)
      expect(await versionOf(appeal.id)).toBe(disputed.version)
    })

    it('a dispute needs a reason, and is too late once the work is under way', async () => {
      const appeal = await file()
      const noReason = await api.fail(officer, 'appeal.dispute', { id: appeal.id, version: appeal.version, reason: '  ' })
      expect(noReason).toMatchObject({ status: 400, body: { error: { field: 'reason' } } })
      const taken = await api.call(officer, 'appeal.accept', {
        id: appeal.id,
        version: appeal.version,
        publicSummary: '企业诉求已受理，正在协调办理',
      })
      const working = await api.call(officer, 'appeal.progress', { id: appeal.id, version: taken.version, note: '已联系供电所' })
      expect((await api.fail(officer, 'appeal.dispute', { id: appeal.id, version: working.version, reason: '不属本部门' })).status).toBe(
        409,
      )
    })
  })

  describe('领导督办', () => {
    it('a leader presses an open appeal: it moves nothing, the handler and the head are told', async () => {
      const appeal = await accepted()
      const pressed = await api.call(leader, 'appeal.supervise', { id: appeal.id, version: appeal.version, note: '请本周五前给企业答复' })
      expect(pressed).toMatchObject({ state: 'accepted', closeDueAt: appeal.closeDueAt })
      expect(pressed.timeline.at(-1)).toMatchObject({ action: 'supervise', actionLabel: '领导督办', note: '请本周五前给企业答复' })
      const told = await store.db
        .selectFrom('messages')
        .select(['user_id', 'title'])
        .where('kind', '=', 'appeal.supervise')
        .orderBy('user_id')
        .execute()
      expect(told).toEqual(
        [
          { user_id: head, title: '领导督办，请抓紧办理' },
          { user_id: officer, title: '领导督办，请抓紧办理' },
        ].sort((a, b) => a.user_id.localeCompare(b.user_id)),
      )
    })

    it('only leaders and admins, only while it is open, and with what is asked', async () => {
      const appeal = await accepted()
      expect((await api.fail(head, 'appeal.supervise', { id: appeal.id, version: appeal.version, note: '抓紧' })).status).toBe(403)
      expect(await api.fail(admin, 'appeal.supervise', { id: appeal.id, version: appeal.version, note: ' ' })).toMatchObject({
        status: 400,
        body: { error: { field: 'note' } },
      })
      const done = await api.call(officer, 'appeal.resolve', { id: appeal.id, version: appeal.version, outcome: '已办结' })
      expect((await api.fail(admin, 'appeal.supervise', { id: appeal.id, version: done.version, note: '抓紧' })).status).toBe(409)
    })
  })
})
