import { DAY, HOUR } from '../cloud/domain/time-units'
import type { Kysely } from 'kysely'
import { creditCodeCheckChar } from '../cloud/domain/credit-code'
import { rebuildKeptCounts } from '../cloud/store/migrate'
import { foldInboxCounts } from '../cloud/store/repositories/appeal-inbox-counts'
import type { Database } from '../cloud/store/database'

/**
 * Synthetic data at scale for benchmarks: enterprises with owners, officers in the seeded
 * departments, and appeals with their events spread over a year. Deterministic (seeded PRNG), so
 * two runs measure the same data.
 */
export interface ScaleOptions {
  enterprises: number
  officers: number
  appeals: number
  /** The appeals are spread over the year before this instant. */
  now: number
  /** What each enterprise is (industry, kind, qualifications); all the same small plastics maker unless given. */
  profile?: (i: number, random: () => number) => { industry: string; kind: string; tags: string[] }
}

function prng(seed: number) {
  let state = seed >>> 0
  return () => {
    state = (state * 1664525 + 1013904223) >>> 0
    return state / 2 ** 32
  }
}

async function insertInBatches<T extends keyof Database>(db: Kysely<Database>, table: T, rows: Record<string, unknown>[], most = Infinity) {
  // SQLite allows 32,766 bound values a statement; stay well under it. `most` caps the rows of a
  // statement whose rows are slow to index, so that it ends within the statement timeout.
  const columns = rows.length ? Object.keys(rows[0]).length : 1
  const size = Math.min(most, Math.max(1, Math.floor(30_000 / columns)))
  for (let i = 0; i < rows.length; i += size) {
    await db
      .insertInto(table)
      .values(rows.slice(i, i + size) as never)
      .execute()
  }
}

const STATES = ['submitted', 'accepted', 'in_progress', 'resolved', 'closed', 'closed', 'closed', 'closed', 'returned', 'reopened']
const CATEGORIES = ['融资', '用工', '政策兑现', '用地规划', '审批手续', '水电气路', '物流通行', '安全环保', '市场拓展', '其他']

/** When a generated appeal was answered, resolved and rated, as its state implies: most on time, some late. */
function outcome(state: string, submitted: number, closeDue: number, now: number) {
  const n = (submitted / 60_000) % 100
  const respondedLate = n < 4
  const closedLate = n >= 4 && n < 12
  const responded_at = state === 'submitted' ? null : submitted + (respondedLate ? 30 : 2) * HOUR
  const done = ['resolved', 'closed'].includes(state)
  // Resolved and waiting for a rating means resolved this week: older ones the sweep has closed.
  const resolved_at = state === 'resolved' ? Math.max(submitted, now - 2 * DAY) : done ? closeDue + (closedLate ? 1 : -1) * 6 * HOUR : null
  const rating = state === 'closed' ? (n < 70 ? 'satisfied' : n < 95 ? 'basically_satisfied' : 'unsatisfied') : null
  return { responded_at, resolved_at, rating, rated_at: rating ? (resolved_at ?? submitted) + DAY : null }
}

