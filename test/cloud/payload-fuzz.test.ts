import fc from 'fast-check'
import { sql } from 'kysely'
import { z } from 'zod'
import { Caller } from '../../cloud/actions/context'
import { dispatch } from '../../cloud/app/router'
import { actions, type ActionName } from '../../cloud/contract'
import type { Role } from '../../cloud/domain/roles'
import type { Store } from '../../cloud/store/connect'
import { findUserById } from '../../cloud/store/repositories/users'
import { apiAs } from '../support/api'
import { makeServices, makeStore } from '../support/services'
import { furnishTown, town } from '../support/town'

/**
 * Every action's payload, fuzzed from its schema in the contract: a new action is fuzzed the moment
 * it is declared. Payloads are shaped like the schema but any field may be hostile (wrong type,
 * null, nested junk, huge or odd text, SQL and script fragments), extra keys appear and required
 * ones vanish; some payloads are not objects at all. Sent through the router by a seeded user of a
 * role the action allows, none may crash (500), a refusal writes nothing, and a 400 names the field
 * in Chinese. FUZZ_RUNS scales the runs per action; FUZZ_SEED replays a failure.
 */
const RUNS = Number(process.env.FUZZ_RUNS ?? 40)
const SEED = process.env.FUZZ_SEED ? Number(process.env.FUZZ_SEED) : undefined

interface JsonSchema {
  type?: string
  properties?: Record<string, JsonSchema>
  required?: string[]
  enum?: unknown[]
  pattern?: string
  minLength?: number
  maxLength?: number
  minimum?: number
  maximum?: number
  items?: JsonSchema
  minItems?: number
  maxItems?: number
}

const HOSTILE_TEXT = [
  "'; DROP TABLE appeals;--",
  "1' OR '1'='1",
  '" OR ""="',
  '<script>alert(1)</script>',
  '<img src=x onerror=alert(1)>',
  '${process.exit(1)}',
  '{{constructor.constructor("return process")()}}',
  '__proto__',
  'constructor',
  '😀👨‍👩‍👧‍👦🇨🇳',
  '\u202Eمرحبا שלום\u202C 诉求',
  'a\u0000b',
  '\uD800',
  '\u200B\u200D\uFEFF',
  ' ',
  '\t\n\r',
  '',
  '%s%n%x',
  '../../etc/passwd',
  'null',
  'NaN',
  '-1',
  '１３８００００１１１１',
]
const HUGE_TEXT = ['x'.repeat(100_001), '诉'.repeat(20_001), '😀'.repeat(5_000), `${'a'.repeat(64)}' OR 1=1 --`]

/** Text someone might really type, in any script, with emoji, bidi marks and SQL between the words. */
const humanText = fc
  .array(
    fc.oneof(
      fc.constantFrom('诉求', '企业', '用电', '贷款', '😀', '🇨🇳', '\u202E', 'שלום', 'مرحبا', ' ', '，', "'", '--', ';', '<b>'),
      fc.string({ unit: 'grapheme', maxLength: 4 }),
    ),
    { minLength: 1, maxLength: 12 },
  )
  .map((parts) => parts.join(''))

const hostileValue: fc.Arbitrary<unknown> = fc.oneof(
  fc.constant(null),
  fc.constantFrom(...HOSTILE_TEXT, ...HUGE_TEXT),
  humanText,
  fc.oneof(fc.integer(), fc.double(), fc.constantFrom(-1, -0, 1.5, 1e308, 2 ** 53 + 2, Number.MAX_SAFE_INTEGER)),
  fc.boolean(),
  fc.jsonValue({ maxDepth: 3 }),
  fc.constantFrom([], {}, [[[]]], { $gt: '' }, { id: "'; DROP TABLE appeals;--" }, ['<script>'], [null]),
)

