import type { MonthlyTopic, ParsedInput, TopicCandidate } from '../../contract'
import { beijingMoment, inZone } from '../../domain/clock'
import { AppError, badRequest } from '../../domain/errors'
import { monthRange } from '../../domain/metrics'
import { notify } from '../../notify/notify'
import { inTransaction } from '../../store/database'
import { newId } from '../../store/ids'
import { findAppealById } from '../../store/repositories/appeals'
import { listDepartments } from '../../store/repositories/departments'
import {
  countTopicAppeals,
  hasTopicFor,
  insertTopic,
  listEnterpriseNamesOf,
  listHotspots,
  listLatestTopics,
  listSharedGroups,
} from '../../store/repositories/topics'
import { listHeadIds } from '../../store/repositories/users'
import { decideFor } from '../../access/appeal-relations'
import { applyMove, userActor } from '../../workflows/appeal-transition'
import { ActionContext, requireUser } from '../context'

/** A group needs at least two enterprises, a hot spot three, to be a shared problem rather than one firm's. */
const GROUP_MIN = 2
const HOTSPOT_MIN = 3
const SHOWN = 8
/** How many of the enterprises a candidate touches are named. */
const NAMED = 10

/**
 * topic.candidates (每月一题): the month's most widely shared problems. First the groups staff
 * linked (问题汇聚, appeal.link), then the category × department hot spots among appeals not yet in a
 * group; each with how many enterprises it touches, most first, and the enterprises' names.
 */
export async function topicCandidates(ctx: ActionContext, input: ParsedInput<'topic.candidates'>): Promise<TopicCandidate[]> {
  const range = monthRange(input.month)
  const [groups, hotspots, departments] = await Promise.all([
    listSharedGroups(ctx.db, range, GROUP_MIN, SHOWN),
    listHotspots(ctx.db, range, HOTSPOT_MIN, SHOWN),
    listDepartments(ctx.db),
  ])
  const departmentOf = (id: string | null) => {
    const d = departments.find((x) => x.id === id)
    return d ? { id: d.id, name: d.name } : null
  }

  const fromGroups = await Promise.all(
    groups.map(async (g): Promise<TopicCandidate> => {
      const lead = (await findAppealById(ctx.db, g.group_id!))!
      return {
        key: `group:${lead.id}`,
        title: lead.title,
        category: lead.category,
        department: departmentOf(lead.department_id),
        appeals: Number(g.appeals),
        open: Number(g.open),
        enterpriseCount: Number(g.enterprises),
        enterprises: await listEnterpriseNamesOf(ctx.db, { groupId: lead.id }, NAMED),
        linked: true,
      }
    }),
  )
  const fromHotspots = await Promise.all(
    hotspots.map(async (h): Promise<TopicCandidate> => {
      const department = departmentOf(h.department_id)
      return {
        key: `category:${h.category}|${h.department_id ?? ''}`,
        title: `${h.category}问题${department ? `（${department.name}）` : ''}`,
        category: h.category,
        department,
        appeals: Number(h.appeals),
        open: Number(h.open),
        enterpriseCount: Number(h.enterprises),
        enterprises: await listEnterpriseNamesOf(ctx.db, { range, category: h.category, departmentId: h.department_id }, NAMED),
        linked: false,
      }
    }),
  )
  return [...fromGroups, ...fromHotspots]
    .sort((a, b) => b.enterpriseCount - a.enterpriseCount || Number(b.linked) - Number(a.linked))
    .slice(0, SHOWN)
}

/**
 * topic.assign: a leader makes one shared problem the month's topic (每月一题) and gives it to a task
 * force led by a department, to settle by the end of the next month. A linked group's lead appeal is
 * pressed (领导督办) with the leader's words, so its handler and head hear it where they work; the
 * task force's head is told in any case. One topic a month.
 */