export async function generateScale(db: Kysely<Database>, options: ScaleOptions): Promise<{ officerIds: string[]; ownerIds: string[] }> {
  const random = prng(20261122)
  const pick = <T>(list: readonly T[]) => list[Math.floor(random() * list.length)]
  const departments = (await db.selectFrom('departments').select('id').execute()).map((d) => d.id)

  const officerIds = Array.from({ length: options.officers }, (_, i) => `u-bench-officer-${i}`)
  await insertInBatches(
    db,
    'users',
    officerIds.map((id, i) => ({
      id,
      name: `特派员${i}`,
      role: 'officer',
      title: '驻企特派员',
      phone: '13800000000',
      department_id: departments[i % departments.length],
      enterprise_id: null,
      openid: null,
      created_at: 0,
    })),
  )

  const enterpriseIds = Array.from({ length: options.enterprises }, (_, i) => `ent-bench-${i}`)
  await insertInBatches(
    db,
    'enterprises',
    enterpriseIds.map((id, i) => {
      const first17 = `91130921B${String(i).padStart(8, '0')}`
      const { industry, kind, tags } = options.profile?.(i, random) ?? { industry: '塑料制品', kind: '小微企业', tags: [] }
      return {
        id,
        name: `测试企业${i}有限公司`,
        credit_code: first17 + creditCodeCheckChar(first17),
        industry,
        kind,
        park: '杜生工业园',
        address: '沧县杜生镇',
        legal_person: '张三',
        officer_id: officerIds[i % officerIds.length],
        department_id: departments[i % departments.length],
        leader_id: null,
        tags: JSON.stringify(tags),
        team: '',
        checkin_code: `bench-${i}`,
        created_at: 0,
      }
    }),
  )
  const ownerIds = enterpriseIds.map((_, i) => `u-bench-owner-${i}`)
  await insertInBatches(
    db,
    'users',
    ownerIds.map((id, i) => ({
      id,
      name: `企业主${i}`,
      role: 'owner',
      title: '',
      phone: '13900000000',
      department_id: null,
      enterprise_id: enterpriseIds[i],
      openid: null,
      created_at: 0,
    })),
  )

  const chunk = 20_000
  for (let start = 0; start < options.appeals; start += chunk) {
    const appeals: Record<string, unknown>[] = []
    const events: Record<string, unknown>[] = []
    for (let n = start; n < Math.min(options.appeals, start + chunk); n++) {
      const e = Math.floor(random() * enterpriseIds.length)
      const submitted = options.now - Math.floor(random() * 365 * DAY)
      const state = pick(STATES)
      const acceptDue = submitted + DAY
      const closeDue = submitted + 3 * DAY
      const open = ['submitted', 'accepted', 'in_progress', 'reopened'].includes(state)
      const id = `ap-bench-${n}`
      appeals.push({
        id,
        enterprise_id: enterpriseIds[e],
        created_by: ownerIds[e],
        client_request_id: `bench-${n}`,
        source: 'owner',
        category: pick(CATEGORIES),
        title: `诉求${n}`,
        description: '批量生成的测试诉求内容',
        urgency: random() < 0.1 ? 'urgent' : 'normal',
        complexity: 'ordinary',
        contact_name: '张三',
        contact_phone: '13900000000',
        state,
        handler_id: officerIds[e % officerIds.length],
        department_id: departments[e % departments.length],
        submitted_at: submitted,
        accept_due_at: acceptDue,
        close_due_at: closeDue,
        due_at: state === 'submitted' ? acceptDue : open ? closeDue : null,
        supervision_level: open ? 3 : 0,
        supervised_due_at: open ? (state === 'submitted' ? acceptDue : closeDue) : null,
        accepted_at: state === 'submitted' ? null : submitted + HOUR,
        closed_at: null,
        moderation: 'pass',
        help_kind: null,
        help_amount: null,
        ...outcome(state, submitted, closeDue, options.now),
        reopen_count: state === 'reopened' ? 1 : 0,
        dispute_count: 0,
        resolved_late: (submitted / 60_000) % 100 >= 4 && (submitted / 60_000) % 100 < 12 ? 1 : 0,
        version: 1,
        updated_at: submitted,
      })
      events.push({
        id: `ev-bench-${n}-1`,
        appeal_id: id,
        seq: 1,
        actor_id: ownerIds[e],
        actor_role: 'owner',
        action: 'create',
        from_state: null,
        to_state: 'submitted',
        note: '',
        data: '{}',
        at: submitted,
      })
      if (state !== 'submitted') {
        events.push({
          id: `ev-bench-${n}-2`,
          appeal_id: id,
          seq: 2,
          actor_id: officerIds[e % officerIds.length],
          actor_role: 'officer',
          action: 'accept',
          from_state: 'submitted',
          to_state: 'accepted',
          note: '',
          data: '{}',
          at: submitted + HOUR,
        })
      }
    }
    await db.transaction().execute(async (trx) => {
      await insertInBatches(trx, 'appeals', appeals)
      await insertInBatches(trx, 'appeal_events', events)
    })
  }
  // Written row by row above, past the store's own writes: the kept counts are made from them once,
  // and the inboxes' folded as the next sweep would (a row an hour of deadline until then).
  if (options.appeals) {
    await rebuildKeptCounts(db)
    await foldInboxCounts(db, options.now)
  }
  return { officerIds, ownerIds }
}

/**
 * The officers the appeals benches share the appeals among: BENCH_OFFICERS, 200 unless set. Twenty
 * give each officer 50,000 of a million appeals, as 200 do of ten million.
 */
export function benchOfficers(): number {
  const officers = Number(process.env.BENCH_OFFICERS ?? 200)
  if (!Number.isInteger(officers) || officers < 1)
    throw new Error(`BENCH_OFFICERS must be a whole number above 0, not "${process.env.BENCH_OFFICERS}"`)
  return officers
}

export { insertInBatches, prng }
