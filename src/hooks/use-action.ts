import { useDidShow } from '@tarojs/taro'
import { useCallback, useEffect, useRef, useState } from 'react'
import type { ActionInput, ActionName, ActionOutput } from '../../cloud/contract'
import { ApiError, callApi } from '../api/client'

export interface ActionState<T> {
  data: T | undefined
  error: ApiError | undefined
  loading: boolean
  reload: () => Promise<void>
}

/**
 * Loads an action's data for a page and reloads it when the page is shown again (a tab switched
 * back to, a page returned to), so what a person sees is never staler than their last navigation.
 * `key` names the payload: a change of key loads again. With `skip`, nothing is asked (an action
 * this person may not call), until it is false.
 */
export function useAction<A extends ActionName>(
  action: A,
  payload: ActionInput<A>,
  key = '',
  { skip = false } = {},
): ActionState<ActionOutput<A>> {
  const [data, setData] = useState<ActionOutput<A>>()
  const [error, setError] = useState<ApiError>()
  const [loading, setLoading] = useState(true)
  const payloadRef = useRef(payload)
  payloadRef.current = payload
  const latest = useRef(0)
  const skipRef = useRef(skip)
  skipRef.current = skip

  const reload = useCallback(async () => {
    if (skipRef.current) {
      setLoading(false)
      return
    }
    const call = ++latest.current
    setLoading(true)
    try {
      const result = await callApi(action, payloadRef.current)
      if (call === latest.current) {
        setData(result)
        setError(undefined)
      }
    } catch (e) {
      if (call === latest.current) setError(e instanceof ApiError ? e : new ApiError({ code: 'INTERNAL', message: String(e) }))
    } finally {
      if (call === latest.current) setLoading(false)
    }
  }, [action])

  const shown = useRef(false)
  useEffect(() => {
    void reload()
  }, [reload, key, skip])
  useDidShow(() => {
    // The first show comes with the mount, which already loads.
    if (shown.current) void reload()
    shown.current = true
  })

  return { data, error, loading, reload }
}
