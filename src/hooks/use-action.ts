import { useQuery } from '@tanstack/react-query'
import { useDidShow } from '@tarojs/taro'
import { useCallback, useRef } from 'react'
import type { ActionInput, ActionName, ActionOutput } from '../../cloud/contract'
import { ApiError, callApi } from '../api/client'
import { ME_FRESH_MS } from '../api/query'

export interface ActionState<T> {
  data: T | undefined
  error: ApiError | undefined
  loading: boolean
  reload: () => Promise<void>
}

/**
 * Loads an action's data for a page, through the app's cache (src/api/query.ts): components asking
 * for the same action and payload share one request and one answer. A page shown again (a tab
 * switched back to, a page returned to) asks again, so what a person sees is never staler than
 * their last navigation; the signed-in person (auth.me) is the exception, trusted for a few minutes.
 * With `skip`, nothing is asked (an action this person may not call) until it is false; `staleMs`
 * overrides how long an answer is trusted. `key` is
 * kept for the pages that name their payload; the payload itself is the cache's key.
 */
export function useAction<A extends ActionName>(
  action: A,
  payload: ActionInput<A>,
  key = '',
  { skip = false, staleMs = action === 'auth.me' ? ME_FRESH_MS : 0 } = {},
): ActionState<ActionOutput<A>> {
  const query = useQuery({
    queryKey: [action, payload, key],
    // The page shows a failed load itself (PagePending, with 重试): no toast on top of it.
    queryFn: () => callApi(action, payload, { silent: true }),
    enabled: !skip,
    staleTime: staleMs,
  })
  const { refetch } = query
  const reload = useCallback(async () => {
    await refetch()
  }, [refetch])

  const shown = useRef(false)
  useDidShow(() => {
    // The first show comes with the mount, which already loads; later ones ask again if stale.
    if (shown.current && !skip && query.isStale) void refetch()
    shown.current = true
  })

  const error = query.error
    ? query.error instanceof ApiError
      ? query.error
      : new ApiError({ code: 'INTERNAL', message: String(query.error) })
    : undefined
  return { data: query.data, error, loading: !skip && query.isFetching, reload }
}
