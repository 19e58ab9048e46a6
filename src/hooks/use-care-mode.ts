import Taro from '@tarojs/taro'
import { useSyncExternalStore } from 'react'

/**
 * 关怀模式: larger type and buttons, fewer captions, chosen in 我的 and kept on the device. The
 * class on a page's root sets the larger sizes (src/styles/theme.scss). On WeChat each page is its
 * own document, so every page root carries it (pageClass); in the browser the root element carries
 * it too, so popups and toasts outside the page grow as well.
 */
const KEY = 'bangban.care-mode'
export const CARE_CLASS = 'bb-care'

const listeners = new Set<() => void>()
let on = read()

function read(): boolean {
  try {
    return Taro.getStorageSync(KEY) === 'on'
  } catch {
    return false
  }
}

function applyToDocument(): void {
  if (process.env.TARO_ENV === 'h5') document.documentElement.classList.toggle(CARE_CLASS, on)
}
applyToDocument()

/** The class of a page's root: the shared page look, care mode when it is on, and the page's own. */
export function pageClass(own = ''): string {
  return ['bb-page', on ? CARE_CLASS : '', own].filter(Boolean).join(' ')
}

export function setCareMode(next: boolean): void {
  on = next
  Taro.setStorageSync(KEY, next ? 'on' : 'off')
  applyToDocument()
  for (const listener of listeners) listener()
}

/** Whether care mode is on, re-rendering the caller when it is switched. */
export function useCareMode(): boolean {
  return useSyncExternalStore(
    (listener) => {
      listeners.add(listener)
      return () => void listeners.delete(listener)
    },
    () => on,
  )
}
