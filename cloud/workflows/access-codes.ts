import { CODE_LIFETIMES, CODE_REFUSALS, formatClaimCode, type CodeKind, type CodeStanding } from '../domain/onboarding/codes'
import { AppError, badRequest } from '../domain/errors'
import type { ActionContext } from '../actions/context'
import type { Db } from '../store/database'
import { hashCode, newBindingCode, newClaimCode, newId } from '../store/ids'
import { findAccessCodeByHash, insertAccessCode, revokeLiveCodes } from '../store/repositories/access-codes'

/** The page a staff invitation or setup code opens, on WeChat (the mini-program code's page) and in the H5 link. */
export const JOIN_PAGE = 'pages/join/index'
/** The page a binding code opens. */
export const BIND_PAGE = 'pages/bind/index'

/** What a fresh code is: the code itself, shown once, and when it expires. */
export interface IssuedCode {
  code: string
  expiresAt: number
}

export type CodeTarget = { kind: 'setup' } | { kind: 'staff'; userId: string } | { kind: 'binding'; enterpriseId: string }

/** The hash a code is found by: a binding code is its enterprise's, the others stand alone. */
export const codeHashOf = (kind: CodeKind, code: string, enterpriseId?: string) =>
  hashCode(kind, code, kind === 'binding' ? enterpriseId : '')

/**
 * Makes a one-time code in the caller's transaction: the target's earlier live codes are revoked
 * (one live code per staff record and per enterprise), a fresh random code is drawn, and only its
 * hash is stored, with its expiry. The code itself is answered once and never again.
 */
export async function issueCode(trx: Db, target: CodeTarget, by: string | null, now: number): Promise<IssuedCode> {
  if (target.kind === 'staff') await revokeLiveCodes(trx, 'staff', { userId: target.userId }, by, now)
  if (target.kind === 'binding') await revokeLiveCodes(trx, 'binding', { enterpriseId: target.enterpriseId }, by, now)
  const enterpriseId = target.kind === 'binding' ? target.enterpriseId : undefined
  // A binding code has 10^8 values per enterprise and old ones stay on record: draw again on the rare repeat.
  for (let attempt = 0; attempt < 5; attempt++) {
    const code = target.kind === 'binding' ? newBindingCode() : newClaimCode()
    const codeHash = codeHashOf(target.kind, code, enterpriseId)
    if (await findAccessCodeByHash(trx, codeHash)) continue
    const expiresAt = now + CODE_LIFETIMES[target.kind]
    await insertAccessCode(trx, {
      id: newId('code'),
      kind: target.kind,
      code_hash: codeHash,
      user_id: target.kind === 'staff' ? target.userId : null,
      enterprise_id: enterpriseId ?? null,
      created_by: by,
      created_at: now,
      expires_at: expiresAt,
      used_at: null,
      used_by: null,
      revoked_at: null,
      revoked_by: null,
    })
    return { code: target.kind === 'binding' ? code : formatClaimCode(code), expiresAt }
  }
  throw new AppError('INTERNAL', '生成码失败，请再试一次')
}

/**
 * A code that cannot be used: one already spent is a 409 (someone used it first, as with any race);
 * an expired or revoked one is the caller's to replace (400, naming the field).
 */
export function codeRefusal(standing: Exclude<CodeStanding, 'live'>, kind: CodeKind, field: string, title: string): AppError {
  const message = CODE_REFUSALS[standing](kind)
  return standing === 'used' ? new AppError('CONFLICT', message) : badRequest(`「${title}」(${field})：${message}`, field)
}

/** The local host draws the QR code of an H5 link at these paths (see server/code-routes.ts). */
export const localJoinImage = (code: string) => `/codes/join/${encodeURIComponent(code.replace(/-/g, ''))}.png`
export const localBindImage = (creditCode: string, code: string) => `/codes/bind/${encodeURIComponent(`${creditCode}.${code}`)}.png`

/**
 * The picture of a code: on CloudBase a mini-program code whose scene is the code (a binding code
 * with its enterprise's credit code: 27 characters, within WeChat's 32); locally a QR code of the
 * H5 link, drawn by the host.
 */
export async function codePicture(
  ctx: Pick<ActionContext, 'codeImages' | 'log'>,
  what: { kind: 'staff' | 'setup'; code: string } | { kind: 'binding'; code: string; creditCode: string },
): Promise<string> {
  try {
    if (what.kind === 'binding') {
      const scene = `${what.creditCode}.${what.code}`
      return ctx.codeImages ? await ctx.codeImages.image(scene, BIND_PAGE) : localBindImage(what.creditCode, what.code)
    }
    const plain = what.code.replace(/-/g, '')
    return ctx.codeImages ? await ctx.codeImages.image(plain, JOIN_PAGE) : localJoinImage(plain)
  } catch (error) {
    // The code stands without its picture: it can be read out or typed.
    ctx.log.error('code image failed', { kind: what.kind, error: String(error) })
    return ''
  }
}