export async function assignTopic(ctx: ActionContext, input: ParsedInput<'topic.assign'>): Promise<MonthlyTopic> {
  const user = requireUser(ctx)
  const now = ctx.clock.now()
  const candidate = (await topicCandidates(ctx, { month: input.month })).find((c) => c.key === input.key)
  if (!candidate) throw badRequest('「问题」(key)：这个月没有这项共性问题，请从列表中选择', 'key')
  const departments = await listDepartments(ctx.db)
  if (!departments.some((d) => d.id === input.departmentId)) throw badRequest('「牵头部门」(departmentId)：没有这个部门', 'departmentId')
  const leadId = candidate.key.startsWith('group:') ? candidate.key.slice('group:'.length) : null
  const dueOn = inZone(monthRange(input.month).to).endOf('month').format('YYYY-MM-DD')
  const id = newId('topic')

  try {
    await inTransaction(ctx.db, async (trx) => {
      await insertTopic(trx, {
        id,
        month: input.month,
        title: input.title || candidate.title,
        lead_appeal_id: leadId,
        category: candidate.category,
        source_department_id: candidate.department?.id ?? null,
        department_id: input.departmentId,
        note: input.note,
        due_on: dueOn,
        created_by: user.id,
        created_at: now,
      })
      const heads = await listHeadIds(trx, input.departmentId)
      await notify(
        trx,
        heads.map((headId) => ({
          userId: headId,
          kind: 'topic.assign',
          title: `每月一题：${input.title || candidate.title}`,
          body: `涉及 ${candidate.enterpriseCount} 家企业，请牵头组建专班，${dueOn} 前解决。${input.note}`,
          link: leadId ? `/pages/appeal-detail/index?id=${encodeURIComponent(leadId)}` : '/packageOfficer/pages/workbench/index',
          dedupeKey: `topic:${id}`,
          template: 'appeal_task',
          fields: { title: input.title || candidate.title, task: '每月一题：牵头组建专班', due: `${dueOn} 24:00` },
        })),
        now,
      )
      // The group's lead appeal is pressed in the same transaction: the topic and its 督办 stand or fall together.
      const lead = leadId ? await findAppealById(trx, leadId) : undefined
      if (lead && decideFor(lead, user, 'supervise').ok) {
        await applyMove(
          trx,
          userActor(user),
          lead,
          {
            action: 'supervise',
            version: lead.version,
            note: `列为${input.month.replace('-', '年')}月“每月一题”：${input.note || '请专班牵头解决'}`,
            data: { topicId: id },
          },
          now,
        )
      }
    })
  } catch (error) {
    if (!(error instanceof AppError) && (await hasTopicFor(ctx.db, input.month)))
      throw new AppError('CONFLICT', `${input.month} 已经确定了每月一题`)
    throw error
  }
  return (await listTopics(ctx, { limit: 24 })).find((t) => t.id === id)!
}

/** topic.list: the topics, newest month first, each with how far its appeals have come. */
export async function listTopics(ctx: ActionContext, input: ParsedInput<'topic.list'>): Promise<MonthlyTopic[]> {
  const now = ctx.clock.now()
  const topics = await listLatestTopics(ctx.db, input.limit)
  const departments = await listDepartments(ctx.db)
  return Promise.all(
    topics.map(async (t) => {
      const range = monthRange(t.month)
      // The same appeals the candidate counted: the group, or the hot spot's appeals outside any group.
      const progress = await countTopicAppeals(
        ctx.db,
        t.lead_appeal_id ? { groupId: t.lead_appeal_id } : { range, category: t.category, departmentId: t.source_department_id },
      )
      const open = progress.open
      const dueAt = beijingMoment(`${t.due_on} 23:59:59.999`).valueOf()
      return {
        id: t.id,
        month: t.month,
        title: t.title,
        category: t.category,
        department: { id: t.department_id, name: departments.find((d) => d.id === t.department_id)?.name ?? '' },
        leadAppealId: t.lead_appeal_id,
        note: t.note,
        dueOn: t.due_on,
        appeals: progress.appeals,
        open,
        state: open === 0 ? 'done' : dueAt < now ? 'overdue' : 'open',
      } satisfies MonthlyTopic
    }),
  )
}
