import type { BindingCodeView, EnterpriseOwners, ParsedInput } from '../../contract'
import { inZone } from '../../domain/clock'
import { AppError, forbidden, notFound } from '../../domain/errors'
import { maskPhone } from '../../domain/phone'
import { isStaff } from '../../domain/roles'
import { loadCoveredEnterprise } from '../../access/enterprise-access'
import { coversEnterprise } from '../../access/visit-access'
import { notify } from '../../notify/notify'
import { isUniqueViolation } from '../../store/constraint'
import { inTransaction, type Db } from '../../store/database'
import { listLiveCodes, revokeLiveCodes } from '../../store/repositories/access-codes'
import { findEnterpriseById, type EnterpriseRow } from '../../store/repositories/enterprises'
import { decideOwnerRequest, findOwnerRequest, listPendingRequests } from '../../store/repositories/owner-requests'
import { findUserById, listOwners, promoteNextPrimary, updateUser, type UserRow } from '../../store/repositories/users'
import { codePicture, issueCode } from '../../workflows/access-codes'
import { recordAudit } from '../../workflows/audit'
import { ActionContext, requireUser } from '../context'

/** Staff who may issue codes and decide for an enterprise: its officer, a head of its department, an admin. */
const staffFor = (user: UserRow, enterprise: EnterpriseRow) =>
  (user.role === 'officer' || user.role === 'dept_head' || user.role === 'admin') && coversEnterprise(user, enterprise)

/** Whether the caller decides who speaks for the enterprise: its primary owner, or staff covering it. */
const managesOwners = (user: UserRow, enterprise: EnterpriseRow) =>
  staffFor(user, enterprise) || (user.role === 'owner' && user.enterprise_id === enterprise.id && user.primary_owner === 1)

/** The enterprise's members as the caller may see them: owners see their own; staff what they cover. */
async function ownersView(db: Db, user: UserRow, enterprise: EnterpriseRow, now: number): Promise<EnterpriseOwners> {
  const summary = {
    id: enterprise.id,
    name: enterprise.name,
    creditCode: enterprise.credit_code,
    active: enterprise.deactivated_at === null,
  }
  // Someone who just left sees no one any more.
  if (!isStaff(user.role) && user.enterprise_id !== enterprise.id)
    return { enterprise: summary, owners: [], requests: [], codeExpiresAt: null, canManage: false, canIssue: false }
  const [owners, requests, codes] = await Promise.all([
    listOwners(db, enterprise.id),
    listPendingRequests(db, enterprise.id),
    listLiveCodes(db, 'binding', 'enterprise_id', [enterprise.id], now),
  ])
  // Owners see one another's numbers masked; staff see them whole, to call.
  const phone = (p: string, self: boolean) => (isStaff(user.role) || self ? p : maskPhone(p))
  return {
    enterprise: summary,
    owners: owners.map((o) => ({
      id: o.id,
      name: o.name,
      phone: phone(o.phone, o.id === user.id),
      primary: o.primary_owner === 1,
      since: o.owner_since ?? o.created_at,
      isMe: o.id === user.id,
    })),
    requests: requests.map((r) => ({ id: r.id, name: r.name, phone: phone(r.phone, false), at: r.created_at })),
    codeExpiresAt: codes.length ? Math.max(...codes.map((c) => c.expires_at)) : null,
    canManage: managesOwners(user, enterprise),
    canIssue: staffFor(user, enterprise),
  }
}

/** enterprise.owners: who speaks for the enterprise, who waits for approval, whether a binding code is live. */
export async function enterpriseOwners(ctx: ActionContext, input: ParsedInput<'enterprise.owners'>): Promise<EnterpriseOwners> {
  const { user, enterprise } = await loadCoveredEnterprise(ctx, input.enterpriseId)
  return ownersView(ctx.db, user, enterprise, ctx.clock.now())
}

/**
 * enterprise.issueBindingCode: a fresh one-time code for an enterprise the caller covers (its
 * officer, the head of its department, an admin); the previous one stops working. Shown once.
 */
