import { inZone } from '../clock'
import { AppError } from '../errors'
import { DAY, HOUR } from '../time-units'

/**
 * One-time codes that make a WeChat user someone in the system: the operator's setup code (the
 * first admin), a staff invitation (a member of staff), an enterprise's binding code (its owner).
 * Only a hash of each is stored; each expires, is spent on use and can be revoked.
 */
export const CODE_KINDS = ['setup', 'staff', 'binding'] as const
export type CodeKind = (typeof CODE_KINDS)[number]

/** How long a code lives from the moment it is made. */
export const CODE_LIFETIMES: Record<CodeKind, number> = {
  /** Printed on the operator's screen and typed in at once: a day is plenty. */
  setup: DAY,
  /** Handed to a new colleague, who may first install WeChat's mini-program: a week. */
  staff: 7 * DAY,
  /** Shown on a visit or read out on the phone: a week. */
  binding: 7 * DAY,
}

export const CODE_LABELS: Record<CodeKind, string> = { setup: '管理员设置码', staff: '工作人员邀请码', binding: '企业绑定码' }

/**
 * Setup and staff codes name their target by themselves, so they are long: 12 characters from 31
 * that cannot be mistaken for one another (no 0/O, 1/I/L), about 59 bits, shown as XXXX-XXXX-XXXX.
 */
export const CLAIM_CODE_ALPHABET = '23456789ABCDEFGHJKMNPQRSTUVWXYZ'
export const CLAIM_CODE_LENGTH = 12

/**
 * A binding code goes with the enterprise's credit code and is read out on the phone, so it is eight
 * digits; it is one enterprise's, attempts on an enterprise are limited, and it expires in a week.
 */
export const BINDING_CODE_LENGTH = 8

/** The code a person typed, as stored: upper case, without the spaces and dashes it is shown with. */
export function normaliseClaimCode(text: string): string {
  return text.toUpperCase().replace(/[\s-]/g, '')
}

export function isClaimCode(text: string): boolean {
  return text.length === CLAIM_CODE_LENGTH && [...text].every((c) => CLAIM_CODE_ALPHABET.includes(c))
}

/** ABCD-EFGH-JKMN: how a setup or staff code is shown and read out. */
export function formatClaimCode(code: string): string {
  return code.replace(/(.{4})(?=.)/g, '$1-')
}

/** Draws a claim code from random bytes (the store's randomness; the domain has none). */
export function claimCodeFrom(bytes: Uint8Array): string {
  if (bytes.length < CLAIM_CODE_LENGTH) throw new RangeError('need one random byte per character')
  // 256 is not a multiple of 31: bytes of 248 and above would favour the first characters, so the
  // caller gives spare bytes and those are skipped.
  let code = ''
  for (const byte of bytes) {
    if (byte >= 248) continue
    code += CLAIM_CODE_ALPHABET[byte % 31]
    if (code.length === CLAIM_CODE_LENGTH) return code
  }
  throw new RangeError('not enough usable random bytes')
}

/** Eight digits from random 32-bit numbers, each drawn without bias. */
export function bindingCodeFrom(words: Uint32Array): string {
  let code = ''
  const limit = 4_294_967_290 // the largest multiple of 10 below 2^32
  for (const word of words) {
    if (word >= limit) continue
    code += String(word % 10)
    if (code.length === BINDING_CODE_LENGTH) return code
  }
  throw new RangeError('not enough usable random numbers')
}

/** Where a code stands at a moment: one that can still be used, or why not. */
export type CodeStanding = 'live' | 'used' | 'revoked' | 'expired'

export function codeStanding(code: { used_at: number | null; revoked_at: number | null; expires_at: number }, now: number): CodeStanding {
  if (code.used_at !== null) return 'used'
  if (code.revoked_at !== null) return 'revoked'
  return code.expires_at <= now ? 'expired' : 'live'
}

/** What the person is told about a code that cannot be used. The wrong code and the unknown one read alike. */
export const CODE_REFUSALS: Record<Exclude<CodeStanding, 'live'>, (kind: CodeKind) => string> = {
  used: (kind) => `这个${CODE_LABELS[kind]}已经用过了，每个码只能用一次，请向发码人重新索取`,
  revoked: (kind) => `这个${CODE_LABELS[kind]}已被收回，请向发码人重新索取`,
  expired: (kind) => `这个${CODE_LABELS[kind]}已过期，请向发码人重新索取`,
}

/**
 * How many tries one person, or one enterprise, gets in a window of time. Counted in the database
 * (one row per person or enterprise and window, raised by an atomic upsert), so the limit holds
 * across cloud-function instances and under concurrency: the 11th try in an hour is refused
 * before its code is even looked at.
 */
export const ATTEMPT_LIMITS = {
  /** Binding tries by one WeChat user. */
  bindByPerson: { max: 10, windowMs: HOUR },
  /** Binding tries naming one credit code, by anyone: a crowd of identities cannot guess either. */
  bindByEnterprise: { max: 10, windowMs: HOUR },
  /** Setup and staff codes typed by one WeChat user. */
  claimByPerson: { max: 10, windowMs: HOUR },
} as const
export type AttemptScope = keyof typeof ATTEMPT_LIMITS

/** The start of the window `now` falls in (whole hours, which are whole hours in Beijing too). */
export function attemptWindow(scope: AttemptScope, now: number): number {
  const { windowMs } = ATTEMPT_LIMITS[scope]
  return Math.floor(now / windowMs) * windowMs
}

/** Whether the n-th try of a window is over the limit. */
export function isOverLimit(scope: AttemptScope, n: number): boolean {
  return n > ATTEMPT_LIMITS[scope].max
}

/** The 429 for a try over the limit: when the person may try again, in Beijing time. */
export function tooManyAttempts(scope: AttemptScope, now: number): AppError {
  const retryAt = attemptWindow(scope, now) + ATTEMPT_LIMITS[scope].windowMs
  const at = inZone(retryAt)
  const when = at.format('YYYY-MM-DD') === inZone(now).format('YYYY-MM-DD') ? at.format('HH:mm') : at.format('M月D日 HH:mm')
  const what = scope === 'bindByEnterprise' ? '这家企业的绑定尝试次数过多' : '尝试次数过多'
  return new AppError('RATE_LIMITED', `${what}，为保护企业信息已暂停，请在 ${when} 之后再试；如有疑问请联系您的驻企特派员`)
}
