import type { ParsedInput, SubscriptionTemplate } from '../../contract'
import { TEMPLATES, TEMPLATE_KINDS } from '../../domain/notifications'
import { inTransaction } from '../../store/database'
import { addGrant, listGrants } from '../../store/repositories/subscriptions'
import { ActionContext, requireUser } from '../context'

/** A person keeps at most this many unused one-time grants per template; more taps change nothing. */
const MAX_GRANTS = 20

/** subscription.templates: the template ids the app asks the person to allow, with their names. */
export async function listSubscriptionTemplates(ctx: ActionContext): Promise<SubscriptionTemplate[]> {
  return TEMPLATE_KINDS.map((kind) => ({ kind, id: ctx.push.templates[kind].id, label: TEMPLATES[kind].label }))
}

/**
 * subscription.grant: records what the person allowed. Each 'accept' of a one-time template allows
 * one push of it; a refusal changes nothing (the message centre has every message anyway).
 */
export async function grantSubscriptions(ctx: ActionContext, input: ParsedInput<'subscription.grant'>): Promise<Record<string, number>> {
  const user = requireUser(ctx)
  const now = ctx.clock.now()
  await inTransaction(ctx.db, async (trx) => {
    for (const { template } of input.results.filter((r) => r.accepted)) {
      await addGrant(trx, user.id, template, MAX_GRANTS, now)
    }
  })
  const rows = await listGrants(ctx.db, user.id)
  return Object.fromEntries(rows.map((r) => [r.template, r.remaining]))
}