export async function issueBindingCode(ctx: ActionContext, input: ParsedInput<'enterprise.issueBindingCode'>): Promise<BindingCodeView> {
  const { user, enterprise } = await loadCoveredEnterprise(ctx, input.enterpriseId)
  if (!staffFor(user, enterprise)) throw notFound('没有这家企业，或它不在您的包联范围内')
  if (enterprise.deactivated_at !== null) throw new AppError('CONFLICT', `${enterprise.name}已停用，不能生成绑定码`)
  const now = ctx.clock.now()
  const issued = await inTransaction(ctx.db, async (trx) => {
    const code = await issueCode(trx, { kind: 'binding', enterpriseId: enterprise.id }, user.id, now)
    await recordAudit(
      trx,
      user,
      [{ entity: 'binding', entityId: enterprise.id, action: 'issue', summary: `${user.name} 为${enterprise.name}生成绑定码` }],
      now,
    )
    return code
  })
  return {
    enterpriseId: enterprise.id,
    enterpriseName: enterprise.name,
    creditCode: enterprise.credit_code,
    ...issued,
    image: await codePicture(ctx, { kind: 'binding', code: issued.code, creditCode: enterprise.credit_code }),
  }
}

/** enterprise.revokeBindingCode: the enterprise's live code stops working at once. */
export async function revokeBindingCode(ctx: ActionContext, input: ParsedInput<'enterprise.revokeBindingCode'>): Promise<EnterpriseOwners> {
  const { user, enterprise } = await loadCoveredEnterprise(ctx, input.enterpriseId)
  if (!staffFor(user, enterprise)) throw notFound('没有这家企业，或它不在您的包联范围内')
  const now = ctx.clock.now()
  await inTransaction(ctx.db, async (trx) => {
    if ((await revokeLiveCodes(trx, 'binding', { enterpriseId: enterprise.id }, user.id, now)) === 0)
      throw new AppError('CONFLICT', '这家企业没有未使用的绑定码')
    await recordAudit(
      trx,
      user,
      [{ entity: 'binding', entityId: enterprise.id, action: 'revoke', summary: `收回${enterprise.name}的绑定码` }],
      now,
    )
  })
  return ownersView(ctx.db, user, enterprise, now)
}

const at = (now: number) => inZone(now).format('YYYY年M月D日 HH:mm')

/**
 * enterprise.decideOwner: the primary owner, or staff covering the enterprise, let someone who
 * proved a binding code become a co-owner, or refuse. Anyone else's request answers like a missing one.
 */
export async function decideOwner(ctx: ActionContext, input: ParsedInput<'enterprise.decideOwner'>): Promise<EnterpriseOwners> {
  const user = requireUser(ctx)
  const now = ctx.clock.now()
  const request = await findOwnerRequest(ctx.db, input.requestId)
  const enterprise = request ? await findEnterpriseById(ctx.db, request.enterprise_id) : undefined
  if (!request || !enterprise || !managesOwners(user, enterprise)) throw notFound('没有这个申请，或您无权处理')
  await inTransaction(ctx.db, async (trx) => {
    if (!(await decideOwnerRequest(trx, request.id, input.approve ? 'approved' : 'declined', user.id, now)))
      throw new AppError('CONFLICT', '这个申请刚刚已被处理，请刷新后查看')
    const asker = await findUserById(trx, request.user_id)
    if (input.approve) {
      const changed = await updateUser(
        trx,
        request.user_id,
        { role: 'owner', enterprise_id: enterprise.id, primary_owner: 0, owner_since: now, title: `${enterprise.name} 企业用户` },
        { role: 'guest' },
      )
      if (changed === 0) throw new AppError('CONFLICT', '申请人的身份已经变化（已绑定其他企业或已注销），不能同意')
      // The primary owner may have left meanwhile: the enterprise keeps one.
      await promoteNextPrimary(trx, enterprise.id)
    }
    await notify(
      trx,
      [
        {
          userId: request.user_id,
          kind: `enterprise.${input.approve ? 'approved' : 'declined'}`,
          title: input.approve ? `已同意您绑定${enterprise.name}` : `${enterprise.name}未同意您的绑定申请`,
          body: input.approve ? '现在可以以企业用户身份提交诉求、预约走访。' : '如有疑问请联系企业负责人或驻企特派员。',
          link: '/pages/me/index',
          dedupeKey: `owner-request:${request.id}`,
          template: 'account_notice',
          fields: { title: input.approve ? '绑定已同意' : '绑定未同意', note: enterprise.name, at: at(now) },
        },
      ],
      now,
    )
    await recordAudit(
      trx,
      user,
      [
        {
          entity: 'owner',
          entityId: enterprise.id,
          action: input.approve ? 'approve' : 'decline',
          summary: `${user.name}${input.approve ? '同意' : '拒绝'} ${asker?.name ?? ''} 绑定${enterprise.name}`,
        },
      ],
      now,
    )
  })
  return ownersView(ctx.db, (await findUserById(ctx.db, user.id))!, enterprise, now)
}

