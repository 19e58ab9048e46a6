import type { AuditEntryView, DepartmentView, OrgSettings, ParsedInput, RoutingRuleView } from '../../contract'
import { APPEAL_CATEGORIES } from '../../domain/appeal/categories'
import { AppError, badRequest, notFound } from '../../domain/errors'
import { FREQUENCY_LABELS } from '../../domain/visit/periods'
import { ROLE_LABELS } from '../../domain/roles'
import { inTransaction } from '../../store/database'
import { newId } from '../../store/ids'
import { listAuditEntries } from '../../store/repositories/audit'
import {
  departmentCounts,
  findDepartmentById,
  findDepartmentByName,
  insertDepartment,
  listDepartmentRows,
  nextDepartmentOrder,
  updateDepartment,
  type DepartmentRow,
} from '../../store/repositories/departments'
import { listRoutingRules, saveRoutingRule } from '../../store/repositories/routing'
import { listStaff } from '../../store/repositories/users'
import { changedFields, recordAudit, saveAuditedSetting } from '../../workflows/audit'
import { VISIT_FREQUENCY_KEY, visitFrequencyOf } from '../../workflows/visit-frequency'
import { ActionContext, requireUser } from '../context'

/** org.departments: each department with its remit, heads, how many officers and enterprises, and what is routed to it. */
export async function listDepartmentViews(ctx: ActionContext): Promise<DepartmentView[]> {
  const [rows, counts, heads, routing] = await Promise.all([
    listDepartmentRows(ctx.db),
    departmentCounts(ctx.db),
    listStaff(ctx.db, {}).then((staff) => staff.filter((s) => s.role === 'dept_head')),
    listRoutingRules(ctx.db),
  ])
  return rows.map((d) => ({
    id: d.id,
    name: d.name,
    remit: d.remit,
    sortOrder: d.sort_order,
    heads: heads.filter((h) => h.department_id === d.id).map((h) => ({ id: h.id, name: h.name })),
    officers: counts.officers.get(d.id) ?? 0,
    enterprises: counts.enterprises.get(d.id) ?? 0,
    categories: APPEAL_CATEGORIES.filter((c) => routing.some((r) => r.category === c && r.department_id === d.id)),
  }))
}

/** org.saveDepartment: a new department, or a changed name, remit or order; audited. */
export async function saveDepartment(ctx: ActionContext, input: ParsedInput<'org.saveDepartment'>): Promise<DepartmentView> {
  const admin = requireUser(ctx)
  const now = ctx.clock.now()
  const sameName = await findDepartmentByName(ctx.db, input.name)
  if (sameName && sameName.id !== input.id) throw badRequest(`「部门名称」(name)：已有名为「${input.name}」的部门`, 'name')
  const id = await inTransaction(ctx.db, async (trx) => {
    if (!input.id) {
      const row: DepartmentRow = {
        id: newId('dept'),
        name: input.name,
        remit: input.remit,
        sort_order: input.sortOrder ?? (await nextDepartmentOrder(trx)),
      }
      await insertDepartment(trx, row)
      await recordAudit(
        trx,
        admin,
        [
          {
            entity: 'department',
            entityId: row.id,
            action: 'add',
            summary: `新增部门「${row.name}」`,
            after: { name: row.name, remit: row.remit },
          },
        ],
        now,
      )
      return row.id
    }
    const existing = await findDepartmentById(trx, input.id)
    if (!existing) throw notFound('没有这个部门')
    const next = { name: input.name, remit: input.remit, sort_order: input.sortOrder ?? existing.sort_order }
    const diff = changedFields(existing, next)
    if (diff) {
      await updateDepartment(trx, existing.id, next)
      await recordAudit(
        trx,
        admin,
        [{ entity: 'department', entityId: existing.id, action: 'update', summary: `修改部门「${next.name}」`, ...diff }],
        now,
      )
    }
    return existing.id
  })
  return (await listDepartmentViews(ctx)).find((d) => d.id === id)!
}

