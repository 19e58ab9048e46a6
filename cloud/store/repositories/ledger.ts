import { sql, type Insertable, type Kysely, type Selectable } from 'kysely'
import { figureOf } from '../../domain/ledger/indicators'
import type { Database } from '../database'
import type { HelpEntriesTable, IndicatorReportsTable, WarningTasksTable } from '../tables/ledger'

export type HelpEntryRow = Selectable<HelpEntriesTable>
export type IndicatorReportRow = Selectable<IndicatorReportsTable>
export type WarningTaskRow = Selectable<WarningTasksTable>

/**
 * Which enterprises a caller reaches, as the store filters them: one enterprise (an owner's own, or
 * one a staff member named), an officer's, a department's, or the whole town.
 */
export type EnterpriseScope = { enterpriseId: string } | { officerId: string } | { departmentId: string } | { town: true }

/** The scope as one condition on the enterprises, as `e` unless named (the ledger's lists and 政策兑现 share it). */
export function inScope(scope: EnterpriseScope, enterprises: 'e' | 'enterprises' = 'e') {
  const column = (name: string) => sql.ref(`${enterprises}.${name}`)
  if ('enterpriseId' in scope) return sql<boolean>`${column('id')} = ${scope.enterpriseId}`
  if ('officerId' in scope) return sql<boolean>`${column('officer_id')} = ${scope.officerId}`
  if ('departmentId' in scope) return sql<boolean>`${column('department_id')} = ${scope.departmentId}`
  return sql<boolean>`1 = 1`
}

// ——— help ledger ———

export async function insertHelpEntries(db: Kysely<Database>, rows: Insertable<HelpEntriesTable>[]): Promise<void> {
  if (rows.length) await db.insertInto('help_entries').values(rows).execute()
}

export function findHelpEntryById(db: Kysely<Database>, id: string): Promise<HelpEntryRow | undefined> {
  return db.selectFrom('help_entries').selectAll().where('id', '=', id).executeTakeFirst()
}

export function listHelpEntriesOfEvent(db: Kysely<Database>, eventId: string) {
  return db
    .selectFrom('help_entries as h')
    .innerJoin('enterprises as e', 'e.id', 'h.enterprise_id')
    .selectAll('h')
    .select('e.name as enterprise_name')
    .where('h.event_id', '=', eventId)
    .orderBy('e.name')
    .execute()
}

/** A page of the ledger in a scope, newest help first, with the total. */
export async function listHelpEntries(
  db: Kysely<Database>,
  scope: EnterpriseScope,
  filter: { state?: string; limit: number; offset: number },
) {
  let base = db.selectFrom('help_entries as h').innerJoin('enterprises as e', 'e.id', 'h.enterprise_id').where(inScope(scope))
  if (filter.state) base = base.where('h.state', '=', filter.state as HelpEntryRow['state'])
  const [rows, total] = await Promise.all([
    base
      .selectAll('h')
      .select('e.name as enterprise_name')
      .orderBy('h.given_on', 'desc')
      .orderBy('h.recorded_at', 'desc')
      .orderBy('h.id')
      .limit(filter.limit)
      .offset(filter.offset)
      .execute(),
    base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ])
  return { rows, total: Number(total.n) }
}

/** Records the enterprise's answer, only from the state the caller saw: answers whether it applied. */
export async function answerHelpEntry(
  db: Kysely<Database>,
  id: string,
  from: HelpEntryRow['state'],
  answer: { state: HelpEntryRow['state']; by: string; at: number; reason: string | null },
): Promise<boolean> {
  const result = await db
    .updateTable('help_entries')
    .set({ state: answer.state, answered_by: answer.by, answered_at: answer.at, dispute_reason: answer.reason })
    .where('id', '=', id)
    .where('state', '=', from)
    .executeTakeFirst()
  return Number(result.numUpdatedRows) === 1
}

// ——— indicators ———

export function findIndicatorReport(db: Kysely<Database>, enterpriseId: string, month: string): Promise<IndicatorReportRow | undefined> {
  return db
    .selectFrom('indicator_reports')
    .selectAll()
    .where('enterprise_id', '=', enterpriseId)
    .where('month', '=', month)
    .executeTakeFirst()
}

