import type { ActionContext } from '../../app/context'
import type { Bulletin, BulletinRow, ParsedInput } from '../../contract'
import { formatHelp, HELP_KINDS, type HelpKind } from '../../domain/appeal/help'
import { missedTargets, monthRange, percent, ratesOf, score, TARGET_LABELS, TARGETS, type MetricCounts } from '../../domain/metrics'
import { listDepartments } from '../../store/repositories/departments'
import { countAppealMetrics, sumHelpDelivered } from '../../store/repositories/metrics'

/** A rate as the summary reads it out: nothing to count yet is 暂无, not a dash. */
const said = (rate: number | null) => (rate === null ? '暂无' : percent(rate))

const EMPTY: MetricCounts = { received: 0, respondedOnTime: 0, resolved: 0, resolvedOnTime: 0, rated: 0, satisfied: 0, returnedOrDisputed: 0, reopened: 0, overdue: 0, respondMsTotal: 0, responded: 0, resolveMsTotal: 0 }

function add(a: MetricCounts, b: MetricCounts): MetricCounts {
  return Object.fromEntries(Object.keys(EMPTY).map((k) => [k, a[k as keyof MetricCounts] + b[k as keyof MetricCounts]])) as unknown as MetricCounts
}

function rowOf(departmentId: string | null, name: string, counts: MetricCounts): BulletinRow {
  const rates = ratesOf(counts)
  return { departmentId, name, received: counts.received, resolved: counts.resolved, overdue: counts.overdue, ...rates, rank: null, missed: missedTargets(rates).map((k) => TARGET_LABELS[k]) }
}

/**
 * bulletin.month (一月一通报): for the appeals filed in a month, the town's and each department's
 * figures, departments ranked on the three rates, those below a target named, the help delivered,
 * and a short summary a leader can read out.
 */
export async function monthlyBulletin(ctx: ActionContext, input: ParsedInput<'bulletin.month'>): Promise<Bulletin> {
  const range = monthRange(input.month)
  const now = ctx.clock.now()
  const [groups, help, departments] = await Promise.all([countAppealMetrics(ctx.db, range, now), sumHelpDelivered(ctx.db, range), listDepartments(ctx.db)])
  const byDepartment = new Map(groups.map((g) => [g.departmentId, g.counts]))
  const rows = departments.map((d) => rowOf(d.id, d.name, byDepartment.get(d.id) ?? EMPTY))
  const ranked = rows.filter((r) => score(r) !== null).sort((a, b) => score(b)! - score(a)! || b.received - a.received)
  ranked.forEach((row, i) => (row.rank = i + 1))
  const total = rowOf(null, '全镇', groups.reduce((sum, g) => add(sum, g.counts), EMPTY))
  const lagging = rows.filter((r) => r.missed.length > 0)
  const helpLines = help
    .filter((h) => h.kind in HELP_KINDS)
    .map((h) => ({ ...h, label: HELP_KINDS[h.kind as HelpKind].label, text: `为 ${h.enterprises} 家企业${formatHelp(h.kind as HelpKind, h.amount || null)}` }))
  const summary = [
    `${input.month.replace('-', '年')}月共受理企业诉求 ${total.received} 件，响应率 ${said(total.responseRate)}，按期办结率 ${said(total.onTimeRate)}，满意率 ${said(total.satisfactionRate)}。`,
    ranked.length ? `综合排名第一：${ranked[0].name}。` : '',
    lagging.length ? `未达标：${lagging.map((r) => `${r.name}（${r.missed.join('、')}）`).join('；')}，请抓紧整改。` : '各部门均达到目标。',
    total.overdue ? `目前仍有 ${total.overdue} 件超期未办结，已纳入督办。` : '',
    helpLines.length ? `帮扶成效：${helpLines.map((h) => h.text).join('；')}。` : '',
  ]
    .filter(Boolean)
    .join('')
  return { month: input.month, targets: { ...TARGETS }, total, departments: rows.sort((a, b) => (a.rank ?? 99) - (b.rank ?? 99)), help: helpLines, summary }
}
