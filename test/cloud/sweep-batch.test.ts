import { sql } from 'kysely'
import { Caller } from '../../cloud/actions/context'
import { dispatch } from '../../cloud/app/router'
import type { AppealDetail } from '../../cloud/contract'
import type { Store } from '../../cloud/store/connect'
import { findAppealById, findSupervisionCandidates, recordSupervisionLevels, type AppealRow } from '../../cloud/store/repositories/appeals'
import { findUserById } from '../../cloud/store/repositories/users'
import { sweepAppeals } from '../../cloud/workflows/supervision-sweep'
import { makeServices, makeStore } from '../support/services'
import { sweepStepByStep } from '../support/sweep-step-by-step'
import { town } from '../support/town'

const H = 3600_000
const COUNT = 620 // more than one of the sweep's batches, and several slices of each write

/**
 * Many open appeals cloned from one filed through the API, spread over the town's enterprises:
 * due soon, overdue and long overdue; some with no handler (the head is told), some complaints
 * about staff with no department (the office is told), some already at their level (no step),
 * some with an earlier event (the step's number follows it).
 */
async function plantAppeals(store: Store, template: AppealRow, now: number): Promise<number> {
  const enterprises = Object.values(town.enterprises)
  let due = 0
  for (let i = 0; i < COUNT; i++) {
    const enterprise = enterprises[i % enterprises.length]
    const dueAt = now + [H, -H, -25 * H][i % 3]
    const target = [1, 2, 3][i % 3]
    const settled = i % 10 === 9
    const staffComplaint = i % 7 === 0
    const id = `ap-bulk-${String(i).padStart(4, '0')}`
    await store.db
      .insertInto('appeals')
      .values({
        ...template,
        id,
        number: `1999-01-${String(i).padStart(4, '0')}`,
        client_request_id: id,
        enterprise_id: enterprise.id,
        department_id: staffComplaint ? null : enterprise.department_id,
        handler_id: i % 4 === 0 || staffComplaint ? null : enterprise.officer_id,
        conduct: staffComplaint ? 1 : 0,
        title: `诉求${i}`,
        due_at: dueAt,
        supervision_level: settled ? target : i % 3 === 2 && i % 2 === 0 ? 1 : 0,
        supervised_due_at: settled || (i % 3 === 2 && i % 2 === 0) ? dueAt : i % 11 === 0 ? dueAt - H : null,
      })
      .execute()
    if (i % 5 === 0)
      await store.db
        .insertInto('appeal_events')
        .values({
          id: `ev-bulk-${i}`,
          appeal_id: id,
          seq: 1,
          actor_id: enterprise.owner.id,
          actor_role: 'owner',
          action: 'create',
          from_state: null,
          to_state: template.state,
          note: '',
          data: '{}',
          at: now - 30 * H,
        })
        .execute()
    if (!settled) due++
  }
  return due
}

/** What the sweep wrote for the planted appeals, without the ids each write draws. */
async function written(store: Store) {
  const bulk = 'ap-bulk-%'
  const appeals = await store.db
    .selectFrom('appeals')
    .select(['id', 'supervision_level', 'supervised_due_at', 'version'])
    .where('id', 'like', bulk)
    .orderBy('id')
    .execute()
  const events = await store.db
    .selectFrom('appeal_events')
    .select(['appeal_id', 'seq', 'actor_id', 'actor_role', 'action', 'from_state', 'to_state', 'note', 'data', 'at'])
    .where('appeal_id', 'like', bulk)
    .orderBy('appeal_id')
    .orderBy('seq')
    .execute()
  const messages = await store.db
    .selectFrom('messages')
    .select(['user_id', 'kind', 'title', 'body', 'link', 'dedupe_key', 'created_at', 'read_at'])
    .where('dedupe_key', 'like', `appeal:${bulk}`)
    .orderBy('dedupe_key')
    .orderBy('user_id')
    .execute()
  const outbox = await store.db
    .selectFrom('outbox')
    .innerJoin('messages', 'messages.id', 'outbox.message_id')
    .select([
      'messages.dedupe_key',
      'outbox.user_id',
      'outbox.template',
      'outbox.fields',
      'outbox.page',
      'outbox.state',
      'outbox.attempts',
      'outbox.next_attempt_at',
      'outbox.created_at',
    ])
    .where('messages.dedupe_key', 'like', `appeal:${bulk}`)
    .orderBy('messages.dedupe_key')
    .orderBy('outbox.user_id')
    .execute()
  return { appeals, events, messages, outbox }
}

/** An appeal filed through the API, whose row the planted ones copy; it is not swept itself. */
async function fileTemplate(setup: ReturnType<typeof makeServices>, clientRequestId: string): Promise<AppealRow> {
  const { db } = setup.services
  const owner = town.enterprises.grainFoods.owner
  const caller: Caller = { kind: 'user', user: (await findUserById(db, owner.id))! }
  const reply = await dispatch(setup.services, caller, 'appeal.create', {
    clientRequestId,
    category: '用工',
    title: '招工难',
    description: '旺季缺少 30 名操作工，希望帮助对接招聘会。',
    contactName: owner.name,
    contactPhone: '13800001111',
  })
  if (!reply.body.ok) throw new Error(reply.body.error.message)
  const template = (await findAppealById(db, (reply.body.data as AppealDetail).id))!
  await db.updateTable('appeals').set({ due_at: null }).where('id', '=', template.id).execute()
  return template
}