/** One report per enterprise and month: a second one for the month replaces the figures. */
export async function upsertIndicatorReport(db: Kysely<Database>, row: Insertable<IndicatorReportsTable>): Promise<void> {
  await db
    .insertInto('indicator_reports')
    .values(row)
    .onConflict((oc) =>
      oc.columns(['enterprise_id', 'month']).doUpdateSet({
        revenue: row.revenue,
        employees: row.employees,
        tax: row.tax,
        orders: row.orders,
        power: row.power,
        situation: row.situation,
        reported_by: row.reported_by,
        updated_at: row.updated_at,
      }),
    )
    .execute()
}

/** An enterprise's reports in [fromMonth, toMonth], oldest first. */
export function listIndicatorReports(db: Kysely<Database>, enterpriseId: string, range: { from: string; to: string }) {
  return db
    .selectFrom('indicator_reports')
    .selectAll()
    .where('enterprise_id', '=', enterpriseId)
    .where('month', '>=', range.from)
    .where('month', '<=', range.to)
    .orderBy('month')
    .execute()
}

/** The month's reports of one industry's active firms. */
export function listIndustryReports(db: Kysely<Database>, industry: string, month: string) {
  return db
    .selectFrom('indicator_reports as r')
    .innerJoin('enterprises as e', 'e.id', 'r.enterprise_id')
    .select(['r.enterprise_id', 'r.orders'])
    .where('e.industry', '=', industry)
    .where('e.deactivated_at', 'is', null)
    .where('r.month', '=', month)
    .execute()
}

/**
 * The town's month by industry or park, largest 产值 first: how many firms reported, the sums of each
 * figure (null where none of them gave it: a town may not ask for it), how many are short of
 * orders; and 产值 like for like, over the firms that gave it this month and in the same month of
 * `lastYear`.
 */
export async function sumIndicatorsBy(db: Kysely<Database>, by: 'industry' | 'park', month: string, lastYear: string) {
  const column = by === 'industry' ? 'e.industry' : 'e.park'
  const rows = await db
    .selectFrom('indicator_reports as r')
    .innerJoin('enterprises as e', 'e.id', 'r.enterprise_id')
    .leftJoin('indicator_reports as ly', (j) => j.onRef('ly.enterprise_id', '=', 'r.enterprise_id').on('ly.month', '=', lastYear))
    .where('r.month', '=', month)
    .select([
      `${column} as group`,
      sql<number>`count(*)`.as('firms'),
      // sum() over no figure is null on both databases: "not reported", never a zero.
      sql<number | null>`sum(r.revenue)`.as('revenue'),
      sql<number | null>`sum(r.employees)`.as('employees'),
      sql<number | null>`sum(r.tax)`.as('tax'),
      sql<number | null>`sum(case when r.orders = 'short' then 1 when r.orders is not null then 0 end)`.as('short_orders'),
      sql<number | null>`sum(case when ly.revenue is not null then r.revenue end)`.as('comparable'),
      sql<number | null>`sum(case when r.revenue is not null then ly.revenue end)`.as('comparable_last_year'),
    ])
    .groupBy(column)
    // Largest 产值 first; the name breaks ties, a firm without one last (no collation decides the order).
    .orderBy(sql`coalesce(sum(r.revenue), 0)`, 'desc')
    .orderBy(sql`coalesce(${sql.ref(column)}, '')`)
    .execute()
  return rows.map((r) => ({
    group: r.group ?? '',
    firms: Number(r.firms),
    revenue: figureOf(r.revenue),
    employees: figureOf(r.employees),
    tax: figureOf(r.tax),
    shortOrders: figureOf(r.short_orders),
    revenueComparable: figureOf(r.comparable),
    revenueComparableLastYear: figureOf(r.comparable_last_year),
  }))
}

// ——— warning tasks ———

/** Opens a task unless the enterprise already has one for the month: answers whether it opened. */
export async function openWarningTask(db: Kysely<Database>, row: Insertable<WarningTasksTable>): Promise<boolean> {
  const inserted = await db
    .insertInto('warning_tasks')
    .values(row)
    .onConflict((oc) => oc.columns(['enterprise_id', 'month']).doNothing())
    .returning('id')
    .execute()
  return inserted.length === 1
}

export function findWarningTaskById(db: Kysely<Database>, id: string): Promise<WarningTaskRow | undefined> {
  return db.selectFrom('warning_tasks').selectAll().where('id', '=', id).executeTakeFirst()
}

