import Taro from '@tarojs/taro'
import { queryClient } from './query'

/**
 * The browser build's session: the signed token from dev login, kept in storage.
 * On WeChat there is no token; the cloud function knows the caller by OPENID.
 */
const KEY = 'bangban.session'

interface Session {
  token: string
  expiresAt: number
}

export function currentToken(now = Date.now()): string | null {
  const session = Taro.getStorageSync<Session | ''>(KEY)
  return session && session.expiresAt > now ? session.token : null
}

/** A new person signed in (or nobody): nothing answered for the one before is shown again. */
export function saveSession(token: string, expiresAt: number): void {
  Taro.setStorageSync(KEY, { token, expiresAt } satisfies Session)
  queryClient.clear()
}

export function clearSession(): void {
  Taro.removeStorageSync(KEY)
  queryClient.clear()
}

/**
 * Where the browser build returns after signing in, when a page sent the person to log in: a
 * scanned exhibition code must still open its booth afterwards. Read once.
 */
const RETURN_KEY = 'bangban.after-login'

export function rememberReturn(url: string): void {
  Taro.setStorageSync(RETURN_KEY, url)
}

export function takeReturn(): string | null {
  const url = Taro.getStorageSync<string | ''>(RETURN_KEY)
  Taro.removeStorageSync(RETURN_KEY)
  return url || null
}
