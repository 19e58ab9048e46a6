import { sql, type Kysely } from 'kysely'
import { Caller } from '../../cloud/actions/context'
import { dispatch } from '../../cloud/app/router'
import type { AppealDetail, AppealSummary, InboxResult, Page } from '../../cloud/contract'
import { formatAppealNumber, isAppealNumber, numberingMonth } from '../../cloud/domain/appeal/numbering'
import type { Store } from '../../cloud/store/connect'
import * as numbersMigration from '../../cloud/store/migrations/0017-appeal-numbers'
import { findUserById, type UserRow } from '../../cloud/store/repositories/users'
import { makeServices, makeStore } from '../support/services'
import { town } from '../support/town'

describe('诉求编号 as a rule', () => {
  it('is the Beijing month of filing and a four-digit place, longer past 9999', () => {
    expect(formatAppealNumber('2026-11', 42)).toBe('2026-11-0042')
    expect(formatAppealNumber('2026-11', 12345)).toBe('2026-11-12345')
    // 16:00 UTC on 31 October is already 1 November in Beijing.
    expect(numberingMonth(Date.parse('2026-10-31T15:59:59Z'))).toBe('2026-10')
    expect(numberingMonth(Date.parse('2026-10-31T16:00:00Z'))).toBe('2026-11')
  })

  it('tells a number from words of a title', () => {
    expect(isAppealNumber(' 2026-11-0042 ')).toBe(true)
    expect(isAppealNumber('2026-11-12345')).toBe(true)
    expect(isAppealNumber('2026-11-42')).toBe(false)
    expect(isAppealNumber('用电增容')).toBe(false)
  })
})

