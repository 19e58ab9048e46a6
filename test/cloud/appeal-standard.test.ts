import type { AppealDetail } from '../../cloud/contract'
import { DAY, HOUR } from '../../cloud/domain/time-units'
import { uploadFolder } from '../../cloud/domain/attachments'
import type { Store } from '../../cloud/store/connect'
import { countAppealMetrics, countAppealsDirectly } from '../../cloud/store/repositories/metrics'
import { sweepAppeals } from '../../cloud/workflows/supervision-sweep'
import { apiAs } from '../support/api'
import { makeServices, makeStore } from '../support/services'
import { town } from '../support/town'

/**
 * 待补充 with a clock that pauses only on the enterprise's word, the enterprise adding to and
 * withdrawing its appeal, returns reviewed by the 督查 office, the longer deadline of a complex
 * appeal approved by the head, and the public summary. medPack's 其他 appeal goes to 产业服务办,
 * held by its officer (town.officer); the test starts on Monday 2 March 2026, 09:00 Beijing.
 */
describe('appeals to the national standard', () => {
  let store: Store
  let setup: ReturnType<typeof makeServices>
  let api: ReturnType<typeof apiAs>
  const enterprise = town.enterprises.medPack
  const owner = enterprise.owner.id
  const officer = town.officer.id
  const head = town.heads.industry.id
  const admin = town.admin.id
  const at = (iso: string) => Date.parse(iso)
  let n = 0

  beforeEach(async () => {
    store = await makeStore()
    setup = makeServices(store, { now: '2026-03-02T09:00:00+08:00' })
    api = apiAs(setup.services)
  })
  afterEach(() => store.close())

  const file = (fields: Record<string, unknown> = {}): Promise<AppealDetail> =>
    api.call(owner, 'appeal.create', {
      clientRequestId: `req-standard-${++n}`,
      category: '其他',
      title: '厂房消防验收',
      description: '新厂房需要消防验收，不清楚要准备哪些材料，希望帮忙指导。',
      contactName: enterprise.owner.name,
      contactPhone: enterprise.owner.phone,
      ...fields,
    })
  const accepted = async (): Promise<AppealDetail> => {
    const appeal = await file()
    return api.call(officer, 'appeal.accept', { id: appeal.id, version: appeal.version, publicSummary: '新厂房消防验收咨询' })
  }
  const row = (id: string) => store.db.selectFrom('appeals').selectAll().where('id', '=', id).executeTakeFirstOrThrow()
  const events = (id: string) =>
    store.db.selectFrom('appeal_events').select(['action', 'to_state', 'data', 'note']).where('appeal_id', '=', id).orderBy('seq').execute()
  const messagesOf = (userId: string) =>
    store.db.selectFrom('messages').select(['kind', 'title', 'body']).where('user_id', '=', userId).orderBy('created_at').execute()

  describe('待补充: the clock pauses only when the enterprise confirms, and resumes with the time that was left', () => {
    it('asking does not stop the clock; confirming does; answering resumes it, the deadline moved by exactly the pause', async () => {
      const appeal = await accepted()
      const due = appeal.closeDueAt
      expect(due).toBe(at('2026-03-05T09:00:00+08:00'))

      setup.clock.set('2026-03-03T09:00:00+08:00')
      const asked = await api.call(officer, 'appeal.requestInfo', { id: appeal.id, version: appeal.version, request: '请补充消防设计图纸' })
      expect(asked).toMatchObject({ state: 'info_requested', stateLabel: '待补充', dueAt: due, infoRequest: '请补充消防设计图纸' })
      expect(asked.pause).toEqual({ pausedAt: null, count: 0, totalMs: 0 })
      // The enterprise sees what is asked, and is told.
      const seen = await api.call(owner, 'appeal.get', { id: appeal.id })
      expect(seen).toMatchObject({ infoRequest: '请补充消防设计图纸' })
      expect(seen.allowedMoves).toEqual(expect.arrayContaining(['confirmInfoRequest', 'supplyInfo', 'withdraw']))
      expect(await messagesOf(owner)).toContainEqual({
        kind: 'appeal.requestInfo',
        title: '请补充材料（确认后暂停计时）',
        body: `${appeal.number} 厂房消防验收：请补充消防设计图纸`,
      })

      // A handler cannot stop the clock alone.
      expect((await api.fail(officer, 'appeal.confirmInfoRequest', { id: appeal.id, version: asked.version })).status).toBe(403)

      setup.clock.set('2026-03-03T15:00:00+08:00')
      const paused = await api.call(owner, 'appeal.confirmInfoRequest', { id: appeal.id, version: asked.version })
      expect(paused).toMatchObject({ state: 'info_paused', stateLabel: '补充中', dueAt: null, overdue: false })
      expect(paused.pause).toEqual({ pausedAt: at('2026-03-03T15:00:00+08:00'), count: 1, totalMs: 0 })
      expect(await messagesOf(officer)).toContainEqual(
        expect.objectContaining({ kind: 'appeal.confirmInfoRequest', title: '企业已确认补充材料，计时暂停' }),
      )

      // Three days later, past the old deadline: not overdue while paused, and the sweep leaves it alone.
      setup.clock.set('2026-03-06T15:00:00+08:00')
      expect((await api.call(officer, 'appeal.get', { id: appeal.id })).overdue).toBe(false)
      expect((await sweepAppeals(setup.services)).stepped).toBe(0)
      expect((await api.call(officer, 'appeal.inbox', { filter: 'open' })).items.map((a) => a.id)).toEqual([appeal.id])
      expect((await api.call(officer, 'appeal.inbox', { filter: 'overdue' })).total).toBe(0)

      const photo = await api.call(owner, 'upload.register', {
        fileId: `cloud://env-1.bucket/${uploadFolder(owner)}fire-plan.jpg`,
        name: '消防设计图.jpg',
        size: 2048,
        mimeType: 'image/jpeg',
      })
      const answered = await api.call(owner, 'appeal.supplyInfo', {
        id: appeal.id,
        version: paused.version,
        note: '图纸已拍照上传',
        attachmentIds: [photo.id],
      })
      // 3 days paused: the deadline moved from 5 March 09:00 to 8 March 09:00, 18 hours still left.
      expect(answered).toMatchObject({ state: 'in_progress', infoRequest: null, closeDueAt: due + 3 * DAY, dueAt: due + 3 * DAY })
      expect(answered.pause).toEqual({ pausedAt: null, count: 1, totalMs: 3 * DAY })
      expect(answered.attachments.map((a) => a.name)).toEqual(['消防设计图.jpg'])
      const timeline = await events(appeal.id)
      expect(timeline.map((e) => e.action)).toEqual(['create', 'accept', 'requestInfo', 'confirmInfoRequest', 'supplyInfo'])
      expect(JSON.parse(timeline[4].data)).toMatchObject({ pausedMs: 3 * DAY, attachments: 1 })
      expect(timeline[4].note).toBe('图纸已拍照上传\n（计时暂停 72 小时，已恢复计时）')
      expect(answered.timeline.map((e) => e.actionLabel)).toEqual([
        '提交诉求',
        '受理',
        '要求补充材料',
        '确认需补充（暂停计时）',
        '补充材料',
      ])
    })

    it('an answer without a confirmation pauses nothing; the handler may withdraw the request, which resumes a paused clock', async () => {
      const appeal = await accepted()
      setup.clock.set('2026-03-03T09:00:00+08:00')
      let current = await api.call(officer, 'appeal.requestInfo', { id: appeal.id, version: appeal.version, request: '请补充营业执照' })
      setup.clock.set('2026-03-04T09:00:00+08:00')
      current = await api.call(owner, 'appeal.supplyInfo', { id: appeal.id, version: current.version, note: '营业执照号码已写在说明里' })
      expect(current).toMatchObject({ state: 'in_progress', closeDueAt: appeal.closeDueAt, pause: { count: 0, totalMs: 0 } })

      current = await api.call(officer, 'appeal.requestInfo', { id: appeal.id, version: current.version, request: '请补充租赁合同' })
      current = await api.call(owner, 'appeal.confirmInfoRequest', { id: appeal.id, version: current.version })
      setup.clock.advance(5 * HOUR)
      current = await api.call(officer, 'appeal.cancelInfoRequest', { id: appeal.id, version: current.version, note: '已从系统调取' })
      expect(current).toMatchObject({ state: 'in_progress', infoRequest: null, closeDueAt: appeal.closeDueAt + 5 * HOUR })
      expect(current.pause).toEqual({ pausedAt: null, count: 1, totalMs: 5 * HOUR })
      expect(await messagesOf(owner)).toContainEqual(expect.objectContaining({ kind: 'appeal.cancelInfoRequest' }))
    })

    it('a pause does not cure lateness: paused after the deadline, it stays overdue', async () => {
      const appeal = await accepted()
      setup.clock.set('2026-03-06T09:00:00+08:00')
      let current = await api.call(officer, 'appeal.requestInfo', { id: appeal.id, version: appeal.version, request: '请补充图纸' })
      current = await api.call(owner, 'appeal.confirmInfoRequest', { id: appeal.id, version: current.version })
      expect(current).toMatchObject({ state: 'info_paused', dueAt: null, overdue: true })
      expect((await api.call(officer, 'appeal.inbox', { filter: 'overdue' })).items.map((a) => a.id)).toEqual([appeal.id])
      // The month's figures count it overdue too, read from the kept counts and from the appeals alone.
      const march = { from: at('2026-03-01T00:00:00+08:00'), to: at('2026-04-01T00:00:00+08:00') }
      const overdue = (groups: { counts: { overdue: number } }[]) => groups.reduce((sum, g) => sum + g.counts.overdue, 0)
      expect(overdue(await countAppealMetrics(store.db, march, setup.clock.now()))).toBe(1)
      expect(overdue(await countAppealsDirectly(store.db, march, setup.clock.now(), [], march.from))).toBe(1)
      setup.clock.advance(DAY)
      current = await api.call(officer, 'appeal.resolve', { id: appeal.id, version: current.version, outcome: '按现有材料办结' })
      expect((await row(appeal.id)).resolved_late).toBe(1)
    })

    it('resolving while it waits ends the pause and counts the time it stood', async () => {
      const appeal = await accepted()
      let current = await api.call(officer, 'appeal.requestInfo', { id: appeal.id, version: appeal.version, request: '请补充图纸' })
      current = await api.call(owner, 'appeal.confirmInfoRequest', { id: appeal.id, version: current.version })
      setup.clock.advance(4 * DAY)
      current = await api.call(officer, 'appeal.resolve', {
        id: appeal.id,
        version: current.version,
        outcome: '企业图纸已线下提交，验收通过',
      })
      expect(current).toMatchObject({ state: 'resolved', closeDueAt: appeal.closeDueAt + 4 * DAY, pause: { count: 1, totalMs: 4 * DAY } })
      // 4 days paused of a 3-day limit: resolved a day after the old deadline, yet in time.
      expect((await row(appeal.id)).resolved_late).toBe(0)
    })
  })

  describe('the enterprise adds to its appeal and may withdraw it', () => {
    it('补充说明 adds to the timeline and tells the handler; it moves nothing and is not possible once resolved', async () => {
      const appeal = await accepted()
      const added = await api.call(owner, 'appeal.addInfo', { id: appeal.id, version: appeal.version, note: '验收时间希望安排在下周' })
      expect(added).toMatchObject({ state: 'accepted', dueAt: appeal.dueAt })
      expect(added.timeline.at(-1)).toMatchObject({ actionLabel: '企业补充说明', note: '验收时间希望安排在下周' })
      expect(await messagesOf(officer)).toContainEqual(expect.objectContaining({ kind: 'appeal.addInfo', title: '企业补充了说明' }))
      const resolved = await api.call(officer, 'appeal.resolve', { id: appeal.id, version: added.version, outcome: '已指导' })
      expect(await api.fail(owner, 'appeal.addInfo', { id: appeal.id, version: resolved.version, note: '再说一句' })).toMatchObject({
        status: 409,
      })
    })

    it('撤回 needs a reason, ends it and tells the handler; withdrawn after its deadline it is marked late', async () => {
      const early = await accepted()
      expect((await api.fail(owner, 'appeal.withdraw', { id: early.id, version: early.version })).body).toMatchObject({
        error: { field: 'reason' },
      })
      const withdrawn = await api.call(owner, 'appeal.withdraw', { id: early.id, version: early.version, reason: '已自行解决' })
      expect(withdrawn).toMatchObject({ state: 'withdrawn', stateLabel: '已撤回', dueAt: null, allowedMoves: [] })
      expect(await messagesOf(officer)).toContainEqual(expect.objectContaining({ kind: 'appeal.withdraw', title: '企业已撤回诉求' }))
      expect((await row(early.id)).withdrawn_late).toBe(0)

      const late = await file()
      setup.clock.set('2026-03-04T09:00:00+08:00')
      await api.call(owner, 'appeal.withdraw', { id: late.id, version: late.version, reason: '等不及了' })
      expect((await row(late.id)).withdrawn_late).toBe(1)
      // Staff cannot withdraw it for the enterprise.
      const other = await file()
      expect((await api.fail(officer, 'appeal.withdraw', { id: other.id, version: other.version, reason: '撤了吧' })).status).toBe(403)
    })
  })

  describe('不予受理 goes to the 督查 office', () => {
    const returned = async () => {
      const appeal = await file()
      return api.call(officer, 'appeal.return', {
        id: appeal.id,
        version: appeal.version,
        reason: '属于县级事权',
        redirectTo: '县消防救援大队',
      })
    }

    it('a return waits for review with no clock; the office is told; upheld, it stands and the enterprise is told', async () => {
      const appeal = await returned()
      expect(appeal).toMatchObject({
        state: 'return_review',
        stateLabel: '不予受理待审核',
        dueAt: null,
        returnReview: { outcome: 'pending', objected: false },
      })
      expect(await messagesOf(admin)).toContainEqual(expect.objectContaining({ kind: 'appeal.return', title: '不予受理待督查审核' }))
      expect((await api.call(admin, 'appeal.inbox', { filter: 'awaiting_decision' })).items.map((a) => a.id)).toEqual([appeal.id])
      // Nobody but the office reviews: the officer and head are not admins, and a leader coordinates but does not review.
      for (const who of [officer, head, town.leader.id])
        expect(
          (await api.fail(who, 'appeal.reviewReturn', { id: appeal.id, version: appeal.version, uphold: true, note: '维持' })).status,
        ).toBe(403)
      const upheld = await api.call(admin, 'appeal.reviewReturn', {
        id: appeal.id,
        version: appeal.version,
        uphold: true,
        note: '确属县级事权',
      })
      expect(upheld).toMatchObject({ state: 'returned', returnReview: { outcome: 'upheld', objected: false } })
      expect((await row(appeal.id)).closed_at).toBe(setup.clock.now())
      expect(await messagesOf(owner)).toContainEqual(
        expect.objectContaining({ kind: 'appeal.upholdReturn', title: '不予受理经督查审核维持' }),
      )
    })

    it('the enterprise objects once, even after it was upheld; sent back, the department handles it with the full time, and the return counts as a late answer', async () => {
      const appeal = await returned()
      let current = await api.call(admin, 'appeal.reviewReturn', { id: appeal.id, version: appeal.version, uphold: true, note: '维持' })
      setup.clock.set('2026-03-04T09:00:00+08:00')
      current = await api.call(owner, 'appeal.objectReturn', {
        id: appeal.id,
        version: current.version,
        reason: '厂房在镇里，应由镇里先行指导',
      })
      expect(current).toMatchObject({ state: 'return_review', returnReview: { outcome: 'pending', objected: true } })
      expect(current.allowedMoves).not.toContain('objectReturn')
      setup.clock.set('2026-03-04T10:00:00+08:00')
      current = await api.call(admin, 'appeal.reviewReturn', {
        id: appeal.id,
        version: current.version,
        uphold: false,
        note: '先行指导属镇里职责',
      })
      expect(current).toMatchObject({
        state: 'accepted',
        returnReview: { outcome: 'overturned', objected: true },
        closeDueAt: at('2026-03-07T10:00:00+08:00'),
        dueAt: at('2026-03-07T10:00:00+08:00'),
      })
      const stored = await row(appeal.id)
      expect(stored).toMatchObject({ responded_at: at('2026-03-04T10:00:00+08:00'), closed_at: null })
      expect(stored.responded_at! > stored.accept_due_at).toBe(true)
      expect(await messagesOf(officer)).toContainEqual(
        expect.objectContaining({ kind: 'appeal.overturnReturn', title: '不予受理被退回，请受理办理' }),
      )
    })

    it('withdrawn while under review, it no longer waits for the office', async () => {
      const appeal = await returned()
      await api.call(owner, 'appeal.withdraw', { id: appeal.id, version: appeal.version, reason: '已找县消防大队' })
      expect(await row(appeal.id)).toMatchObject({ state: 'withdrawn', return_outcome: 'withdrawn', withdrawn_late: 0 })
      expect((await api.call(admin, 'appeal.inbox', { filter: 'awaiting_decision' })).total).toBe(0)
    })

    it('a second objection is a conflict that says so', async () => {
      const appeal = await returned()
      const objected = await api.call(owner, 'appeal.objectReturn', { id: appeal.id, version: appeal.version, reason: '应当受理' })
      const upheld = await api.call(admin, 'appeal.reviewReturn', { id: appeal.id, version: objected.version, uphold: true, note: '维持' })
      expect(
        await api.fail(owner, 'appeal.objectReturn', { id: appeal.id, version: upheld.version, reason: '还是应当受理' }),
      ).toMatchObject({
        status: 409,
        body: { error: { message: '对不予受理只能提出一次异议' } },
      })
    })
  })

  describe('a complex appeal’s longer deadline needs the head', () => {
    it('accepted now, the longer date waits for the head with the general deadline running, and the enterprise reads why', async () => {
      const appeal = await file()
      expect(
        (
          await api.fail(officer, 'appeal.accept', {
            id: appeal.id,
            version: appeal.version,
            publicSummary: '消防验收',
            closeBy: '2026-03-20',
          })
        ).body,
      ).toMatchObject({ error: { field: 'reason' } })
      const taken = await api.call(officer, 'appeal.accept', {
        id: appeal.id,
        version: appeal.version,
        publicSummary: '新厂房消防验收',
        closeBy: '2026-03-20',
        reason: '需县消防救援大队现场检查，排期两周',
      })
      expect(taken).toMatchObject({
        state: 'extension_pending',
        closeDueAt: at('2026-03-05T09:00:00+08:00'),
        dueAt: at('2026-03-05T09:00:00+08:00'),
        requestedDueAt: at('2026-03-20T23:59:59.999+08:00'),
      })
      const stored = await row(appeal.id)
      expect(stored).toMatchObject({ responded_at: setup.clock.now(), accepted_at: setup.clock.now(), complexity: 'complex_pending' })
      expect(await messagesOf(owner)).toContainEqual({
        kind: 'appeal.acceptComplex',
        title: '您的诉求已受理，申请延长办结期限',
        body: `${appeal.number} 厂房消防验收：复杂诉求，申请办结期限延至 2026-03-20：需县消防救援大队现场检查，排期两周`,
      })
      expect(await messagesOf(head)).toContainEqual(expect.objectContaining({ kind: 'appeal.acceptComplex' }))
      // The officer cannot approve it himself.
      expect((await api.fail(officer, 'appeal.decideExtension', { id: appeal.id, version: taken.version, approve: true })).status).toBe(403)
      const approved = await api.call(head, 'appeal.decideExtension', { id: appeal.id, version: taken.version, approve: true })
      expect(approved).toMatchObject({ state: 'in_progress', closeDueAt: at('2026-03-20T23:59:59.999+08:00') })
      expect((await row(appeal.id)).complexity).toBe('complex')
      expect(await messagesOf(owner)).toContainEqual(expect.objectContaining({ kind: 'appeal.approveExtension', title: '办结期限已延长' }))
    })

    it('refused, the general deadline stands and the appeal is ordinary again; a date before it is refused', async () => {
      const appeal = await file()
      expect(
        (
          await api.fail(officer, 'appeal.accept', {
            id: appeal.id,
            version: appeal.version,
            publicSummary: '消防验收',
            closeBy: '2026-03-04',
            reason: '要两天',
          })
        ).body,
      ).toMatchObject({ error: { field: 'closeBy' } })
      const taken = await api.call(officer, 'appeal.accept', {
        id: appeal.id,
        version: appeal.version,
        publicSummary: '新厂房消防验收',
        closeBy: '2026-03-20',
        reason: '排期',
      })
      const refused = await api.call(head, 'appeal.decideExtension', {
        id: appeal.id,
        version: taken.version,
        approve: false,
        note: '3 日内办结',
      })
      expect(refused).toMatchObject({ state: 'in_progress', closeDueAt: at('2026-03-05T09:00:00+08:00'), requestedDueAt: null })
      expect((await row(appeal.id)).complexity).toBe('ordinary')
    })
  })

  describe('公开摘要', () => {
    it.each([
      ['请回电 13800001111', '号码'],
      ['138 0000 1111 来电咨询', '号码'],
      [`${enterprise.owner.name}反映消防验收`, enterprise.owner.name],
      [`${enterprise.name}消防验收`, enterprise.name],
    ])('“%s” is refused: no names or numbers of people (%s)', async (summary, named) => {
      const appeal = await file()
      const reply = await api.fail(officer, 'appeal.accept', { id: appeal.id, version: appeal.version, publicSummary: summary })
      expect(reply).toMatchObject({ status: 400, body: { error: { field: 'publicSummary', message: expect.stringContaining(named) } } })
      expect((await row(appeal.id)).state).toBe('submitted')
    })

    it('is kept on the appeal, shown to staff and not to the enterprise', async () => {
      const appeal = await accepted()
      expect(appeal.publicSummary).toBe('新厂房消防验收咨询')
      expect((await row(appeal.id)).public_summary).toBe('新厂房消防验收咨询')
      expect((await api.call(owner, 'appeal.get', { id: appeal.id })).publicSummary).toBeNull()
      expect((await api.call(town.leader.id, 'appeal.get', { id: appeal.id })).publicSummary).toBe('新厂房消防验收咨询')
      expect((await api.fail(officer, 'appeal.accept', { id: appeal.id, version: 0 })).body).toMatchObject({
        error: { field: 'publicSummary' },
      })
    })
  })
})
