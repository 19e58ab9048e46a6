import { once } from '../../workflows/once'
import type { Page, ParsedInput, PolicyAdminSummary, PolicySource } from '../../contract'
import { fieldMessages } from '../../contract/field-messages'
import { publishablePolicy } from '../../contract/policy'
import { inZone } from '../../domain/clock'
import { AppError, badRequest, notFound } from '../../domain/errors'
import { notifyPolicyAudience } from '../../notify/policy-notifications'
import { inTransaction } from '../../store/database'
import { newId } from '../../store/ids'
import { findPolicyById, listAllPolicies, updatePolicy, upsertPolicy } from '../../store/repositories/policies'
import { toPolicyAdminSummary, toPolicySource } from '../../views/policy-view'
import { ActionContext, requireUser } from '../context'

const todayOf = (ctx: ActionContext) => inZone(ctx.clock.now()).format('YYYY-MM-DD')

/** policy.adminList: every policy whatever its status, last changed first. */
export async function listPoliciesForAdmin(ctx: ActionContext, input: ParsedInput<'policy.adminList'>): Promise<Page<PolicyAdminSummary>> {
  const { rows, total } = await listAllPolicies(ctx.db, input)
  const today = todayOf(ctx)
  return { items: rows.map((row) => toPolicyAdminSummary(row, today)), total }
}

/** policy.source: a policy as the admin edits it. */
export async function getPolicySource(ctx: ActionContext, input: ParsedInput<'policy.source'>): Promise<PolicySource> {
  const row = await findPolicyById(ctx.db, input.id)
  if (!row) throw notFound('这条政策不存在')
  return toPolicySource(row)
}

/**
 * policy.save: writes a new draft, or changes an existing policy in place (a published one stays
 * published, and nobody is told again). A draft may be half-written: what is missing is stored
 * empty until 发布 asks for it. A published policy is changed only into a whole one.
 */
export async function savePolicy(ctx: ActionContext, input: ParsedInput<'policy.save'>): Promise<PolicySource> {
  const existing = input.id ? await findPolicyById(ctx.db, input.id) : undefined
  if (input.id && !existing) throw notFound('这条政策不存在')
  if (existing?.status === 'published') requirePublishable(input, '已发布的政策须填写完整')
  const now = ctx.clock.now()
  const row = {
    id: existing?.id ?? `pol-${newId('x').slice(2, 14).toLowerCase()}`,
    title: input.title,
    issuer: input.issuer,
    doc_no: input.docNo || null,
    category: input.category ?? '',
    summary: input.summary,
    body: input.body,
    industries: JSON.stringify(input.industries),
    kinds: JSON.stringify(input.kinds),
    enterprise_tags: JSON.stringify(input.enterpriseTags),
    tags: JSON.stringify(input.tags),
    published_at: existing?.published_at ?? todayOf(ctx),
    effective_from: input.effectiveFrom ?? '',
    expires_at: input.expiresAt ?? null,
    status: existing?.status ?? ('draft' as const),
    created_at: existing?.created_at ?? now,
    updated_at: now,
  }
  const user = requireUser(ctx)
  if (existing) await upsertPolicy(ctx.db, row)
  else {
    // A new draft is made once per form: a doubled save answers the first draft.
    const request = { userId: user.id, clientRequestId: input.clientRequestId, action: 'policy.save', now }
    const id = await once(ctx.db, request, async (trx) => (await upsertPolicy(trx, row), row.id))
    if (id !== row.id) return toPolicySource((await findPolicyById(ctx.db, id))!)
  }
  ctx.log.info('policy saved', { policyId: row.id, by: user.id })
  return toPolicySource(row)
}

/**
 * policy.publish: a draft (or a withdrawn policy) goes out, dated today if it never was, and every
 * owner of an enterprise it is for gets a message — once, however often it is published again. The
 * status and the messages are written together.
 */
export async function publishPolicy(ctx: ActionContext, input: ParsedInput<'policy.publish'>): Promise<{ notified: number }> {
  const now = ctx.clock.now()
  const today = todayOf(ctx)
  return inTransaction(ctx.db, async (trx) => {
    const row = await findPolicyById(trx, input.id)
    if (!row) throw notFound('这条政策不存在')
    if (row.status === 'published') throw new AppError('CONFLICT', '这条政策已经发布')
    requirePublishable(sourceAsInput(toPolicySource(row)), '这条政策还不能发布')
    await updatePolicy(trx, row.id, {
      status: 'published',
      published_at: row.status === 'draft' ? today : row.published_at,
      updated_at: now,
    })
    const notified = await notifyPolicyAudience(trx, row, now)
    ctx.log.info('policy published', { policyId: row.id, notified })
    return { notified }
  })
}

/** policy.withdraw: a published policy is taken back; readers no longer find it. */
export async function withdrawPolicy(ctx: ActionContext, input: ParsedInput<'policy.withdraw'>): Promise<PolicySource> {
  const row = await findPolicyById(ctx.db, input.id)
  if (!row) throw notFound('这条政策不存在')
  if (row.status !== 'published') throw new AppError('CONFLICT', '只有已发布的政策可以撤回')
  const changed = { ...row, status: 'withdrawn' as const, updated_at: ctx.clock.now() }
  await upsertPolicy(ctx.db, changed)
  return toPolicySource(changed)
}

/**
 * Refuses what publishablePolicy does not pass, naming the first field at fault and listing every
 * problem, e.g. 这条政策还不能发布：请填写发文单位；请选择政策类别.
 */
function requirePublishable(policy: unknown, lead: string): void {
  const parsed = publishablePolicy.safeParse(policy)
  if (parsed.success) return
  const messages = fieldMessages(publishablePolicy, parsed.error, policy)
  const first = Object.keys(messages)[0]
  throw badRequest(`${lead}：${Object.values(messages).join('；')}`, first || undefined)
}

/** A stored policy in the shape the form sends: what a draft left empty is missing. */
function sourceAsInput(source: PolicySource) {
  return {
    ...source,
    id: undefined,
    status: undefined,
    docNo: source.docNo ?? undefined,
    category: source.category || undefined,
    effectiveFrom: source.effectiveFrom || undefined,
    expiresAt: source.expiresAt ?? undefined,
  }
}