/** A calendar day in the months around the seeded clock, so date fields mostly get past parsing. */
const nearDay = fc
  .date({ min: new Date('2025-12-01T00:00:00Z'), max: new Date('2026-06-30T00:00:00Z'), noInvalidDate: true })
  .map((d) => d.toISOString().slice(0, 10))

/** Values found in the seeded store, by field name (`id`, `enterpriseId`, `creditCode` …), to aim payloads at real rows. */
type Known = Map<string, string[]>

/** Makes text fit a field's length after trimming (and the 10 characters descriptions need), keeping what is hostile in it. */
function fit(text: string, min: number, max: number): string {
  const target = min > 0 ? Math.min(max, Math.max(min, 10)) : 0
  let out = text.trim()
  if (out.length < target) out = `${out}诉求内容说明${'办'.repeat(target)}`
  out = out.slice(0, max)
  return out.trim().length < min ? '办'.repeat(min) : out
}

/**
 * A value the schema accepts as far as JSON Schema can say (refinements aside): text full of SQL,
 * markup, emoji and bidi marks but of the right length, real ids, small versions. With `dirty`,
 * every field, however deep, is hostile one time in five.
 */
function valueOf(schema: JsonSchema, key: string, known: Known, dirty: boolean): fc.Arbitrary<unknown> {
  const shaped = shapedValue(schema, key, known, dirty)
  return dirty ? fc.oneof({ weight: 4, arbitrary: shaped }, { weight: 1, arbitrary: hostileValue }) : shaped
}

function shapedValue(schema: JsonSchema, key: string, known: Known, dirty: boolean): fc.Arbitrary<unknown> {
  if (schema.enum) return fc.constantFrom(...schema.enum)
  switch (schema.type) {
    case 'string': {
      const min = schema.minLength ?? 0
      const max = schema.maxLength ?? 200
      const options: fc.Arbitrary<string>[] = []
      if (schema.pattern) {
        options.push(fc.stringMatching(new RegExp(schema.pattern)))
        // Near days the store holds, and days that do not exist at all.
        if (schema.pattern.includes('\\d{4}-\\d{2}-\\d{2}'))
          options.push(nearDay, nearDay, fc.constantFrom('2026-13-45', '2026-02-30', '0000-00-00', '2026-00-10'))
      } else {
        options.push(
          fc
            .oneof(fc.constantFrom(...HOSTILE_TEXT), humanText, fc.string({ unit: 'grapheme', maxLength: 60 }))
            .map((t) => fit(t, min, max)),
        )
      }
      const real = known.get(key) ?? (/(^id|Id|Ids|^ids)$/.test(key) ? known.get('*id') : undefined)
      if (real?.length) options.push(fc.constantFrom(...real), fc.constantFrom(...real))
      return fc.oneof(...options)
    }
    case 'integer':
    case 'number': {
      const min = schema.minimum ?? -1e9
      const max = schema.maximum ?? 1e9
      const small = fc.integer({ min: Math.max(min, 0), max: Math.min(max, 3) })
      const wide =
        schema.type === 'integer'
          ? fc.integer({ min: Math.max(min, -(2 ** 31)), max: Math.min(max, 2 ** 31 - 1) })
          : fc.double({ min, max, noNaN: true })
      return fc.oneof({ weight: 3, arbitrary: small }, { weight: 2, arbitrary: wide }, { weight: 1, arbitrary: fc.constantFrom(min, max) })
    }
    case 'boolean':
      return fc.boolean()
    case 'array':
      return fc.array(valueOf(schema.items ?? {}, key, known, dirty), {
        minLength: schema.minItems ?? 0,
        maxLength: Math.min(schema.maxItems ?? 5, 5),
      })
    case 'object':
      return objectOf(schema, known, dirty)
    default:
      return hostileValue
  }
}

function objectOf(schema: JsonSchema, known: Known, dirty: boolean): fc.Arbitrary<Record<string, unknown>> {
  const properties = schema.properties ?? {}
  const shape = Object.fromEntries(Object.keys(properties).map((k) => [k, valueOf(properties[k], k, known, dirty)]))
  return fc.record(shape, { requiredKeys: schema.required ?? [] })
}

