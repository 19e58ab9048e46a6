import type { policyActions } from '../../contract/policy'
import type { AreaHandlers } from '../handler'
import { getPolicySource, listPoliciesForAdmin, publishPolicy, savePolicy, withdrawPolicy } from './admin-policies'
import { favouritePolicy, listFavouritePolicies } from './favourite-policy'
import { getPolicy } from './get-policy'
import { listPolicies } from './list-policies'
import { policyReach } from './policy-reach'
import { recommendPolicies } from './recommend-policies'
import { suggestPoliciesFor } from './suggest-policies'

/** The policy area's handlers, one per action of cloud/contract/policy.ts: a missing or extra one does not compile. */
export const policyHandlers = {
  'policy.list': listPolicies,
  'policy.get': getPolicy,
  'policy.suggest': suggestPoliciesFor,
  'policy.recommend': recommendPolicies,
  'policy.favourite': favouritePolicy,
  'policy.favourites': listFavouritePolicies,
  'policy.reach': policyReach,
  'policy.adminList': listPoliciesForAdmin,
  'policy.source': getPolicySource,
  'policy.save': savePolicy,
  'policy.publish': publishPolicy,
  'policy.withdraw': withdrawPolicy,
} satisfies AreaHandlers<typeof policyActions>
