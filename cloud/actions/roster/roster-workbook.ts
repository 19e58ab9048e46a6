import { readSheet } from 'read-excel-file/node'
import writeXlsxFile, { type SheetData } from 'write-excel-file/node'
import type { ParsedInput, RosterImportResult, Workbook } from '../../contract'
import { inZone } from '../../domain/clock'
import { badRequest } from '../../domain/errors'
import { describeProblem, ROSTER_COLUMNS, validateRoster, type Cell, type RosterRow } from '../../domain/onboarding/roster'
import { inTransaction } from '../../store/database'
import { listDepartmentRows } from '../../store/repositories/departments'
import {
  findEnterprisesByCreditCodes,
  insertEnterprise,
  listRosterForExport,
  updateEnterprise,
  type EnterpriseRow,
} from '../../store/repositories/enterprises'
import { findUsersByIds, listRosterPeople, type UserRow } from '../../store/repositories/users'
import { tagsOf } from '../../views/roster-view'
import { changedFields, recordAudit } from '../../workflows/audit'
import { moveWork } from '../../workflows/handover'
import { ActionContext, requireUser } from '../context'
import { newEnterpriseRow, rosterFields } from './manage-roster'

const bold = (value: string) => ({ value, fontWeight: 'bold' as const })
const asText = (value: string) => ({ value, type: String })
const columns = ROSTER_COLUMNS.map((c) => ({ width: c.width }))

async function workbook(sheets: { data: SheetData; sheet: string; columns?: { width: number }[] }[]): Promise<string> {
  return (await writeXlsxFile(sheets).toBuffer()).toString('base64')
}

/** roster.template: the roster's columns, one sheet to fill and one that says how. */
export async function rosterTemplate(): Promise<Workbook> {
  const header = ROSTER_COLUMNS.map((c) => bold(c.required ? `${c.title}` : c.title))
  const notes: SheetData = [
    [bold('列'), bold('是否必填'), bold('怎么填')],
    ...ROSTER_COLUMNS.map((c) => [c.title, c.required ? '必填' : '选填', c.note]),
    [],
    ['每行一家企业，从第 2 行起填写，表头（第 1 行）不要改动。'],
    ['导入时先逐行核对，有一处问题就一行也不写入，并列出每处问题所在的行和列。'],
    ['再次导入同一文件不会重复建档；统一社会信用代码相同的企业按新内容更新。'],
  ]
  return {
    fileName: '企业名录导入模板.xlsx',
    base64: await workbook([
      { data: [header], sheet: '企业名录', columns },
      { data: notes, sheet: '填写说明', columns: [{ width: 18 }, { width: 10 }, { width: 70 }] },
    ]),
  }
}

/** roster.export: the whole roster in the template's columns, so an edited export imports back. */
export async function exportRoster(ctx: ActionContext): Promise<Workbook> {
  const rows = await listRosterForExport(ctx.db)
  // An officer or leader is written by name, or by phone where two share the name (as the import reads them).
  const people = await listRosterPeople(ctx.db)
  const label = (name: string | null, phone: string | null, role: 'officer' | 'leader') =>
    !name ? '' : people.filter((p) => p.role === role && p.name === name).length > 1 ? (phone ?? '') : name
  const data: SheetData = [
    [...ROSTER_COLUMNS.map((c) => bold(c.title)), bold('状态')],
    ...rows.map((r) => [
      asText(r.name),
      asText(r.credit_code),
      asText(r.kind),
      asText(r.industry),
      asText(r.park),
      asText(r.address),
      asText(r.legal_person),
      asText(tagsOf(r.tags).join('、')),
      asText(r.contact_name),
      asText(r.contact_phone),
      asText(label(r.officer_name, r.officer_phone, 'officer')),
      asText(label(r.leader_name, r.leader_phone, 'leader')),
      asText(r.deactivated_at === null ? '在册' : '已停用'),
    ]),
  ]
  return {
    fileName: `企业名录-${inZone(ctx.clock.now()).format('YYYYMMDD')}.xlsx`,
    base64: await workbook([{ data, sheet: '企业名录', columns: [...columns, { width: 8 }] }]),
  }
}

/** What the import would do with one good row. */
type Plan = { row: RosterRow; existing: EnterpriseRow | undefined; changes: ReturnType<typeof changedFields> | null; newOfficer: boolean }

/**
 * roster.import: reads the workbook's first sheet, checks every row (credit code and its check
 * character, kind, officer and leader known, no code twice, nothing missing) and reports every
 * problem by row and column. With `apply` and no problem at all, writes in one transaction: new
 * enterprises added, changed ones updated, the same file again changes nothing. An enterprise
 * whose officer changed is handed over, its open appeals and visits ahead with it.
 */
