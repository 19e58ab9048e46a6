import writeXlsxFile, { type SheetData } from 'write-excel-file/node'
import type { Bulletin, BulletinExport, ParsedInput } from '../../contract'
import { percent } from '../../domain/metrics'
import { ActionContext } from '../context'
import { monthlyBulletin } from './monthly-bulletin'

const bold = (value: string) => ({ value, fontWeight: 'bold' as const })
const hours = (value: number | null) => (value === null ? '—' : value.toFixed(1))

/** The bulletin as a workbook sheet: title, summary, the department table, the help delivered. */
export function bulletinSheet(bulletin: Bulletin): SheetData {
  const month = bulletin.month.replace('-', '年') + '月'
  const header = [
    '排名',
    '部门',
    '受理量',
    '已办结',
    '超期未办结',
    '响应率',
    '按期办结率',
    '满意率',
    '解决率',
    '整改率',
    '回访率',
    '不予受理（维持/退回）',
    '撤回',
    '暂停计时（次/小时）',
    '回退率',
    '重办率',
    '平均响应（小时）',
    '平均办结（小时）',
    '未达标项',
  ].map(bold)
  const row = (r: Bulletin['total']) => [
    r.rank ?? '',
    r.name,
    r.received,
    r.resolved,
    r.overdue,
    percent(r.responseRate),
    percent(r.onTimeRate),
    percent(r.satisfactionRate),
    percent(r.resolutionRate),
    percent(r.rectifyRate),
    percent(r.followUpRate),
    `${r.returns.total}（${r.returns.upheld}/${r.returns.overturned}）`,
    r.withdrawn,
    `${r.pauses.count}/${r.pauses.hours}`,
    percent(r.returnRate),
    percent(r.reopenRate),
    hours(r.avgRespondHours),
    hours(r.avgResolveHours),
    r.missed.join('、'),
  ]
  return [
    [bold(`${month}企业诉求办理情况通报`)],
    [
      `目标：响应率 ${percent(bulletin.targets.responseRate)}，按期办结率 ${percent(bulletin.targets.onTimeRate)}，满意率 ${percent(bulletin.targets.satisfactionRate)}`,
    ],
    [bulletin.summary],
    [],
    header,
    ...bulletin.departments.map(row),
    row(bulletin.total),
    [],
    [bold('帮扶成效')],
    ...(bulletin.help.length ? bulletin.help.map((h) => [h.label, h.text]) : [['本月暂无']]),
    [],
    ...sectionRows(bulletin),
  ]
}

const signed = (rate: number | null) => (rate === null ? '—' : `${rate >= 0 ? '+' : ''}${(Math.round(rate * 1000) / 10).toFixed(1)}%`)

/** Each department's sections, one row each, after the appeal table: the same figures the page shows. */
export function sectionRows(bulletin: Bulletin): SheetData {
  const header = [
    '部门',
    '走访（完成/应走访）',
    '走访完成率',
    '计划节点（到期/完成/逾期）',
    '重点项目（总数/滞后）',
    '项目节点（到期/完成）',
    '阶段推进',
    '报送形象进度',
    '滞后项目',
    '帮扶成效（已确认）',
    '指标报送（已报/应报）',
    '产值（万元）',
    '上年同月（万元）',
    '同比（同口径）',
    '预警',
    '滞后项',
    '督办',
  ].map(bold)
  return [
    [bold('各部门分项')],
    header,
    ...bulletin.sections.map((s) => [
      s.name,
      `${s.visits.done}/${s.visits.owed}`,
      percent(s.visits.rate),
      `${s.milestones.due}/${s.milestones.met}/${s.milestones.overdue}`,
      `${s.projects.projects}/${s.projects.behind}`,
      `${s.projects.dueMilestones}/${s.projects.metMilestones}`,
      s.projects.stageMoves,
      s.projects.progressReported,
      s.projects.behindProjects.map((p) => p.name).join('、'),
      s.help.map((h) => h.text).join('；'),
      `${s.indicators.reported}/${s.indicators.enterprises}`,
      s.indicators.revenue ?? '',
      s.indicators.revenueLastYear ?? '',
      signed(s.indicators.revenueChange),
      s.indicators.warnings,
      s.lagging.join('、'),
      s.press ? (s.press.state === 'answered' ? '已反馈' : '已督办') : '',
    ]),
  ]
}

/**
 * bulletin.export: the month's bulletin as an .xlsx file, returned inline (base64, a few kilobytes)
 * so the same answer works on WeChat (saved and opened with openDocument) and in a browser.
 */
export async function exportBulletin(ctx: ActionContext, input: ParsedInput<'bulletin.export'>): Promise<BulletinExport> {
  const bulletin = await monthlyBulletin(ctx, input)
  const buffer = await writeXlsxFile(bulletinSheet(bulletin), {
    sheet: `${input.month}通报`,
    columns: [{ width: 6 }, { width: 28 }, ...Array.from({ length: 16 }, () => ({ width: 12 })), { width: 24 }],
  }).toBuffer()
  return { fileName: `企业诉求办理情况通报-${input.month}.xlsx`, base64: buffer.toString('base64') }
}
