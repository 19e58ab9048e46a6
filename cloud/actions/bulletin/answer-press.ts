import type { BulletinPress, ParsedInput } from '../../contract'
import { AppError } from '../../domain/errors'
import { inZone } from '../../domain/clock'
import { pressAnswerProblem } from '../../domain/department-sections'
import { inTransaction } from '../../store/database'
import { answerPress, findPress } from '../../store/repositories/department-sections'
import { notify } from '../../notify/notify'
import { pressView } from '../../views/department-sections'
import { ActionContext, requireUser } from '../context'

/**
 * bulletin.answerPress: the head answers the month's 督办 of their own department (pressed →
 * answered, once); the leader who pressed learns of it in the same transaction.
 */
export async function answerDepartmentPress(ctx: ActionContext, input: ParsedInput<'bulletin.answerPress'>): Promise<BulletinPress> {
  const user = requireUser(ctx)
  const press = user.department_id ? await findPress(ctx.db, user.department_id, input.month) : undefined
  if (!press) throw new AppError('NOT_FOUND', '本部门这个月没有通报督办')
  const problem = pressAnswerProblem(press.state)
  if (problem) throw new AppError('CONFLICT', problem)
  const now = ctx.clock.now()
  return inTransaction(ctx.db, async (trx) => {
    if (!(await answerPress(trx, press.id, { text: input.answer, by: user.id, at: now }))) throw new AppError('CONFLICT', '该督办已反馈')
    await notify(
      trx,
      [
        {
          userId: press.pressed_by,
          kind: 'bulletin.answerPress',
          title: `${input.month.replace('-', '年')}月通报督办已反馈`,
          body: input.answer,
          link: `/packageLeader/pages/bulletin/index?month=${input.month}`,
          dedupeKey: `bulletin-press:${press.id}:answered`,
          template: 'account_notice',
          fields: { title: '督办反馈', note: input.answer, at: inZone(now).format('YYYY年M月D日 HH:mm') },
        },
      ],
      now,
    )
    return pressView({ ...press, state: 'answered', answer: input.answer, answered_by: user.id, answered_at: now })
  })
}
