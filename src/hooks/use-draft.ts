import Taro from '@tarojs/taro'
import { useCallback, useEffect, useState } from 'react'

/**
 * Form state that survives leaving the page (and closing the app): kept in storage under `key`
 * on every change, restored on return, dropped by `clear()` once the form is submitted. `update`,
 * `replace` and `clear` keep their identity across renders (clear until the key changes).
 */
export function useDraft<T extends object>(key: string, initial: () => T) {
  const [draft, setDraft] = useState<T>(() => {
    const saved = Taro.getStorageSync<T | ''>(key)
    return saved ? { ...initial(), ...saved } : initial()
  })
  useEffect(() => {
    Taro.setStorageSync(key, draft)
  }, [key, draft])

  const update = useCallback((changes: Partial<T>) => setDraft((current) => ({ ...current, ...changes })), [])
  const clear = useCallback(() => Taro.removeStorageSync(key), [key])
  return { draft, update, clear, replace: setDraft }
}

/** An id for one submission attempt, made on the device: a retry sends the same one. */
export function newRequestId(): string {
  return `${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 10)}`
}
