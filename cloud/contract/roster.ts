import { z } from 'zod'
import { ENTERPRISE_KINDS, ENTERPRISE_TAGS } from '../domain/policy-match'
import type { Page } from './common'
import { creditCode, empty, id, optionalText, page, text } from './fields'
import { type Area, STAFF, returns } from './spec'

export const listRosterInput = z.strictObject({
  /** Part of the name or of the credit code. */
  query: z.string().trim().max(40, '搜索词不能超过 40 个字').optional().meta({ title: '搜索词' }),
  status: z.enum(['active', 'deactivated', 'all']).default('active').meta({ title: '状态' }),
  /** Admins and leaders may look at one officer's enterprises. */
  officerId: id('驻企特派员').optional(),
  ...page,
})

const mobile = z
  .string()
  .trim()
  .regex(/^(1\d{10})?$/, '请填写 11 位手机号')
  .default('')
  .meta({ title: '联系人手机' })

export const saveEnterpriseInput = z.strictObject({
  /** Without an id, a new enterprise. */
  id: id('企业').optional(),
  name: text('企业名称', 60),
  creditCode,
  kind: z.enum(ENTERPRISE_KINDS, { error: '请选择企业类型' }).meta({ title: '企业类型' }),
  industry: text('行业', 20),
  park: text('园区或道路', 30),
  address: optionalText('详细地址', 60),
  legalPerson: optionalText('法定代表人', 20),
  tags: z.array(z.enum(ENTERPRISE_TAGS)).max(ENTERPRISE_TAGS.length).default([]).meta({ title: '资质' }),
  contactName: optionalText('联系人', 20),
  contactPhone: mobile,
  officerId: id('驻企特派员'),
  leaderId: id('包抓领导').optional(),
})

export const setEnterpriseActiveInput = z.strictObject({
  id: id('企业'),
  active: z.boolean().meta({ title: '是否在册' }),
})

export const importRosterInput = z.strictObject({
  /** The .xlsx file, base64 (a few kilobytes for a town; at most about 700 KB). */
  file: z.string().min(1, '请选择要导入的 .xlsx 文件').max(1_000_000, '文件过大：请分成几个文件导入').meta({ title: '文件' }),
  /** False: only check, and say what would change; true: write, if every row is good. */
  apply: z.boolean().default(false).meta({ title: '是否写入' }),
})

export const assignRosterInput = z.strictObject({
  enterpriseIds: z.array(id('企业')).min(1, '请至少选择一家企业').max(500, '一次最多调整 500 家企业').meta({ title: '企业' }),
  officerId: id('驻企特派员'),
  note: optionalText('调整说明', 200),
})

/** One enterprise of the roster as the admin pages show it. */
export interface RosterEnterprise {
  id: string
  name: string
  creditCode: string
  kind: string
  industry: string
  park: string
  address: string
  legalPerson: string
  tags: string[]
  contactName: string
  contactPhone: string
  officer: { id: string; name: string } | null
  leader: { id: string; name: string } | null
  department: { id: string; name: string } | null
  active: boolean
  /** How many owners have bound their WeChat to it, and how many wait for approval. */
  owners: number
  pendingOwners: number
}

/** A problem in a workbook, where it is. */
export interface RosterProblemView {
  row: number
  column: string | null
  letter: string | null
  message: string
  /** The whole line, as a person reads it: 第 3 行 B 列「统一社会信用代码」：校验位不正确. */
  text: string
}

export interface RosterImportResult {
  /** Every row is good. */
  ok: boolean
  /** Whether this call wrote (apply, and ok). */
  applied: boolean
  problems: RosterProblemView[]
  rows: number
  created: number
  updated: number
  unchanged: number
  /** Enterprises whose officer changed: their open appeals and visits moved as a handover moves them. */
  reassigned: number
}

export interface Workbook {
  fileName: string
  base64: string
}

/** 企业名录：增改、停用、导入导出、批量包保 */
export const rosterActions = {
  'roster.list': {
    summary: '企业名录：特派员看自己包保的，部门负责人看本部门的，领导和管理员看全部',
    access: STAFF,
    input: listRosterInput,
    output: returns<Page<RosterEnterprise>>(),
  },
  'roster.save': {
    summary: '新增或修改一家企业（更换特派员时，其在办诉求和走访一并交接）',
    access: ['admin'],
    input: saveEnterpriseInput,
    output: returns<RosterEnterprise>(),
  },
  'roster.setActive': {
    summary: '停用或恢复一家企业：停用后不能绑定，不计入走访达标',
    access: ['admin'],
    input: setEnterpriseActiveInput,
    output: returns<RosterEnterprise>(),
  },
  'roster.template': {
    summary: '下载企业名录导入模板（.xlsx）',
    access: ['admin'],
    input: empty,
    output: returns<Workbook>(),
  },
  'roster.import': {
    summary: '从 .xlsx 导入企业名录：先逐行核对，有一处问题就一行也不写；重复导入不重复建档',
    access: ['admin'],
    input: importRosterInput,
    output: returns<RosterImportResult>(),
  },
  'roster.export': {
    summary: '导出企业名录（.xlsx，与导入模板同样的列）',
    access: ['leader', 'admin'],
    input: empty,
    output: returns<Workbook>(),
  },
  'roster.assign': {
    summary: '批量包保：把一批企业一次交给一名特派员（在办诉求和走访随企业交接）',
    access: ['admin', 'dept_head'],
    input: assignRosterInput,
    output: returns<{ moved: number; appeals: number; visits: number }>(),
  },
} satisfies Area<'roster'>
