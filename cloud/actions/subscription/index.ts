import type { subscriptionActions } from '../../contract/subscription'
import type { AreaHandlers } from '../handler'
import { grantSubscriptions, listSubscriptionTemplates } from './subscriptions'

/** The subscription area's handlers, one per action of cloud/contract/subscription.ts: a missing or extra one does not compile. */
export const subscriptionHandlers = {
  'subscription.templates': listSubscriptionTemplates,
  'subscription.grant': grantSubscriptions,
} satisfies AreaHandlers<typeof subscriptionActions>
