import { z } from 'zod'
import { APPEAL_CATEGORIES } from '../domain/appeal/categories'
import { FREQUENCIES } from '../domain/visit/periods'
import { empty, id, page, text } from './fields'
import { type Area, STAFF, returns } from './spec'

/** The departments and officers staff pick from when they assign or transfer. */
export interface Directory {
  departments: { id: string; name: string }[]
  officers: { id: string; name: string; title: string; departmentId: string }[]
}

export const saveDepartmentInput = z.strictObject({
  /** Without an id, a new department. */
  id: id('部门').optional(),
  name: text('部门名称', 30),
  remit: text('职责', 300),
  sortOrder: z.number().int().min(0).max(999).optional().meta({ title: '排序' }),
})

export const saveRoutingInput = z.strictObject({
  category: z.enum(APPEAL_CATEGORIES, { error: '请选择诉求类别' }).meta({ title: '诉求类别' }),
  departmentId: id('部门'),
})

const frequency = (title: string) => z.enum(FREQUENCIES, { error: '应为 week、month 或 quarter' }).meta({ title })

export const saveVisitFrequencyInput = z.strictObject({
  officer: frequency('驻企特派员走访频次'),
  dept_head: frequency('部门负责人走访频次'),
  leader: frequency('包抓领导走访频次'),
})

export const auditInput = z.strictObject({
  entity: z.enum(['department', 'routing', 'setting', 'staff', 'enterprise', 'binding', 'owner']).optional().meta({ title: '类别' }),
  entityId: id('对象').optional(),
  ...page,
})

export interface DepartmentView {
  id: string
  name: string
  remit: string
  sortOrder: number
  /** Its head(s) (部门负责人), from the staff records. */
  heads: { id: string; name: string }[]
  officers: number
  enterprises: number
  /** The categories routed here first. */
  categories: string[]
}

export interface RoutingRuleView {
  category: string
  department: { id: string; name: string } | null
}

export interface OrgSettings {
  visitFrequency: Record<'officer' | 'dept_head' | 'leader', (typeof FREQUENCIES)[number]>
}

export interface AuditEntryView {
  id: string
  at: number
  actor: { id: string; name: string } | null
  actorRole: string
  entity: string
  entityId: string
  action: string
  summary: string
  before: Record<string, unknown> | null
  after: Record<string, unknown> | null
}

/** 组织：名录、部门、分派规则、走访频次和变更记录 */
export const orgActions = {
  'org.directory': { summary: '部门和特派员名录（交办、转办时选择）', access: STAFF, input: empty, output: returns<Directory>() },
  'org.departments': {
    summary: '部门设置：名称、职责、负责人、人员和企业数、分派来的诉求类别',
    access: ['leader', 'admin'],
    input: empty,
    output: returns<DepartmentView[]>(),
  },
  'org.saveDepartment': {
    summary: '新增或修改部门（名称、职责、排序）',
    access: ['admin'],
    input: saveDepartmentInput,
    output: returns<DepartmentView>(),
  },
  'org.routing': {
    summary: '诉求分派规则：每个类别先交哪个部门',
    access: ['leader', 'admin'],
    input: empty,
    output: returns<RoutingRuleView[]>(),
  },
  'org.saveRouting': {
    summary: '修改一个诉求类别的分派部门，对此后提交的诉求立即生效',
    access: ['admin'],
    input: saveRoutingInput,
    output: returns<RoutingRuleView[]>(),
  },
  'org.settings': {
    summary: '全镇设置：各角色的走访频次',
    access: ['leader', 'admin'],
    input: empty,
    output: returns<OrgSettings>(),
  },
  'org.saveVisitFrequency': {
    summary: '修改各角色的走访频次，立即生效',
    access: ['admin'],
    input: saveVisitFrequencyInput,
    output: returns<OrgSettings>(),
  },
  'org.audit': {
    summary: '变更记录：谁在何时改了组织、人员、企业名录和绑定',
    access: ['admin'],
    input: auditInput,
    output: returns<{ items: AuditEntryView[]; hasMore: boolean }>(),
  },
} satisfies Area<'org'>