const EXTRA_KEYS = ['__proto__', 'constructor', 'toString', 'role', 'userId', 'openid', '诉求', '😀', "'; DROP TABLE appeals;--"]

/** Sets a key as JSON.parse would, as an own property even when it is `__proto__`. */
function withKey(object: Record<string, unknown>, key: string, value: unknown): Record<string, unknown> {
  const out = { ...object }
  Object.defineProperty(out, key, { value, enumerable: true, configurable: true, writable: true })
  return out
}

/**
 * Payloads for an action: well-formed ones (to reach the handler), one field made hostile, every
 * field possibly hostile, a key dropped, an unknown key added, or no object at all.
 */
function payloadOf(name: ActionName, known: Known): fc.Arbitrary<unknown> {
  const schema = z.toJSONSchema(actions[name].input, { io: 'input' }) as JsonSchema
  const keys = Object.keys(schema.properties ?? {})
  const clean = objectOf(schema, known, false)
  const notAnObject = fc.oneof(
    fc.constantFrom(null, 'payload', 42, true, [], [{}]),
    hostileValue.filter((v) => typeof v !== 'object' || v === null || Array.isArray(v)),
  )
  const kinds: fc.WeightedArbitrary<unknown>[] = [
    { weight: 4, arbitrary: clean },
    { weight: 2, arbitrary: objectOf(schema, known, true) },
    { weight: 1, arbitrary: fc.tuple(clean, fc.constantFrom(...EXTRA_KEYS), hostileValue).map(([o, k, v]) => withKey(o, k, v)) },
    { weight: 1, arbitrary: notAnObject },
  ]
  if (keys.length) {
    kinds.push(
      { weight: 4, arbitrary: fc.tuple(clean, fc.constantFrom(...keys), hostileValue).map(([o, k, v]) => withKey(o, k, v)) },
      {
        weight: 1,
        arbitrary: fc
          .tuple(clean, fc.constantFrom(...keys))
          .map(([o, k]) => Object.fromEntries(Object.entries(o).filter(([key]) => key !== k))),
      },
    )
  }
  return fc.oneof(...kinds)
}

/** The town's people all related to one enterprise (medPack), so staff can see what its owner files. */
const TARGET = town.enterprises.medPack
const SEEDED: Record<Role, string> = {
  owner: TARGET.owner.id,
  officer: TARGET.officer_id,
  dept_head: town.heads.industry.id,
  leader: TARGET.leader_id,
  admin: town.admin.id,
  guest: town.guest.id,
}

const CHINESE = /[\u4e00-\u9fff]/
const NOW = '2026-03-02T09:00:00+08:00'

/** Where an action's `id` points: the tables of its entity (appeal → appeals …), where the name alone does not say. */
const ID_TABLES: Record<string, string[]> = { policy: ['policies'], plan: ['plan_milestones'], expo: ['exhibitions', 'exhibitors'] }

/** Strings of the seeded rows, by column name in camelCase, with every id under `*id` and each table's under `<table>.id`. */
async function knownValues(store: Store, tables: string[]): Promise<Known> {
  const known: Known = new Map()
  const add = (key: string, value: string) => known.set(key, [...new Set([...(known.get(key) ?? []), value])])
  for (const table of tables) {
    const { rows } = await sql<Record<string, unknown>>`select * from ${sql.id(table)} limit 6`.execute(store.db)
    for (const row of rows) {
      for (const [column, value] of Object.entries(row)) {
        if (typeof value !== 'string' || !value || value.length > 64) continue
        if (column === 'id') add(`${table}.id`, value)
        else
          add(
            column.replace(/_([a-z])/g, (_m, c: string) => c.toUpperCase()),
            value,
          )
        if (column === 'id' || column.endsWith('_id')) add('*id', value)
      }
    }
  }
  return known
}

