import type { Me, MyData, ParsedInput } from '../../contract'
import { stateLabel } from '../../domain/appeal/rules'
import { forbidden } from '../../domain/errors'
import { isStaff } from '../../domain/roles'
import { inTransaction } from '../../store/database'
import { updateAppealsFiledBy } from '../../store/repositories/appeals'
import { deletePersonalDataOf, listUnattachedUploadsOf, readPersonalData } from '../../store/repositories/personal-data'
import { withdrawRequestsOf } from '../../store/repositories/owner-requests'
import { findUserById, promoteNextPrimary, updateUser } from '../../store/repositories/users'
import { ActionContext, requireUser } from '../context'
import { loadMe } from '../auth/get-me'

/**
 * me.data: everything the service holds about the caller as a person (个人信息查阅): who they are,
 * the appeals they filed with the contact details on them, their files, visits they booked,
 * exhibition registrations, favourites and how many messages they have.
 */
export async function myData(ctx: ActionContext): Promise<MyData> {
  const user = requireUser(ctx)
  const [me, { appeals, uploads, visits, exhibitions, favourites, messages }] = await Promise.all([
    loadMe(ctx, user),
    readPersonalData(ctx.db, user.id),
  ])
  return {
    profile: {
      name: user.name,
      phone: user.phone,
      role: me.user.roleLabel,
      enterprise: me.enterprise?.name ?? null,
      wechatBound: user.openid !== null,
    },
    appeals: appeals.map((a) => ({
      id: a.id,
      title: a.title,
      stateLabel: stateLabel(a.state),
      submittedAt: a.submitted_at,
      contactName: a.contact_name,
      contactPhone: a.contact_phone,
    })),
    uploads: uploads.map((u) => ({ id: u.id, name: u.name, size: u.size, createdAt: u.created_at, attached: u.appeal_id !== null })),
    visits: visits.map((v) => ({ id: v.id, topic: v.topic, day: v.day, state: v.state })),
    exhibitions: exhibitions.map((e) => ({
      exhibitionId: e.exhibition_id,
      name: e.name,
      phone: e.phone,
      company: e.company,
      kind: e.kind,
      sharesContact: e.share_contact === 1,
    })),
    favourites,
    messages,
  }
}

/** me.update (个人信息更正): the caller corrects their own name or phone. */
export async function updateProfile(ctx: ActionContext, input: ParsedInput<'me.update'>): Promise<Me> {
  const user = requireUser(ctx)
  await updateUser(ctx.db, user.id, {
    ...(input.name !== undefined && { name: input.name }),
    ...(input.phone !== undefined && { phone: input.phone }),
  })
  ctx.log.info('profile corrected', { userId: user.id })
  return loadMe(ctx, (await findUserById(ctx.db, user.id))!)
}

/**
 * me.delete (注销): an owner or a guest removes their personal data in one transaction. The person
 * becomes an anonymous, unbound, closed account no WeChat identity or open session reaches; what they filed stays as a
 * government record without their name or number; their messages, pending pushes, grants,
 * favourites, reading history, unattached files and exhibition registrations are deleted. Staff
 * accounts belong to the administration and are closed by an admin, not here.
 */
export async function deleteAccount(ctx: ActionContext): Promise<{ deleted: true }> {
  const user = requireUser(ctx)
  if (isStaff(user.role)) throw forbidden('工作人员账号由管理员注销')
  // The files come off the disk (or cloud storage) once their rows are gone for good.
  const files = await listUnattachedUploadsOf(ctx.db, user.id)
  await inTransaction(ctx.db, async (trx) => {
    await updateAppealsFiledBy(trx, user.id, { contact_name: '已注销用户', contact_phone: '' })
    await deletePersonalDataOf(trx, user.id)
    await updateUser(trx, user.id, {
      name: '已注销用户',
      phone: '',
      title: '',
      openid: null,
      enterprise_id: null,
      role: 'guest',
      primary_owner: 0,
      owner_since: null,
      // The account is closed: a session still open somewhere reaches nothing from its next call.
      deactivated_at: ctx.clock.now(),
    })
    await withdrawRequestsOf(trx, user.id, ctx.clock.now())
    // The enterprise keeps a primary owner while it has owners.
    if (user.enterprise_id) await promoteNextPrimary(trx, user.enterprise_id)
  })
  await ctx.fileStore
    ?.remove(files)
    .catch((error: unknown) => ctx.log.error('removing deleted account files failed', { userId: user.id, error: String(error) }))
  ctx.log.info('account deleted', { userId: user.id })
  return { deleted: true }
}
