import type { ParsedInput, SubscriptionTemplate } from '../../contract'
import { TEMPLATES, TEMPLATE_KINDS } from '../../domain/notifications'
import { ActionContext, requireUser } from '../context'
import { inTransaction } from '../../store/database'

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
      await trx
        .insertInto('subscription_grants')
        .values({ user_id: user.id, template, remaining: 1, updated_at: now })
        .onConflict((oc) =>
          oc.columns(['user_id', 'template']).doUpdateSet((eb) => ({
            remaining: eb.case().when('subscription_grants.remaining', '<', MAX_GRANTS).then(eb('subscription_grants.remaining', '+', 1)).else(eb.ref('subscription_grants.remaining')).end(),
            updated_at: now,
          })),
        )
        .execute()
    }
  })
  const rows = await ctx.db.selectFrom('subscription_grants').select(['template', 'remaining']).where('user_id', '=', user.id).execute()
  return Object.fromEntries(rows.map((r) => [r.template, r.remaining]))
}
