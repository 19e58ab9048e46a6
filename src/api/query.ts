import { QueryClient } from '@tanstack/react-query'
import type { ActionName } from '../../cloud/contract'

/**
 * The app's one cache of what the API answered. A page's data is asked for once however many
 * components want it, and pages shown again ask again (use-action.ts); the signed-in person
 * (auth.me), which nearly every page reads, is kept for the session and asked again only when
 * something that changes it happens (ME_CHANGES) or it is a few minutes old.
 */
export const queryClient = new QueryClient({
  defaultOptions: {
    queries: {
      // The client shows its own error states; one quiet retry covers a dropped connection.
      retry: 1,
      refetchOnWindowFocus: false,
      refetchOnReconnect: true,
    },
  },
})

/** How long auth.me is trusted without asking again. */
export const ME_FRESH_MS = 5 * 60_000

/**
 * Actions after which the signed-in person (their role, enterprise, name) is not what it was, so
 * auth.me is asked again. Not me.delete: that person is gone, and asking would only be refused (the
 * page clears the session and the whole cache instead).
 */
export const ME_CHANGES: readonly string[] = [
  'enterprise.bind',
  'enterprise.removeOwner',
  'staff.claim',
  'staff.update',
  'me.update',
] satisfies ActionName[]

/** Forgets what the API answered about the person (a sign-in, a sign-out, a change of role). */
export function forgetMe(): void {
  void queryClient.invalidateQueries({ queryKey: ['auth.me'] })
}
