import type { Store } from '../../cloud/store/connect'
import { apiAs } from '../support/api'
import { makeServices, makeStore } from '../support/services'
import { town } from '../support/town'

/**
 * Visits through the router, on the test town at Monday 2 March 2026, 09:00 Beijing time. medPack
 * (e2) and vialWorks (e3) share their officer, the town's officer, who covers three firms in all;
 * grainFoods (e1) is served by the finance officer.
 */
describe('visits', () => {
  let store: Store
  let setup: ReturnType<typeof makeServices>
  let api: ReturnType<typeof apiAs>
  const { grainFoods: e1, medPack: e2, vialWorks: e3 } = town.enterprises
  const officer = town.officer.id
  const head = town.heads.industry.id
  const admin = town.admin.id
  const req = () => `req-${Math.random().toString(36).slice(2, 12)}`
  const count = async (table: 'visits' | 'appeals' | 'messages' | 'outbox') =>
    Number(
      (
        await store.db
          .selectFrom(table)
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    )

  beforeEach(async () => {
    store = await makeStore()
    setup = makeServices(store, { now: '2026-03-02T09:00:00+08:00' })
    api = apiAs(setup.services)
    await api.call(officer, 'visit.setAvailability', {
      weekOf: '2026-03-04',
      slots: [
        { day: '2026-03-03', half: 'am' },
        { day: '2026-03-04', half: 'pm' },
        { day: '2026-03-02', half: 'am' },
      ],
    })
  })
  afterEach(() => store.close())

  const book = (owner: string, slot: { day: string; half: 'am' | 'pm' } = { day: '2026-03-03', half: 'am' }) =>
    api.call(owner, 'visit.book', { clientRequestId: req(), hostId: officer, ...slot, topic: '了解新生产线投产后的用工缺口' })

  describe('availability and booking', () => {
    it('an owner sees their visitors with the half-days still open, past ones left out', async () => {
      const { hosts } = await api.call(e2.owner.id, 'visit.slots', {})
      expect(hosts.map((h) => [h.id, h.kind])).toEqual([
        [officer, 'visit'],
        [head, 'visit'],
        [e2.leader_id, 'meeting'],
      ])
      // Monday morning began at 9:00, now: it is gone.
      expect(hosts[0].slots.map((s) => [s.day, s.half, s.label, s.free])).toEqual([
        ['2026-03-03', 'am', '3月3日 周二 上午', true],
        ['2026-03-04', 'pm', '3月4日 周三 下午', true],
      ])
    })

    it('books a slot; the officer is told; the slot is then taken for everyone', async () => {
      const visit = await book(e2.owner.id)
      expect(visit).toMatchObject({
        state: 'requested',
        stateLabel: '待确认',
        kind: 'visit',
        origin: 'booked',
        host: { id: officer },
        enterprise: { id: e2.id },
        moves: ['reschedule', 'cancel'],
      })
      const inbox = await api.call(officer, 'message.list', {})
      expect(inbox.items[0]).toMatchObject({ title: '新的走访预约待确认' })
      const { hosts } = await api.call(e3.owner.id, 'visit.slots', {})
      expect(hosts[0].slots.find((s) => s.day === '2026-03-03')?.free).toBe(false)
      await expect(book(e3.owner.id)).rejects.toMatchObject({ status: 409, message: expect.stringContaining('另选时间') })
    })

    it('two owners racing for the same half-day: exactly one gets it, held by the database', async () => {
      const results = await Promise.allSettled([book(e2.owner.id), book(e3.owner.id), book(e2.owner.id)])
      expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1)
      expect(results.filter((r) => r.status === 'rejected').map((r) => (r as PromiseRejectedResult).reason.status)).toEqual([409, 409])
      expect(await count('visits')).toBe(1)
    })

    it('the same submit retried gives one booking', async () => {
      const clientRequestId = req()
      const payload = { clientRequestId, hostId: officer, day: '2026-03-03', half: 'am', topic: '用工' }
      const [a, b] = await Promise.all([api.call(e2.owner.id, 'visit.book', payload), api.call(e2.owner.id, 'visit.book', payload)])
      expect(a.id).toBe(b.id)
      expect(await count('visits')).toBe(1)
    })

    it.each([
      [{ day: '2026-03-02', half: 'am' }, 'day', '过去'],
      [{ day: '2026-03-05', half: 'am' }, 'half', '没有开放'],
      [{ day: '2026-02-30', half: 'am' }, 'day', '不是有效的日期'],
      [{ day: '2026-03-03', half: 'evening' }, 'half', '上午或下午'],
    ])('refuses %j, naming the field, and writes nothing', async (slot, field, words) => {
      const reply = await api.fail(e2.owner.id, 'visit.book', { clientRequestId: req(), hostId: officer, ...slot, topic: '用工' })
      expect(reply.status).toBe(400)
      expect(reply.body).toMatchObject({ ok: false, error: { field, message: expect.stringContaining(words) } })
      expect(await count('visits')).toBe(0)
      expect(await count('messages')).toBe(0)
    })

    it('an owner can book only the people who serve their own enterprise, and about their own appeal', async () => {
      const other = await api.fail(e1.owner.id, 'visit.book', {
        clientRequestId: req(),
        hostId: officer,
        day: '2026-03-03',
        half: 'am',
        topic: '用工',
      })
      expect(other.body).toMatchObject({ ok: false, error: { field: 'hostId' } })
      const appeal = await api.call(e1.owner.id, 'appeal.create', {
        clientRequestId: req(),
        category: '用工',
        title: '招工难',
        description: '新生产线缺少操作工二十人，希望帮助对接招聘。',
        contactName: e1.owner.name,
        contactPhone: '13800001111',
      })
      const notMine = await api.fail(e2.owner.id, 'visit.book', {
        clientRequestId: req(),
        hostId: officer,
        day: '2026-03-03',
        half: 'am',
        topic: '用工',
        appealId: appeal.id,
      })
      expect(notMine.body).toMatchObject({ ok: false, error: { field: 'appealId' } })
    })

    it('availability is set per week: a slot outside the week is refused, a booked half-day stays open', async () => {
      await book(e2.owner.id)
      const outside = await api.fail(officer, 'visit.setAvailability', { weekOf: '2026-03-04', slots: [{ day: '2026-03-09', half: 'am' }] })
      expect(outside.body).toMatchObject({ ok: false, error: { field: 'slots.0.day' } })
      const { hosts } = await api.call(officer, 'visit.setAvailability', {
        weekOf: '2026-03-04',
        slots: [{ day: '2026-03-06', half: 'pm' }],
      })
      expect(hosts[0].slots.map((s) => `${s.day} ${s.half} ${s.free}`)).toEqual(['2026-03-03 am false', '2026-03-06 pm true'])
    })
  })

  describe('confirming, moving, declining, cancelling', () => {
    it('the officer confirms; the owner hears it and the reminder goes out the day before, once', async () => {
      const visit = await book(e2.owner.id)
      const confirmed = await api.call(officer, 'visit.confirm', { id: visit.id, version: visit.version })
      expect(confirmed).toMatchObject({ state: 'confirmed', moves: ['reschedule', 'decline', 'checkIn', 'record'] })
      expect((await api.call(e2.owner.id, 'message.list', {})).items[0]).toMatchObject({ title: '走访时间已确认' })

      // The sweep on Monday afternoon sends tomorrow's reminder to both sides, and never again.
      setup.clock.set('2026-03-02T15:00:00+08:00')
      await api.call(admin, 'appeal.sweep', {})
      await api.call(admin, 'appeal.sweep', {})
      const reminders = await store.db.selectFrom('messages').select('user_id').where('kind', '=', 'visit.remind').execute()
      expect(reminders.map((r) => r.user_id).sort()).toEqual([e2.owner.id, officer].sort())
    })

    it('the officer proposes another time; the owner confirms it; the old slot is free again', async () => {
      const visit = await book(e2.owner.id)
      const moved = await api.call(officer, 'visit.reschedule', {
        id: visit.id,
        version: visit.version,
        day: '2026-03-05',
        half: 'pm',
        note: '周二上午要开会',
      })
      expect(moved).toMatchObject({ state: 'proposed', day: '2026-03-05', half: 'pm', note: '周二上午要开会' })
      const ownerView = await api.call(e2.owner.id, 'visit.get', { id: visit.id })
      expect(ownerView.moves).toEqual(['confirm', 'reschedule', 'cancel'])
      const agreed = await api.call(e2.owner.id, 'visit.confirm', { id: visit.id, version: moved.version })
      expect(agreed.state).toBe('confirmed')
      // Someone else may now book Tuesday morning.
      expect((await book(e3.owner.id)).state).toBe('requested')
    })

    it('an owner moves only to an open half-day; a stale version is a 409 and changes nothing', async () => {
      const visit = await book(e2.owner.id)
      const closed = await api.fail(e2.owner.id, 'visit.reschedule', {
        id: visit.id,
        version: visit.version,
        day: '2026-03-06',
        half: 'am',
      })
      expect(closed.body).toMatchObject({ ok: false, error: { field: 'half' } })
      const moved = await api.call(e2.owner.id, 'visit.reschedule', { id: visit.id, version: visit.version, day: '2026-03-04', half: 'pm' })
      expect(moved).toMatchObject({ state: 'requested', day: '2026-03-04' })
      const stale = await api.fail(officer, 'visit.confirm', { id: visit.id, version: visit.version })
      expect(stale.status).toBe(409)
      expect((await api.call(officer, 'visit.get', { id: visit.id })).state).toBe('requested')
    })

    it('declining needs a reason and frees the slot; the owner cannot decline, the officer cannot cancel', async () => {
      const visit = await book(e2.owner.id)
      expect((await api.fail(officer, 'visit.decline', { id: visit.id, version: visit.version, reason: '' })).body).toMatchObject({
        ok: false,
        error: { field: 'reason' },
      })
      expect((await api.fail(e2.owner.id, 'visit.decline', { id: visit.id, version: visit.version, reason: 'x' })).status).toBe(403)
      expect((await api.fail(officer, 'visit.cancel', { id: visit.id, version: visit.version })).status).toBe(403)
      const declined = await api.call(officer, 'visit.decline', {
        id: visit.id,
        version: visit.version,
        reason: '当天在县里参加培训，请改约周三',
      })
      expect(declined).toMatchObject({ state: 'declined', note: '当天在县里参加培训，请改约周三', moves: [] })
      expect((await api.call(e2.owner.id, 'message.list', {})).items[0]).toMatchObject({
        title: '走访预约未能安排',
        body: expect.stringContaining('参加培训'),
      })
      expect((await book(e3.owner.id)).state).toBe('requested')
    })

    it('the owner cancels; the officer is told', async () => {
      const visit = await book(e2.owner.id)
      const cancelled = await api.call(e2.owner.id, 'visit.cancel', { id: visit.id, version: visit.version, reason: '问题已解决' })
      expect(cancelled.state).toBe('cancelled')
      expect((await api.call(officer, 'message.list', {})).items.map((m) => m.title)).toContain('企业取消了走访预约')
    })
  })

  describe('who sees what', () => {
    it("another enterprise's owner and an officer of another department get a 404; the department head and leaders see it", async () => {
      const visit = await book(e2.owner.id)
      expect((await api.fail(e3.owner.id, 'visit.get', { id: visit.id })).status).toBe(404)
      expect((await api.fail(town.officers.finance.id, 'visit.get', { id: visit.id })).status).toBe(404)
      expect((await api.fail(town.heads.finance.id, 'visit.get', { id: visit.id })).status).toBe(404)
      expect((await api.call(head, 'visit.get', { id: visit.id })).moves).toEqual([])
      expect((await api.call(town.leaders.parkDirector.id, 'visit.get', { id: visit.id })).id).toBe(visit.id)
      // A bystander cannot act even where they can see.
      expect((await api.fail(head, 'visit.decline', { id: visit.id, version: visit.version, reason: '不行' })).status).toBe(403)
    })

    it('lists: the owner sees their enterprise, the officer their own, each split into upcoming and past', async () => {
      const a = await book(e2.owner.id)
      const b = await book(e3.owner.id, { day: '2026-03-04', half: 'pm' })
      await api.call(e3.owner.id, 'visit.cancel', { id: b.id, version: b.version })
      expect((await api.call(e2.owner.id, 'visit.listMine', {})).items.map((v) => v.id)).toEqual([a.id])
      expect((await api.call(e3.owner.id, 'visit.listMine', { scope: 'upcoming' })).total).toBe(0)
      expect((await api.call(e3.owner.id, 'visit.listMine', { scope: 'past' })).items.map((v) => v.id)).toEqual([b.id])
      expect((await api.call(officer, 'visit.listMine', { scope: 'all' })).total).toBe(2)
      // Internal notes are for staff; the visitor gets the enterprise's contact, the owner does not need it.
      expect((await api.call(e2.owner.id, 'visit.get', { id: a.id })).internalNote).toBeNull()
      expect((await api.call(e2.owner.id, 'visit.get', { id: a.id })).enterpriseContact).toBeNull()
      expect((await api.call(officer, 'visit.get', { id: a.id })).enterpriseContact).toMatchObject({
        id: e2.owner.id,
        phone: e2.owner.phone,
      })
    })
  })

  describe('proof and record', () => {
    const codeOf = async (enterpriseId: string) =>
      (await store.db.selectFrom('enterprises').select('checkin_code').where('id', '=', enterpriseId).executeTakeFirstOrThrow())
        .checkin_code!

    it('check-in on site proves the booked visit; the record turns problems into appeals from the visit', async () => {
      const visit = await book(e2.owner.id)
      const confirmed = await api.call(officer, 'visit.confirm', { id: visit.id, version: visit.version })
      setup.clock.set('2026-03-03T09:20:00+08:00')
      const checkedIn = await api.call(officer, 'visit.checkIn', { code: await codeOf(e2.id), lat: 38.28, lng: 116.99 })
      expect(checkedIn).toMatchObject({ id: visit.id, proven: true, checkedInAt: Date.parse('2026-03-03T09:20:00+08:00') })
      expect(checkedIn.version).toBeGreaterThan(confirmed.version)

      setup.clock.set('2026-03-03T11:30:00+08:00')
      const appealsBefore = await count('appeals')
      const recorded = await api.call(officer, 'visit.record', {
        id: visit.id,
        version: checkedIn.version,
        participants: `${town.officer.name}、${e2.owner.name}（法人）`,
        situation: { production: '两条吹塑线满负荷', employment: '缺操作工 15 人', funding: '', project: '二期厂房待验收' },
        asks: '希望协调招聘会和二期验收',
        internalNote: '法人对验收进度有意见',
        problems: [
          { category: '用工', title: '缺操作工 15 人', description: '二期投产后缺少吹塑操作工 15 人，希望对接专场招聘会。' },
          { category: '审批手续', title: '二期厂房竣工验收', description: '二期厂房已完工两个月，竣工验收迟迟排不上，影响设备进场。' },
        ],
      })
      expect(recorded).toMatchObject({
        state: 'done',
        proven: true,
        visitedAt: Date.parse('2026-03-03T09:20:00+08:00'),
        internalNote: '法人对验收进度有意见',
      })
      expect(recorded.record?.appeals.map((a) => a.title)).toEqual(['缺操作工 15 人', '二期厂房竣工验收'])
      expect(await count('appeals')).toBe(appealsBefore + 2)
      const filed = await store.db.selectFrom('appeals').selectAll().where('source', '=', 'visit').execute()
      expect(filed.map((a) => [a.enterprise_id, a.created_by, a.state])).toEqual([
        [e2.id, officer, 'submitted'],
        [e2.id, officer, 'submitted'],
      ])
      // The owner sees the appeals as their own, and the record without the internal note.
      const mine = await api.call(e2.owner.id, 'appeal.listMine', {})
      expect(mine.items.map((a) => a.title)).toEqual(expect.arrayContaining(['缺操作工 15 人', '二期厂房竣工验收']))
      const ownerView = await api.call(e2.owner.id, 'visit.get', { id: visit.id })
      expect(ownerView).toMatchObject({ internalNote: null, record: { asks: '希望协调招聘会和二期验收' }, moves: ['attest'] })
    })

    it('a proactive visit without check-in counts once the owner confirms it', async () => {
      const recorded = await api.call(officer, 'visit.record', {
        enterpriseId: e3.id,
        participants: town.officer.name,
        situation: { production: '正常' },
      })
      expect(recorded).toMatchObject({ origin: 'proactive', state: 'done', proven: false })
      const before = await api.call(officer, 'visit.compliance', {})
      expect(before.mine.find((m) => m.id === e3.id)?.done).toBe(false)
      const attested = await api.call(e3.owner.id, 'visit.attest', { id: recorded.id, version: recorded.version })
      expect(attested).toMatchObject({ proven: true, moves: [] })
      const after = await api.call(officer, 'visit.compliance', {})
      expect(after.mine.find((m) => m.id === e3.id)).toMatchObject({ done: true, lastVisitAt: Date.parse('2026-03-02T09:00:00+08:00') })
    })

    it('a scan without a booking opens a proactive visit; a wrong code or an enterprise not covered is refused', async () => {
      const opened = await api.call(officer, 'visit.checkIn', { code: await codeOf(e3.id) })
      expect(opened).toMatchObject({
        origin: 'proactive',
        state: 'confirmed',
        proven: true,
        day: '2026-03-02',
        half: 'am',
        moves: ['reschedule', 'decline', 'record'],
      })
      expect((await api.fail(officer, 'visit.checkIn', { code: 'nosuchcode' })).body).toMatchObject({ ok: false, error: { field: 'code' } })
      expect((await api.fail(officer, 'visit.checkIn', { code: await codeOf(e1.id) })).status).toBe(403)
      expect(
        (await api.fail(officer, 'visit.record', { enterpriseId: e1.id, participants: town.officer.name, situation: {} })).status,
      ).toBe(403)
    })

    it('a record names its visit or its enterprise, not both, and is never in the future', async () => {
      const both = await api.fail(officer, 'visit.record', {
        id: 'vis-x',
        version: 0,
        enterpriseId: e2.id,
        participants: town.officer.name.slice(0, 1),
        situation: {},
      })
      expect(both.body).toMatchObject({ ok: false, error: { field: 'enterpriseId' } })
      const future = await api.fail(officer, 'visit.record', {
        enterpriseId: e2.id,
        visitedAt: Date.parse('2026-03-03T09:00:00+08:00'),
        participants: town.officer.name.slice(0, 1),
        situation: {},
      })
      expect(future.body).toMatchObject({ ok: false, error: { field: 'visitedAt' } })
      expect(await count('visits')).toBe(0)
    })

    it('a record whose problems cannot be filed leaves nothing: no visit, no appeal, no message', async () => {
      const before = await Promise.all([count('visits'), count('appeals'), count('messages'), count('outbox')])
      const bad = await api.fail(officer, 'visit.record', {
        enterpriseId: e2.id,
        participants: town.officer.name,
        situation: {},
        problems: [{ category: '用工', title: '缺人', description: '太短' }],
      })
      expect(bad.body).toMatchObject({ ok: false, error: { field: 'problems.0.description' } })
      expect(await Promise.all([count('visits'), count('appeals'), count('messages'), count('outbox')])).toEqual(before)
    })
  })

  describe('the weekly reminder to those behind', () => {
    it('in the last days of the week each person still owing visits is told which, once', async () => {
      // Monday: too early to chase anyone.
      await api.call(admin, 'appeal.sweep', {})
      expect(await count('messages')).toBe(0)
      // Friday afternoon: the officer has seen none of their enterprises (three) this week.
      const theirs = town.all.enterprises.filter((e) => e.officer_id === officer)
      expect(theirs).toHaveLength(3)
      setup.clock.set('2026-03-06T15:00:00+08:00')
      const swept = await api.call(admin, 'appeal.sweep', {})
      expect(swept.visits.behind).toBeGreaterThan(0)
      const told = await store.db
        .selectFrom('messages')
        .selectAll()
        .where('kind', '=', 'visit.behind')
        .where('user_id', '=', officer)
        .execute()
      expect(told).toHaveLength(1)
      expect(told[0]).toMatchObject({ title: `本周还有 ${theirs.length} 家企业未走访`, body: expect.stringContaining(e2.name) })
      // Again the same day: nobody is told twice; the outbox holds one push per person.
      await api.call(admin, 'appeal.sweep', {})
      expect(
        await store.db.selectFrom('messages').select('id').where('kind', '=', 'visit.behind').where('user_id', '=', officer).execute(),
      ).toHaveLength(1)
      // Heads and leaders owe a month and a quarter: not yet at its end, so not chased.
      expect(
        await store.db
          .selectFrom('messages')
          .select('id')
          .where('kind', '=', 'visit.behind')
          .where('user_id', 'in', [head, town.leader.id])
          .execute(),
      ).toHaveLength(0)
    })
  })

  describe('compliance', () => {
    it('counts proven visits by role and period, in the caller’s scope', async () => {
      // A visit at 23:59 on Sunday 1 March belongs to last week and to March? No: 1 March is a Sunday
      // in February's last ISO week but in March's month.
      setup.clock.set('2026-03-01T23:59:00+08:00')
      await api.call(officer, 'visit.checkIn', {
        code: (await store.db.selectFrom('enterprises').select('checkin_code').where('id', '=', e2.id).executeTakeFirstOrThrow())
          .checkin_code!,
      })
      setup.clock.set('2026-03-02T09:00:00+08:00')
      const mine = await api.call(officer, 'visit.compliance', {})
      const me = mine.people.find((p) => p.person.id === officer)!
      // Checked in but not yet recorded: a check-in alone has no visit time yet.
      expect(me.visited).toBe(0)

      const visit = (await api.call(officer, 'visit.listMine', { scope: 'all' })).items[0]
      await api.call(officer, 'visit.record', {
        id: visit.id,
        version: visit.version,
        visitedAt: Date.parse('2026-03-02T08:00:00+08:00'),
        participants: town.officer.name,
        situation: {},
      })
      const after = await api.call(officer, 'visit.compliance', {})
      // Officers only see themselves; the visit was at 23:59 on Sunday, last week: not this week's.
      expect(after.people.map((p) => p.person.id)).toEqual([officer])
      expect(after.people[0]).toMatchObject({ periodLabel: '本周', visited: 0 })
      const lastWeek = await api.call(officer, 'visit.compliance', { at: '2026-03-01' })
      expect(lastWeek.people[0].behind.map((b) => b.id)).not.toContain(e2.id)
      // The department head sees the department's officers and themselves; this month e2 was visited.
      const department = await api.call(head, 'visit.compliance', {})
      expect(department.people.every((p) => p.person.role === 'officer' || p.person.id === head)).toBe(true)
      expect(department.unvisited.map((u) => u.id)).not.toContain(e2.id)
      expect(department.unvisited.map((u) => u.id)).toContain(e3.id)
      // Leaders see everyone.
      const leader = await api.call(town.leader.id, 'visit.compliance', {})
      expect(new Set(leader.people.map((p) => p.person.role))).toEqual(new Set(['officer', 'dept_head', 'leader']))
    })
  })
})