/** The known values as one action sees them: its `id` is one of its own entity's. */
function knownFor(name: ActionName, known: Known): Known {
  const prefix = name.split('.')[0]
  const tables = ID_TABLES[prefix] ?? [...known.keys()].filter((k) => k.startsWith(prefix) && k.endsWith('.id')).map((k) => k.slice(0, -3))
  const own = tables.flatMap((t) => known.get(`${t}.id`) ?? [])
  return own.length ? new Map([...known, ['id', own]]) : known
}

describe('payload fuzzing of every action', () => {
  let store: Store
  let tables: string[]
  let known: Known

  beforeAll(async () => {
    // The lived-in town (slots, visits, plans …), so that real ids lead somewhere.
    store = await makeStore({ now: NOW })
    await furnishTown(store.db, Date.parse(NOW))
    const { services } = makeServices(store, { now: NOW })
    const api = apiAs(services)
    // A few appeals in motion, so ids and versions in payloads can name real ones.
    for (const n of [1, 2, 3]) {
      const appeal = await api.call(SEEDED.owner, 'appeal.create', {
        clientRequestId: `fuzz-seed-${n}`,
        category: '融资',
        title: `续贷诉求${n}`,
        description: '一笔贷款下月到期，希望协调银行续贷。',
        contactName: TARGET.owner.name,
        contactPhone: TARGET.owner.phone,
      })
      if (n > 1)
        await api.call(SEEDED.officer, 'appeal.accept', {
          id: appeal.id,
          version: appeal.version,
          publicSummary: '企业诉求已受理，正在协调办理',
        })
    }
    const found = await store.db.introspection.getTables()
    tables = [...new Set(found.filter((t) => !store.schema || t.schema === store.schema).map((t) => t.name))].filter(
      (t) => !t.startsWith('kysely_'),
    )
    known = await knownValues(store, tables)
    const catalogue = (await api.call(SEEDED.owner, 'service.list', {})).groups.flatMap((g) => g.items.map((i) => i.id))
    known.set('serviceItemId', catalogue)
    known.set('service_items.id', catalogue)
  })
  afterAll(() => store.close())

  /**
   * Row counts of every table in one query: a refusal must leave all of them as they were. All but
   * the attempt counters: counting a try that is refused (a wrong binding or invitation code) is what
   * they are for, and they are written outside the refused change on purpose (onboarding.test.ts).
   */
  async function counts(): Promise<Record<string, number>> {
    const columns = tables.filter((t) => t !== 'attempt_counters').map((t) => sql`(select count(*) from ${sql.id(t)}) as ${sql.id(t)}`)
    const { rows } = await sql<Record<string, number>>`select ${sql.join(columns)}`.execute(store.db)
    return Object.fromEntries(Object.entries(rows[0]).map(([t, n]) => [t, Number(n)]))
  }

  const names = Object.keys(actions) as ActionName[]

  it('knows every table and has real values to aim with', () => {
    expect(tables).toEqual(expect.arrayContaining(['appeals', 'appeal_events', 'users', 'enterprises', 'policies', 'outbox']))
    expect(known.get('*id')).toEqual(expect.arrayContaining([TARGET.id]))
    expect(knownFor('appeal.get', known).get('id')?.length).toBeGreaterThanOrEqual(3)
  })

  it.each(names)('%s', async (name) => {
    const { services, log } = makeServices(store, { now: NOW })
    const access = actions[name].access
    const roles = access === 'public' ? ([null] as const) : access
    const users = new Map(
      await Promise.all(roles.map(async (role) => [role, role && (await findUserById(store.db, SEEDED[role]))] as const)),
    )
    const schema = z.toJSONSchema(actions[name].input, { io: 'input' }) as JsonSchema
    const fields = new Set(Object.keys(schema.properties ?? {}))

    const result = await fc.check(
      fc.asyncProperty(fc.constantFrom(...roles), payloadOf(name, knownFor(name, known)), async (role, payload) => {
        const user = users.get(role)
        const caller: Caller = user ? { kind: 'user', user } : { kind: 'anonymous' }
        const before = await counts()
        const reply = await dispatch(services, caller, name, payload)
        const errors = log.lines.filter((l) => l.level === 'error')
        if (reply.status >= 500) throw new Error(`${reply.status} as ${role}: ${JSON.stringify(errors.at(-1)?.fields).slice(0, 2000)}`)
        if (reply.body.ok) return
        const { message, field } = reply.body.error
        expect(message).toMatch(CHINESE)
        expect(await counts()).toEqual(before)
        if (reply.status === 400 && typeof payload === 'object' && payload !== null && !Array.isArray(payload)) {
          // The field is one the action takes, or the unknown one the caller sent.
          expect(field).toEqual(expect.any(String))
          const top = field!.split('.')[0]
          expect(fields.has(top) || Object.prototype.hasOwnProperty.call(payload, top)).toBe(true)
        }
      }),
      { numRuns: RUNS, seed: SEED, endOnFailure: true },
    )
    if (result.failed) {
      // fast-check's own report prints whole counterexamples, which can be 100 000 characters long.
      const example = JSON.stringify(result.counterexample, (_k, v: unknown) =>
        typeof v === 'string' && v.length > 80 ? `${v.slice(0, 80)}…(${v.length})` : v,
      )
      const cause = result.errorInstance instanceof Error ? result.errorInstance.message : String(result.errorInstance)
      throw new Error(`FUZZ_SEED=${result.seed} (path ${result.counterexamplePath}): ${example}\n${cause.slice(0, 3000)}`)
    }
  })
})