export async function importRoster(ctx: ActionContext, input: ParsedInput<'roster.import'>): Promise<RosterImportResult> {
  const admin = requireUser(ctx)
  const now = ctx.clock.now()
  const bytes = Buffer.from(input.file, 'base64')
  let sheet: Cell[][]
  try {
    if (bytes.length < 4 || bytes.readUInt32LE(0) !== 0x04034b50) throw new Error('not a zip')
    sheet = (await readSheet(bytes)) as Cell[][]
  } catch {
    throw badRequest('「文件」(file)：读不出这个文件，请上传 .xlsx 格式的表格（可先下载模板填写）', 'file')
  }
  const people = await listRosterPeople(ctx.db)
  const { rows, problems } = validateRoster(sheet, people)
  const existing = new Map(
    (
      await findEnterprisesByCreditCodes(
        ctx.db,
        rows.map((r) => r.creditCode),
      )
    ).map((e) => [e.credit_code, e]),
  )
  const departments = await listDepartmentRows(ctx.db)
  const officerDepartment = new Map(people.map((p) => [p.id, p.department_id]))

  const plans: Plan[] = rows.map((row) => {
    const found = existing.get(row.creditCode)
    const next = { ...rosterFields(row), department_id: officerDepartment.get(row.officerId) ?? null }
    return {
      row,
      existing: found,
      changes: found ? changedFields(found, next) : null,
      newOfficer: found !== undefined && found.officer_id !== row.officerId,
    }
  })
  const result: RosterImportResult = {
    ok: problems.length === 0,
    applied: false,
    problems: problems.map((p) => ({ ...p, text: describeProblem(p) })),
    rows: rows.length + new Set(problems.filter((p) => p.row > 1).map((p) => p.row)).size,
    created: plans.filter((p) => !p.existing).length,
    updated: plans.filter((p) => p.existing && (p.changes || p.newOfficer)).length,
    unchanged: plans.filter((p) => p.existing && !p.changes && !p.newOfficer).length,
    reassigned: plans.filter((p) => p.newOfficer).length,
  }
  if (!input.apply || !result.ok) return result
  // The same file again: nothing to write, not even a line in the audit log.
  if (result.created === 0 && result.updated === 0) return { ...result, applied: true }

  const officers = new Map((await findUsersByIds(ctx.db, [...new Set(rows.map((r) => r.officerId))])).map((u) => [u.id, u]))
  await inTransaction(ctx.db, async (trx) => {
    const audit = []
    for (const plan of plans) {
      const fields = rosterFields(plan.row)
      const officer = officers.get(plan.row.officerId) as UserRow
      if (!plan.existing) {
        const department = departments.find((d) => d.id === officer.department_id)
        const row = newEnterpriseRow(fields, officer, department?.name ?? '', now)
        await insertEnterprise(trx, row)
        audit.push({
          entity: 'enterprise',
          entityId: row.id,
          action: 'import',
          summary: `导入新增企业「${row.name}」（第 ${plan.row.row} 行），驻企特派员 ${officer.name}`,
          after: fields,
        })
      } else if (plan.changes) {
        await updateEnterprise(trx, plan.existing.id, { ...fields, department_id: officer.department_id })
        audit.push({
          entity: 'enterprise',
          entityId: plan.existing.id,
          action: 'import',
          summary: `导入更新企业「${fields.name}」（第 ${plan.row.row} 行）`,
          ...plan.changes,
        })
      }
    }
    await recordAudit(trx, admin, audit, now)
    // New officers take over as a handover: one move per successor.
    for (const [officerId, moving] of groupBy(
      plans.filter((p) => p.newOfficer),
      (p) => p.row.officerId,
    ))
      await moveWork(
        trx,
        admin,
        { successor: officers.get(officerId)!, enterprises: moving.map((p) => p.existing!), reason: '名录导入' },
        now,
      )
    await recordAudit(
      trx,
      admin,
      [
        {
          entity: 'enterprise',
          entityId: 'roster',
          action: 'import',
          summary: `导入企业名录：新增 ${result.created} 家，更新 ${result.updated} 家，未变 ${result.unchanged} 家`,
        },
      ],
      now,
    )
  })
  ctx.log.info('roster imported', { created: result.created, updated: result.updated, unchanged: result.unchanged, by: admin.id })
  return { ...result, applied: true }
}

function groupBy<T>(items: T[], key: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>()
  for (const item of items) groups.set(key(item), [...(groups.get(key(item)) ?? []), item])
  return groups
}
