import type { ClaimResult, ParsedInput } from '../../contract'
import { inZone } from '../../domain/clock'
import { AppError, badRequest } from '../../domain/errors'
import { CODE_REFUSALS, codeStanding, isClaimCode, normaliseClaimCode } from '../../domain/onboarding/codes'
import { ROLE_LABELS } from '../../domain/roles'
import { notify } from '../../notify/notify'
import { inTransaction } from '../../store/database'
import { findAccessCodeByHash, spendAccessCode } from '../../store/repositories/access-codes'
import { withdrawRequestsOf } from '../../store/repositories/owner-requests'
import { findUserById, updateUser } from '../../store/repositories/users'
import { codeHashOf, codeRefusal } from '../../workflows/access-codes'
import { countTry } from '../../workflows/attempts'
import { recordAudit } from '../../workflows/audit'
import { loadMe } from '../auth/get-me'
import { ActionContext, requireUser } from '../context'

const WRONG = '「邀请码」(code)：邀请码不正确，请核对后重新输入（字母不分大小写，可省略横线）'

/**
 * staff.claim: a WeChat user seen as a guest enters a one-time code. The operator's setup code
 * makes them the town's admin; a staff invitation makes them the member of staff it was made for
 * (their WeChat identity moves onto that record). Ten tries an hour per person, counted in the
 * store before the code is looked at; a code is spent in the transaction that uses it, so of two
 * people racing with one code exactly one wins.
 */
export async function claimStaff(ctx: ActionContext, input: ParsedInput<'staff.claim'>): Promise<ClaimResult> {
  const guest = requireUser(ctx)
  const now = ctx.clock.now()
  await countTry(ctx.db, now, [{ scope: 'claimByPerson', subject: guest.id }])
  const code = normaliseClaimCode(input.code)
  if (!isClaimCode(code)) throw badRequest(WRONG, 'code')
  const row =
    (await findAccessCodeByHash(ctx.db, codeHashOf('staff', code))) ?? (await findAccessCodeByHash(ctx.db, codeHashOf('setup', code)))
  if (!row || (row.kind !== 'staff' && row.kind !== 'setup')) throw badRequest(WRONG, 'code')
  const standing = codeStanding(row, now)
  if (standing !== 'live') throw codeRefusal(standing, row.kind, 'code', '邀请码')
  if (row.kind === 'setup' && !input.name) throw badRequest('「姓名」(name)：这是管理员设置码，请填写您的姓名', 'name')
  // A staff record is reached by the WeChat identity that claims it: a caller without one has nothing to bring.
  if (row.kind === 'staff' && !guest.openid)
    throw badRequest('「邀请码」(code)：请在微信小程序里领取邀请（本地演示请选“以新微信用户身份进入”）', 'code')

  const becomes = await inTransaction(ctx.db, async (trx) => {
    if (!(await spendAccessCode(trx, row.id, guest.id, now))) throw new AppError('CONFLICT', '这个邀请码刚刚已被使用，请向发码人重新索取')
    if (row.kind === 'setup') {
      const changed = await updateUser(trx, guest.id, { role: 'admin', name: input.name!, title: '系统管理员' }, { role: 'guest' })
      if (changed === 0) throw new AppError('CONFLICT', '您的身份刚刚发生了变化，请刷新后再试')
      await recordAudit(
        trx,
        { id: guest.id, role: 'admin' },
        [{ entity: 'staff', entityId: guest.id, action: 'setup', summary: `${input.name} 用管理员设置码成为管理员` }],
        now,
      )
      return guest.id
    }
    const staff = row.user_id ? await findUserById(trx, row.user_id) : undefined
    if (!staff || staff.deactivated_at !== null) throw badRequest(`「邀请码」(code)：${CODE_REFUSALS.revoked('staff')}`, 'code')
    // The WeChat identity leaves the guest record (which stays, unreachable) for the staff record.
    await updateUser(trx, guest.id, { openid: null }, { role: 'guest' })
    await updateUser(trx, staff.id, { openid: guest.openid })
    await withdrawRequestsOf(trx, guest.id, now)
    await recordAudit(
      trx,
      { id: staff.id, role: staff.role },
      [
        {
          entity: 'staff',
          entityId: staff.id,
          action: 'claim',
          summary: `${staff.name}（${ROLE_LABELS[staff.role]}）领取邀请，绑定了微信${staff.openid ? '，原微信不能再登录' : ''}`,
        },
      ],
      now,
    )
    if (row.created_by)
      await notify(
        trx,
        [
          {
            userId: row.created_by,
            kind: 'staff.claimed',
            title: `${staff.name}已领取邀请`,
            body: `${staff.name}（${ROLE_LABELS[staff.role]}）已用微信登录助企帮办。`,
            link: '/packageAdmin/pages/staff/index',
            dedupeKey: `claimed:${row.id}`,
            template: 'account_notice',
            fields: { title: '邀请已领取', note: staff.name, at: inZone(now).format('YYYY年M月D日 HH:mm') },
          },
        ],
        now,
      )
    return staff.id
  })
  ctx.log.info('code claimed', { kind: row.kind, userId: becomes })
  return { kind: row.kind, me: await loadMe(ctx, (await findUserById(ctx.db, becomes))!) }
}
