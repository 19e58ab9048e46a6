import { useAction } from './use-action'

/**
 * The signed-in person and their enterprise, as most pages need them. `fresh` asks the server every
 * time the page is shown, for the page where people look at their own standing (我的): a binding
 * approved or a role changed by someone else shows there at once, not after the cache's minutes.
 */
export function useMe({ fresh = false } = {}) {
  return useAction('auth.me', {}, '', fresh ? { staleMs: 0 } : {})
}
