import { useInfiniteQuery } from '@tanstack/react-query'
import Taro, { useDidShow, usePullDownRefresh, useReachBottom } from '@tarojs/taro'
import { useCallback, useRef } from 'react'
import type { ActionInput, ActionName, ActionOutput, Page } from '../../cloud/contract'
import { ApiError, callApi } from '../api/client'

/** How many rows a list asks for at a time; more come as the person reaches the bottom. */
export const PAGE_SIZE = 20

/** Actions that answer a page of rows and take limit/offset. */
type PagedAction = {
  [A in ActionName]: ActionOutput<A> extends Page<unknown>
    ? ActionInput<A> extends { limit?: number; offset?: number }
      ? A
      : never
    : never
}[ActionName]

type Row<A extends PagedAction> = ActionOutput<A> extends Page<infer T> ? T : never

export interface PagedState<A extends PagedAction> {
  /** Every row loaded so far, in order. */
  items: Row<A>[] | undefined
  /** The first page as the API answered it (its total, and what else it carries: counts, unread …). */
  first: ActionOutput<A> | undefined
  /** The newest page answered: a total that stops counting (`capped`) counts at least as far as the list has been read. */
  last: ActionOutput<A> | undefined
  error: ApiError | undefined
  loading: boolean
  loadingMore: boolean
  hasMore: boolean
  reload: () => Promise<void>
}

/**
 * A list that loads PAGE_SIZE rows at a time through the app's cache: the next page when the
 * person reaches the bottom of the page, everything again on pull-down (the page's config sets
 * enablePullDownRefresh) and when the page is shown again.
 */
export function usePagedAction<A extends PagedAction>(
  action: A,
  payload: Omit<ActionInput<A>, 'limit' | 'offset'>,
  key = '',
): PagedState<A> {
  const query = useInfiniteQuery({
    queryKey: [action, payload, key, 'paged'],
    queryFn: ({ pageParam }) =>
      callApi(action, { ...payload, limit: PAGE_SIZE, offset: pageParam } as ActionInput<A>, { silent: true }) as Promise<
        ActionOutput<A> & Page<Row<A>>
      >,
    initialPageParam: 0,
    getNextPageParam: (last, all) => {
      const loaded = all.reduce((n, page) => n + page.items.length, 0)
      return (loaded < last.total || last.capped) && last.items.length > 0 ? loaded : undefined
    },
  })
  const { refetch, fetchNextPage, hasNextPage, isFetchingNextPage } = query
  const reload = useCallback(async () => {
    await refetch()
  }, [refetch])

  useReachBottom(() => {
    if (hasNextPage && !isFetchingNextPage) void fetchNextPage()
  })
  usePullDownRefresh(() => {
    void refetch().finally(() => Taro.stopPullDownRefresh())
  })
  const shown = useRef(false)
  useDidShow(() => {
    if (shown.current && query.isStale) void refetch()
    shown.current = true
  })

  const error = query.error
    ? query.error instanceof ApiError
      ? query.error
      : new ApiError({ code: 'INTERNAL', message: String(query.error) })
    : undefined
  return {
    items: query.data?.pages.flatMap((page) => page.items),
    first: query.data?.pages[0],
    last: query.data?.pages[query.data.pages.length - 1],
    error,
    loading: query.isFetching && !isFetchingNextPage,
    loadingMore: isFetchingNextPage,
    hasMore: !!hasNextPage,
    reload,
  }
}