/** org.routing: every category and the department it goes to first (none yet: the enterprise's own department). */
export async function listRouting(ctx: ActionContext): Promise<RoutingRuleView[]> {
  const [rules, departments] = await Promise.all([listRoutingRules(ctx.db), listDepartmentRows(ctx.db)])
  return APPEAL_CATEGORIES.map((category) => {
    const department = departments.find((d) => d.id === rules.find((r) => r.category === category)?.department_id)
    return { category, department: department ? { id: department.id, name: department.name } : null }
  })
}

/** org.saveRouting: a category goes to another department, for every appeal filed from now on; audited. */
export async function saveRouting(ctx: ActionContext, input: ParsedInput<'org.saveRouting'>): Promise<RoutingRuleView[]> {
  const admin = requireUser(ctx)
  const now = ctx.clock.now()
  const department = await findDepartmentById(ctx.db, input.departmentId)
  if (!department) throw badRequest('「部门」(departmentId)：没有这个部门', 'departmentId')
  const before = (await listRouting(ctx)).find((r) => r.category === input.category)?.department ?? null
  if (before?.id !== department.id)
    await inTransaction(ctx.db, async (trx) => {
      await saveRoutingRule(trx, input.category, department.id)
      await recordAudit(
        trx,
        admin,
        [
          {
            entity: 'routing',
            entityId: input.category,
            action: 'update',
            summary: `「${input.category}」类诉求改由${department.name}受理${before ? `（原为${before.name}）` : ''}`,
            before: { departmentId: before?.id ?? null },
            after: { departmentId: department.id },
          },
        ],
        now,
      )
    })
  return listRouting(ctx)
}

/** org.settings: the visit frequency in force (the app's setting over the host's). */
export async function orgSettings(ctx: ActionContext): Promise<OrgSettings> {
  return { visitFrequency: await visitFrequencyOf(ctx) }
}

/** org.saveVisitFrequency: how often each role must visit, for every figure and reminder from now on; audited. */
export async function saveVisitFrequency(ctx: ActionContext, input: ParsedInput<'org.saveVisitFrequency'>): Promise<OrgSettings> {
  const admin = requireUser(ctx)
  const now = ctx.clock.now()
  const before = await visitFrequencyOf(ctx)
  const after = { officer: input.officer, dept_head: input.dept_head, leader: input.leader }
  await saveAuditedSetting(
    ctx.db,
    admin,
    {
      key: VISIT_FREQUENCY_KEY,
      before,
      after,
      summary: `走访频次改为：${(['officer', 'dept_head', 'leader'] as const)
        .map((role) => `${ROLE_LABELS[role]}${FREQUENCY_LABELS[after[role]].replace('本', '每')}`)
        .join('，')}`,
    },
    now,
  )
  return { visitFrequency: after }
}

/** org.audit: the latest changes first. */
export async function listAudit(
  ctx: ActionContext,
  input: ParsedInput<'org.audit'>,
): Promise<{ items: AuditEntryView[]; hasMore: boolean }> {
  const rows = await listAuditEntries(ctx.db, { entity: input.entity, entityId: input.entityId }, input.limit + 1, input.offset)
  const parse = (text: string | null) => {
    if (!text) return null
    try {
      return JSON.parse(text) as Record<string, unknown>
    } catch {
      throw new AppError('INTERNAL', '变更记录读取失败')
    }
  }
  return {
    hasMore: rows.length > input.limit,
    items: rows.slice(0, input.limit).map((r) => ({
      id: r.id,
      at: r.at,
      actor: r.actor_id ? { id: r.actor_id, name: r.actor_name ?? '' } : null,
      actorRole: r.actor_role,
      entity: r.entity,
      entityId: r.entity_id,
      action: r.action,
      summary: r.summary,
      before: parse(r.before),
      after: parse(r.after),
    })),
  }
}