export async function listWarningTasks(
  db: Kysely<Database>,
  scope: EnterpriseScope,
  filter: { state?: string; limit: number; offset: number },
) {
  let base = db.selectFrom('warning_tasks as w').innerJoin('enterprises as e', 'e.id', 'w.enterprise_id').where(inScope(scope))
  if (filter.state) base = base.where('w.state', '=', filter.state as WarningTaskRow['state'])
  const [rows, total] = await Promise.all([
    base
      .selectAll('w')
      .select('e.name as enterprise_name')
      .orderBy('w.opened_at', 'desc')
      .orderBy('w.id')
      .limit(filter.limit)
      .offset(filter.offset)
      .execute(),
    base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ])
  return { rows, total: Number(total.n) }
}

/** Closes an open task: answers whether it was still open. */
export async function closeWarningTask(db: Kysely<Database>, id: string, close: { by: string; at: number; note: string }) {
  const result = await db
    .updateTable('warning_tasks')
    .set({ state: 'closed', closed_by: close.by, closed_at: close.at, close_note: close.note })
    .where('id', '=', id)
    .where('state', '=', 'open')
    .executeTakeFirst()
  return Number(result.numUpdatedRows) === 1
}

/** How many of these uploads the person made: evidence must be the recorder's own files. */
export async function countOwnUploads(db: Kysely<Database>, ownerId: string, ids: string[]): Promise<number> {
  if (!ids.length) return 0
  const row = await db
    .selectFrom('uploads')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('owner_id', '=', ownerId)
    .where('id', 'in', ids)
    .executeTakeFirstOrThrow()
  return Number(row.n)
}

// ——— month-end reminder and the late list ———

/** Active enterprises in scope with no report for the month, with their officer's and department's names. */
export function listUnreported(db: Kysely<Database>, scope: EnterpriseScope, month: string) {
  return db
    .selectFrom('enterprises as e')
    .leftJoin('users as o', 'o.id', 'e.officer_id')
    .leftJoin('departments as d', 'd.id', 'e.department_id')
    .where(inScope(scope))
    .where('e.deactivated_at', 'is', null)
    .where(({ not, exists, selectFrom }) =>
      not(
        exists(selectFrom('indicator_reports as r').select('r.id').whereRef('r.enterprise_id', '=', 'e.id').where('r.month', '=', month)),
      ),
    )
    .select(['e.id', 'e.name', 'o.name as officer_name', 'd.name as department_name'])
    .orderBy('e.name')
    .orderBy('e.id')
    .limit(1000)
    .execute()
}

/**
 * The owners of unreported enterprises not yet reminded for the month (no message with the
 * reminder's key): what the sweep sends, so a run after the first finds nobody.
 */
export function listOwnersToRemind(db: Kysely<Database>, month: string, dedupePrefix: string) {
  return db
    .selectFrom('users as u')
    .innerJoin('enterprises as e', 'e.id', 'u.enterprise_id')
    .where('u.role', '=', 'owner')
    .where('u.deactivated_at', 'is', null)
    .where('e.deactivated_at', 'is', null)
    .where(({ not, exists, selectFrom }) =>
      not(
        exists(selectFrom('indicator_reports as r').select('r.id').whereRef('r.enterprise_id', '=', 'e.id').where('r.month', '=', month)),
      ),
    )
    .where(({ not, exists, selectFrom }) =>
      not(
        exists(
          selectFrom('messages as m')
            .select('m.id')
            .whereRef('m.user_id', '=', 'u.id')
            .where('m.dedupe_key', '=', sql<string>`${dedupePrefix} || e.id`),
        ),
      ),
    )
    .select(['u.id as user_id', 'e.id as enterprise_id', 'e.name as enterprise_name'])
    .orderBy('e.id')
    .orderBy('u.id')
    .execute()
}

/** Which of these enterprises' owners were reminded of the month (by the reminder's key). */
export async function listRemindedEnterprises(db: Kysely<Database>, keys: string[]): Promise<Set<string>> {
  if (keys.length === 0) return new Set()
  const rows = await db.selectFrom('messages').select('dedupe_key').distinct().where('dedupe_key', 'in', keys).execute()
  return new Set(rows.map((r) => r.dedupe_key))
}