describe('what fuzzing found, kept as plain cases', () => {
  let store: Store
  beforeAll(async () => {
    store = await makeStore()
  })
  afterAll(() => store.close())
  const fail = (userId: string, action: ActionName, payload: unknown) => apiAs(makeServices(store).services).fail(userId, action, payload)

  it.each(['constructor', '__proto__', 'toString'])('an unknown key named %s is a 400 naming it, not a 500', async (key) => {
    const payload = JSON.parse(`{"id": "ap-1", "${key}": 1}`)
    const reply = await fail(SEEDED.owner, 'appeal.get', payload)
    expect(reply).toMatchObject({
      status: 400,
      body: { error: { code: 'BAD_REQUEST', field: key, message: `字段 ${key}：不是此操作接受的字段` } },
    })
  })

  it('a NUL character, which PostgreSQL cannot store, is a 400 naming its field on either store, and nothing is written', async () => {
    const appeal = {
      clientRequestId: 'nul-00000001',
      category: '融资',
      title: '续贷\u0000',
      description: '一笔贷款下月到期，希望协调银行续贷。',
      contactName: TARGET.owner.name,
      contactPhone: TARGET.owner.phone,
    }
    const reply = await fail(SEEDED.owner, 'appeal.create', appeal)
    expect(reply).toMatchObject({
      status: 400,
      body: { error: { field: 'title', message: '「诉求标题」(title)：含有无法识别的控制字符，请删除后再提交' } },
    })
    expect(await store.db.selectFrom('appeals').select('id').execute()).toEqual([])
    const nested = await fail(SEEDED.officer, 'message.read', { ids: ['m-1', 'm-\u0000'] })
    expect(nested).toMatchObject({ status: 400, body: { error: { field: 'ids.1' } } })
  })

  it('enterprise.assign with nothing to change is a 400, not an empty UPDATE', async () => {
    const reply = await fail(SEEDED.admin, 'enterprise.assign', { enterpriseId: town.enterprises.grainFoods.id })
    expect(reply).toMatchObject({ status: 400, body: { error: { code: 'BAD_REQUEST', field: 'officerId' } } })
  })
})