describe('诉求编号 through the API', () => {
  let store: Store
  let services: ReturnType<typeof makeServices>['services']
  let clock: ReturnType<typeof makeServices>['clock']
  const grain = town.enterprises.grainFoods
  const med = town.enterprises.medPack
  const people: Record<string, UserRow> = {}

  beforeEach(async () => {
    store = await makeStore({ now: '2026-03-30T09:00:00+08:00' })
    ;({ services, clock } = makeServices(store, { now: '2026-03-30T09:00:00+08:00' }))
    for (const id of [...town.all.owners.map((o) => o.id), ...town.all.staff.map((s) => s.id)])
      people[id] = (await findUserById(store.db, id))!
  })
  afterEach(() => store.close())

  const as = (id: string): Caller => ({ kind: 'user', user: people[id] })
  async function call<T>(who: string, action: string, payload: unknown): Promise<T> {
    const reply = await dispatch(services, as(who), action, payload)
    if (!reply.body.ok) throw Object.assign(new Error(reply.body.error.message), { status: reply.status })
    return reply.body.data as T
  }
  let request = 0
  const file = (ownerId: string, title = '新厂房用电增容') =>
    call<AppealDetail>(ownerId, 'appeal.create', {
      clientRequestId: `req-number-${String(++request).padStart(4, '0')}`,
      category: '水电气路',
      title,
      description: '新上两条吹塑生产线，现有变压器容量不够，需要增容到 800 千伏安。',
      contactName: '联系人',
      contactPhone: '13800001111',
    })

  it('numbers each month from 0001 in filing order, and starts again when the Beijing month turns', async () => {
    const first = await file(grain.owner.id)
    const second = await file(med.owner.id)
    expect([first.number, second.number]).toEqual(['2026-03-0001', '2026-03-0002'])
    // 23:59 on 31 March in Beijing is still March; a minute later it is April.
    clock.set('2026-03-31T23:59:00+08:00')
    expect((await file(grain.owner.id)).number).toBe('2026-03-0003')
    clock.set('2026-04-01T00:00:00+08:00')
    expect((await file(grain.owner.id)).number).toBe('2026-04-0001')
    expect((await file(med.owner.id)).number).toBe('2026-04-0002')

    // Every view of the appeal carries it: the detail, the owner's list, the handler's inbox.
    expect((await call<AppealDetail>(grain.owner.id, 'appeal.get', { id: first.id })).number).toBe('2026-03-0001')
    const mine = await call<Page<AppealSummary>>(grain.owner.id, 'appeal.listMine', {})
    expect(mine.items.map((a) => a.number).sort()).toEqual(['2026-03-0001', '2026-03-0003', '2026-04-0001'])
    const inbox = await call<InboxResult>(grain.officer_id, 'appeal.inbox', { filter: 'open' })
    expect(inbox.items.find((a) => a.id === first.id)?.number).toBe('2026-03-0001')
  })

  it('the messages about an appeal start with its number', async () => {
    const appeal = await file(grain.owner.id)
    const inbox = await call<Page<{ kind: string; body: string }>>(grain.officer_id, 'message.list', {})
    expect(inbox.items.find((m) => m.kind === 'appeal.create')?.body).toBe(`${appeal.number} 新厂房用电增容：新厂房用电增容`)
  })

  it('a filing that fails after taking its number gives the number back', async () => {
    const failed = await dispatch(services, as(grain.owner.id), 'appeal.create', {
      clientRequestId: 'req-number-rolled-back',
      category: '水电气路',
      title: '新厂房用电增容',
      description: '新上两条吹塑生产线，现有变压器容量不够。',
      contactName: '联系人',
      contactPhone: '13800001111',
      // Checked after the appeal is written, in the same transaction: the filing rolls back.
      attachmentIds: ['up-nobody-uploaded'],
    })
    expect(failed.body).toMatchObject({ ok: false, error: { field: 'attachmentIds', message: expect.stringContaining('已被使用') } })
    expect(await store.db.selectFrom('appeals').select('id').where('created_by', '=', grain.owner.id).execute()).toEqual([])
    expect((await file(med.owner.id)).number).toBe('2026-03-0001')
  })

  it('past the 9,999th filing of a month the place grows a digit, as the rule formats it', async () => {
    await file(grain.owner.id)
    await store.db.updateTable('appeal_number_counters').set({ last_seq: 9998 }).where('month', '=', '2026-03').execute()
    const numbers = [(await file(grain.owner.id)).number, (await file(med.owner.id)).number, (await file(grain.owner.id)).number]
    expect(numbers).toEqual([9999, 10000, 10001].map((place) => formatAppealNumber('2026-03', place)))
    expect(numbers).toEqual(['2026-03-9999', '2026-03-10000', '2026-03-10001'])
  })

  it('a retried submit keeps its number and takes no other', async () => {
    const payload = {
      clientRequestId: 'req-number-retry',
      category: '水电气路',
      title: '用电增容',
      description: '新上两条吹塑生产线，现有变压器容量不够。',
      contactName: '联系人',
      contactPhone: '13800001111',
    }
    const first = await call<AppealDetail>(grain.owner.id, 'appeal.create', payload)
    const again = await call<AppealDetail>(grain.owner.id, 'appeal.create', payload)
    expect(again.number).toBe(first.number)
    expect((await file(med.owner.id)).number).toBe('2026-03-0002')
  })

  it('filings at the same moment each get a number of their own, with none skipped', async () => {
    const owners = town.all.owners.map((o) => o.id)
    const filed = await Promise.all(owners.map((owner) => file(owner)))
    const numbers = filed.map((a) => a.number).sort()
    expect(numbers).toEqual(owners.map((_, i) => formatAppealNumber('2026-03', i + 1)))
  })

  it('the store refuses a second appeal with the same number', async () => {
    const first = await file(grain.owner.id)
    const second = await file(med.owner.id)
    // Matched on the message: better-sqlite3's error may come from another test file's realm, which toThrow() does not take for an Error.
    await expect(store.db.updateTable('appeals').set({ number: first.number }).where('id', '=', second.id).execute()).rejects.toMatchObject(
      {
        message: expect.stringMatching(
          /UNIQUE constraint failed: appeals\.number|duplicate key value violates unique constraint "appeals_number_uq"/,
        ),
      },
    )
  })

  it('migration 0017 numbers the appeals already there in the order they were filed, and filing continues after them', async () => {
    const a = await file(grain.owner.id)
    clock.set('2026-04-02T09:00:00+08:00')
    const b = await file(grain.owner.id)
    clock.set('2026-04-03T09:00:00+08:00')
    const c = await file(med.owner.id)
    await numbersMigration.down(store.db as unknown as Kysely<unknown>)
    // Before numbers existed, c was filed first in April and b after it.
    await sql`update appeals set submitted_at = ${Date.parse('2026-04-01T08:00:00+08:00')} where id = ${c.id}`.execute(store.db)
    await numbersMigration.up(store.db as unknown as Kysely<unknown>)

    const numberOf = async (id: string) => (await call<AppealDetail>(grain.officer_id, 'appeal.get', { id })).number
    expect(await numberOf(a.id)).toBe('2026-03-0001')
    expect((await call<AppealDetail>(med.owner.id, 'appeal.get', { id: c.id })).number).toBe('2026-04-0001')
    expect(await numberOf(b.id)).toBe('2026-04-0002')
    expect((await file(med.owner.id)).number).toBe('2026-04-0003')
  })

  describe('searching by number', () => {
    it('an officer finds an appeal they hold by its number, across every filter', async () => {
      const appeal = await file(grain.owner.id)
      await file(grain.owner.id, '道路破损影响运输')
      const found = await call<InboxResult>(grain.officer_id, 'appeal.inbox', { filter: 'done', search: appeal.number })
      expect(found.items.map((a) => a.id)).toEqual([appeal.id])
      expect(found.total).toBe(1)
      expect(found.counts.open).toBe(1)
    })

    it('an officer finds nothing by the number of an appeal in another officer’s scope', async () => {
      const theirs = await file(med.owner.id)
      expect(med.officer_id).not.toBe(grain.officer_id)
      const found = await call<InboxResult>(grain.officer_id, 'appeal.inbox', { search: theirs.number })
      expect(found.items).toEqual([])
      expect(found.total).toBe(0)
      // Its own officer and the leaders do find it.
      expect((await call<InboxResult>(med.officer_id, 'appeal.inbox', { search: theirs.number })).items.map((a) => a.id)).toEqual([
        theirs.id,
      ])
      expect((await call<InboxResult>(town.leader.id, 'appeal.inbox', { search: theirs.number })).items.map((a) => a.id)).toEqual([
        theirs.id,
      ])
    })

    it('an owner finds their own appeal by number, and never another enterprise’s', async () => {
      const mine = await file(grain.owner.id)
      const theirs = await file(med.owner.id)
      const search = (number: string) => call<Page<AppealSummary>>(grain.owner.id, 'appeal.listMine', { search: number })
      expect((await search(mine.number)).items.map((a) => a.id)).toEqual([mine.id])
      expect(await search(theirs.number)).toEqual({ items: [], total: 0 })
    })

    it('words of a title find the appeals whose titles hold them; a wildcard is only a character', async () => {
      const road = await file(grain.owner.id, '道路破损影响运输')
      await file(grain.owner.id, '新厂房用电增容')
      expect((await call<InboxResult>(grain.officer_id, 'appeal.inbox', { search: '道路' })).items.map((a) => a.id)).toEqual([road.id])
      expect((await call<InboxResult>(grain.officer_id, 'appeal.inbox', { search: '%' })).items).toEqual([])
    })
  })
})