const count = async (store: Store, table: 'appeal_events' | 'messages' | 'outbox') =>
  Number((await sql<{ n: number }>`select count(*) as n from ${sql.table(table)}`.execute(store.db)).rows[0].n)

describe('the sweep writes many due steps at once', () => {
  let batched: Store
  let reference: Store

  beforeEach(async () => {
    batched = await makeStore()
    reference = await makeStore()
  })
  afterEach(async () => {
    await batched.close()
    await reference.close()
  })

  it('writes exactly the levels, events, messages and pushes the step-by-step path writes, and nothing on a second run', async () => {
    const setup = makeServices(batched)
    const template = await fileTemplate(setup, 'req-template-01')

    const now = setup.clock.now()
    const due = await plantAppeals(batched, template, now)
    await plantAppeals(reference, template, now)

    const stepByStep = await sweepStepByStep(reference.db, now)
    const result = await sweepAppeals(setup.services)
    expect(due).toBe(558)
    expect(result.stepped).toBe(due)
    expect(stepByStep).toBe(due)

    const ours = await written(batched)
    const theirs = await written(reference)
    expect(ours.events).toHaveLength(due + COUNT / 5)
    expect(ours.messages.length).toBeGreaterThan(due)
    expect(ours.outbox).toHaveLength(ours.messages.length)
    expect(ours).toEqual(theirs)
    // Every audience the steps reach is among them: handlers, heads, leaders and the office.
    const told = new Set(ours.messages.map((m) => m.user_id))
    for (const who of [town.admin.id, town.leaders.mayor.id]) expect([who, told.has(who)]).toEqual([who, true])
    expect(Object.values(town.enterprises).some((enterprise) => told.has(enterprise.officer_id))).toBe(true)
    expect(Object.values(town.heads).some((head) => told.has(head.id))).toBe(true)

    const before = {
      events: await count(batched, 'appeal_events'),
      messages: await count(batched, 'messages'),
      outbox: await count(batched, 'outbox'),
    }
    expect(await sweepAppeals(setup.services)).toMatchObject({ stepped: 0 })
    expect({
      events: await count(batched, 'appeal_events'),
      messages: await count(batched, 'messages'),
      outbox: await count(batched, 'outbox'),
    }).toEqual(before)
  })

  it('a step another sweep took meanwhile is not written again', async () => {
    const setup = makeServices(batched)
    const template = await fileTemplate(setup, 'req-template-02')
    const due = await plantAppeals(batched, template, setup.clock.now())
    const results = await Promise.all([sweepAppeals(setup.services), sweepAppeals(setup.services)])
    expect(results[0].stepped + results[1].stepped).toBe(due)
    const events = await batched.db
      .selectFrom('appeal_events')
      .select(['appeal_id', (eb) => eb.fn.countAll<number>().as('n')])
      .where('appeal_id', 'like', 'ap-bulk-%')
      .where('actor_role', '=', 'system')
      .groupBy('appeal_id')
      .execute()
    expect(events).toHaveLength(due)
    expect(events.every((e) => Number(e.n) === 1)).toBe(true)
  })

  // Only PostgreSQL keeps a row's new version beside the old one without touching its indexes.
  ;(process.env.TEST_DATABASE_URL ? it : it.skip)(
    'on PostgreSQL a step is a heap-only update: no index of the appeals holds what it writes',
    async () => {
      const setup = makeServices(batched)
      const template = await fileTemplate(setup, 'req-template-03')
      const now = setup.clock.now()
      await plantAppeals(batched, template, now)
      const { taken, updates } = await batched.db.transaction().execute(async (trx) => {
        // The backend's counts so far, which the statistics views show only later: read on each side.
        const counted = async () =>
          (
            await sql<{ all: number; heapOnly: number }>`
            select n_tup_upd as "all", n_tup_hot_upd as "heapOnly" from pg_stat_xact_user_tables where relid = 'appeals'::regclass`.execute(
              trx,
            )
          ).rows[0]
        const candidates = await findSupervisionCandidates(trx, now + 2 * H, 3)
        const before = await counted()
        const taken = await recordSupervisionLevels(
          trx,
          candidates.map((appeal) => ({ ...appeal, due_at: appeal.due_at!, level: 3 })),
        )
        const after = await counted()
        return { taken, updates: { all: after.all - before.all, heapOnly: after.heapOnly - before.heapOnly } }
      })
      expect(taken.length).toBeGreaterThan(500)
      expect(updates.all).toBe(taken.length)
      // As many as the pages have room for (about one row in nine here, with fillfactor 90); with
      // an index holding the level, not one.
      expect(updates.heapOnly).toBeGreaterThan(taken.length / 20)
    },
  )
})