/**
 * enterprise.removeOwner: the primary owner removes a co-owner, any owner removes themself, staff
 * covering the enterprise remove anyone. The person becomes a guest again; what they filed stays
 * with the enterprise. A removed primary owner is followed by the next owner to have joined.
 */
export async function removeOwner(ctx: ActionContext, input: ParsedInput<'enterprise.removeOwner'>): Promise<EnterpriseOwners> {
  const user = requireUser(ctx)
  const now = ctx.clock.now()
  const target = await findUserById(ctx.db, input.userId)
  const enterprise = target?.role === 'owner' && target.enterprise_id ? await findEnterpriseById(ctx.db, target.enterprise_id) : undefined
  const sameEnterprise = !!enterprise && user.role === 'owner' && user.enterprise_id === enterprise.id
  if (!target || !enterprise || !(staffFor(user, enterprise) || sameEnterprise)) throw notFound('没有这名企业用户，或您无权处理')
  if (user.role === 'owner' && target.id !== user.id && !(user.primary_owner === 1 && target.primary_owner === 0))
    throw forbidden('只有企业的主要负责人可以移除其他企业用户')
  await inTransaction(ctx.db, async (trx) => {
    await updateUser(trx, target.id, { role: 'guest', enterprise_id: null, primary_owner: 0, owner_since: null, title: '' })
    await promoteNextPrimary(trx, enterprise.id).catch((error: unknown) => {
      if (isUniqueViolation(error)) throw new AppError('CONFLICT', '企业成员刚刚发生了变化，请刷新后再试')
      throw error
    })
    if (target.id !== user.id)
      await notify(
        trx,
        [
          {
            userId: target.id,
            kind: 'enterprise.removed',
            title: `您已不再是${enterprise.name}的企业用户`,
            body: `由 ${user.name} 移除。如有疑问请联系驻企特派员。`,
            link: '/pages/me/index',
            dedupeKey: `owner-removed:${enterprise.id}:${target.id}:${now}`,
            template: 'account_notice',
            fields: { title: '已解除企业绑定', note: enterprise.name, at: at(now) },
          },
        ],
        now,
      )
    await recordAudit(
      trx,
      user,
      [
        {
          entity: 'owner',
          entityId: enterprise.id,
          action: target.id === user.id ? 'leave' : 'remove',
          summary:
            target.id === user.id
              ? `${target.name} 解除了与${enterprise.name}的绑定`
              : `${user.name} 移除了${enterprise.name}的企业用户 ${target.name}`,
        },
      ],
      now,
    )
  })
  ctx.log.info('owner removed', { enterpriseId: enterprise.id, userId: target.id, by: user.id })
  return ownersView(ctx.db, (await findUserById(ctx.db, user.id))!, enterprise, now)
}
