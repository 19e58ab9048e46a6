import { once } from '../../workflows/once'
import type { Page, ParsedInput, PolicyAdminSummary, PolicySource } from '../../contract'
import { inZone } from '../../domain/clock'
import { AppError, badRequest, notFound } from '../../domain/errors'
import { missingSections } from '../../domain/policy'
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
 * published, and nobody is told again). The body must have the sections every explainer has.
 */
export async function savePolicy(ctx: ActionContext, input: ParsedInput<'policy.save'>): Promise<PolicySource> {
  const missing = missingSections(input.body)
  if (missing.length) throw badRequest(`「解读正文」(body)：缺少小节 ${missing.map((m) => `“## ${m}”`).join('、')}`, 'body')
  const existing = input.id ? await findPolicyById(ctx.db, input.id) : undefined
  if (input.id && !existing) throw notFound('这条政策不存在')
  const now = ctx.clock.now()
  const row = {
    id: existing?.id ?? `pol-${newId('x').slice(2, 14).toLowerCase()}`,
    title: input.title,
    issuer: input.issuer,
    doc_no: input.docNo || null,
    category: input.category,
    summary: input.summary,
    body: input.body,
    industries: JSON.stringify(input.industries),
    kinds: JSON.stringify(input.kinds),
    enterprise_tags: JSON.stringify(input.enterpriseTags),
    tags: JSON.stringify(input.tags),
    published_at: existing?.published_at ?? todayOf(ctx),
    effective_from: input.effectiveFrom,
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
