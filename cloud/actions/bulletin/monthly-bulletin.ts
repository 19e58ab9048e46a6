import type { Bulletin, ParsedInput } from '../../contract'
import { helpGivenTo, HELP_KINDS, type HelpKind } from '../../domain/appeal/help'
import { monthRange, percent, TARGETS } from '../../domain/metrics'
import { listDepartments } from '../../store/repositories/departments'
import { countAppealMetrics, sumHelpDelivered } from '../../store/repositories/metrics'
import { judgedThrough, owedPeriodsByRole } from '../../domain/department-sections'
import { sameMonthLastYear } from '../../domain/ledger/indicators'
import {
  countPlanMilestones,
  countProjects,
  countVisitPairs,
  countVisitsDone,
  listBehindProjects,
  listPresses,
  sumConfirmedHelp,
  sumIndicators,
} from '../../store/repositories/department-sections'
import { visitFrequencyOf } from '../../workflows/visit-frequency'
import { ActionContext } from '../context'
import { addCounts, bulletinRow, NO_COUNTS, rankRows } from '../../views/bulletin-rows'
import { departmentSections, type SectionCounts } from '../../views/department-sections'

/** A rate as the summary reads it out: nothing to count yet is 暂无, not a dash. */
const said = (rate: number | null) => (rate === null ? '暂无' : percent(rate))

/**
 * bulletin.month (一月一通报): for the appeals filed in a month, the town's and each department's
 * figures, departments ranked on the three rates, those below a target named, the help delivered,
 * and a short summary a leader can read out.
 */
export async function monthlyBulletin(ctx: ActionContext, input: ParsedInput<'bulletin.month'>): Promise<Bulletin> {
  const range = monthRange(input.month)
  const now = ctx.clock.now()
  const [groups, help, departments, sectionCounts] = await Promise.all([
    countAppealMetrics(ctx.db, range, now),
    sumHelpDelivered(ctx.db, range),
    listDepartments(ctx.db),
    countSections(ctx, input.month, range, now),
  ])
  const byDepartment = new Map(groups.map((g) => [g.departmentId, g.counts]))
  const rows = rankRows(departments.map((d) => bulletinRow(d.id, d.name, byDepartment.get(d.id) ?? NO_COUNTS)))
  const ranked = rows.filter((r) => r.rank !== null)
  const total = bulletinRow(
    null,
    '全镇',
    groups.reduce((sum, g) => addCounts(sum, g.counts), NO_COUNTS),
  )
  const lagging = rows.filter((r) => r.missed.length > 0)
  const helpLines = help
    .filter((h) => h.kind in HELP_KINDS)
    .map((h) => ({
      ...h,
      label: HELP_KINDS[h.kind as HelpKind].label,
      text: helpGivenTo(h.enterprises, h.kind as HelpKind, h.amount || null),
    }))
  const summary = [
    `${input.month.replace('-', '年')}月共受理企业诉求 ${total.received} 件，响应率 ${said(total.responseRate)}，按期办结率 ${said(total.onTimeRate)}，满意率 ${said(total.satisfactionRate)}，解决率 ${said(total.resolutionRate)}。`,
    ranked.length ? `综合排名第一：${ranked[0].name}。` : '',
    lagging.length
      ? `未达标：${lagging.map((r) => `${r.name}（${r.missed.join('、')}）`).join('；')}，请抓紧整改。`
      : '各部门诉求办理均达到目标。',
    total.overdue ? `目前仍有 ${total.overdue} 件超期未办结，已纳入督办。` : '',
    total.returns.total
      ? `不予受理 ${total.returns.total} 件，督查审核维持 ${total.returns.upheld} 件、退回重办 ${total.returns.overturned} 件${total.returns.pending ? `、待审核 ${total.returns.pending} 件` : ''}。`
      : '',
    total.withdrawn ? `企业撤回 ${total.withdrawn} 件。` : '',
    total.pauses.count ? `因待企业补充暂停计时 ${total.pauses.count} 次，共 ${total.pauses.hours} 小时。` : '',
    total.badRatings || total.rectification.due
      ? `差评 ${total.badRatings} 件，整改率 ${said(total.rectifyRate)}，整改后回访率 ${said(total.followUpRate)}。`
      : '',
    helpLines.length ? `帮扶成效：${helpLines.map((h) => h.text).join('；')}。` : '',
  ]
    .filter(Boolean)
    .join('')
  const sections = rows.map((r) => departmentSections({ id: r.departmentId!, name: r.name }, r.missed, sectionCounts))
  const behind = sections.filter((s) => s.lagging.length > 0)
  const sectionSummary = behind.length
    ? `综合走访、计划节点和重点项目，滞后部门：${behind.map((s) => `${s.name}（${s.lagging.join('、')}）`).join('；')}。`
    : ''
  return {
    month: input.month,
    targets: { ...TARGETS },
    total,
    departments: rows,
    help: helpLines,
    summary: summary + sectionSummary,
    sections,
  }
}

/**
 * The department sections' counts for a month: one grouped query each, side by side, whatever the
 * number of departments.
 */
async function countSections(ctx: ActionContext, month: string, range: { from: number; to: number }, now: number): Promise<SectionCounts> {
  const periods = owedPeriodsByRole(month, await visitFrequencyOf(ctx), now)
  const judged = judgedThrough(month, now)
  const [pairs, visitsDone, milestones, projects, behindProjects, help, indicators, presses] = await Promise.all([
    countVisitPairs(ctx.db),
    countVisitsDone(ctx.db, periods),
    countPlanMilestones(ctx.db, month, judged),
    countProjects(ctx.db, month, range, judged),
    listBehindProjects(ctx.db, judged),
    sumConfirmedHelp(ctx.db, month),
    sumIndicators(ctx.db, month, sameMonthLastYear(month)),
    listPresses(ctx.db, month),
  ])
  return { periods, pairs, visitsDone, milestones, projects, behindProjects, help, indicators, presses }
}
