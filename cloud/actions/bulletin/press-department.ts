import type { BulletinPress, ParsedInput } from '../../contract'
import { AppError } from '../../domain/errors'
import { inZone } from '../../domain/clock'
import { inTransaction } from '../../store/database'
import { newId } from '../../store/ids'
import { findPress, insertPress } from '../../store/repositories/department-sections'
import { listHeadIds } from '../../store/repositories/users'
import { notify } from '../../notify/notify'
import { pressView } from '../../views/department-sections'
import { ActionContext, requireUser } from '../context'
import { monthlyBulletin } from './monthly-bulletin'

/**
 * bulletin.press (督办 a lagging department): a leader presses a department the month's bulletin
 * names as lagging; its head(s) get a message and a push in the same transaction. Once per
 * department and month: pressing again answers the 督办 already there and tells nobody twice.
 */
export async function pressDepartment(ctx: ActionContext, input: ParsedInput<'bulletin.press'>): Promise<BulletinPress> {
  const user = requireUser(ctx)
  const existing = await findPress(ctx.db, input.departmentId, input.month)
  if (existing) return pressView(existing)
  const bulletin = await monthlyBulletin(ctx, { month: input.month })
  const section = bulletin.sections.find((s) => s.departmentId === input.departmentId)
  if (!section) throw new AppError('NOT_FOUND', '没有这个部门')
  if (section.lagging.length === 0) throw new AppError('BAD_REQUEST', `${section.name}本月没有滞后项，无需督办`, 'departmentId')
  const now = ctx.clock.now()
  const label = input.month.replace('-', '年') + '月'
  const reasons = section.lagging.join('、')
  const row = {
    id: newId('bpr'),
    department_id: section.departmentId,
    month: input.month,
    reasons,
    note: input.note,
    state: 'pressed' as const,
    pressed_by: user.id,
    pressed_at: now,
    answer: null,
    answered_by: null,
    answered_at: null,
  }
  return inTransaction(ctx.db, async (trx) => {
    if (!(await insertPress(trx, row))) return pressView((await findPress(trx, section.departmentId, input.month))!)
    const heads = await listHeadIds(trx, section.departmentId)
    await notify(
      trx,
      heads.map((headId) => ({
        userId: headId,
        kind: 'bulletin.press',
        title: `${label}通报督办：${section.name}`,
        body: `滞后项：${reasons}。${input.note ? `${input.note}。` : ''}请抓紧整改并反馈。`,
        link: `/packageLeader/pages/breakdown/index?month=${input.month}`,
        dedupeKey: `bulletin-press:${section.departmentId}:${input.month}:${headId}`,
        template: 'account_notice',
        fields: { title: '通报督办', note: `${section.name}：${reasons}`, at: inZone(now).format('YYYY年M月D日 HH:mm') },
      })),
      now,
    )
    return pressView(row)
  })
}
