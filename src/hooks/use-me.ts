import { useAction } from './use-action'

/** The signed-in person and their enterprise, as most pages need them. */
export function useMe() {
  return useAction('auth.me', {})
}
