import type { Clock } from '../domain/clock'
import { newId } from '../store/ids'
import type { Db } from '../store/database'
import { findUserById, findUserByOpenid, insertUser } from '../store/repositories/users'
import type { Caller } from '../actions/context'
import type { TokenService } from '../actions/ports'

/** A token's subject for a WeChat identity (dev login with an OPENID), rather than a user id. */
export const WECHAT_SUBJECT = 'wx:'

/**
 * Local host: the caller named by a Bearer token, or anonymous when there is none or it is bad.
 * A token names a user, or (`wx:<openid>`) a WeChat identity that is looked up on every call as the
 * cloud function does: when the identity claims a staff invitation, the same session is that
 * member of staff from the next call on. A closed account is nobody.
 */
export async function callerFromBearer(db: Db, tokens: TokenService | null, header: string | undefined, clock: Clock): Promise<Caller> {
  const match = header ? /^Bearer\s+(\S+)$/i.exec(header) : null
  if (!match || !tokens) return { kind: 'anonymous' }
  const subject = await tokens.verify(match[1])
  if (subject?.startsWith(WECHAT_SUBJECT)) return callerFromOpenid(db, clock, subject.slice(WECHAT_SUBJECT.length))
  const user = subject ? await findUserById(db, subject) : undefined
  return user && user.deactivated_at === null ? { kind: 'user', user } : { kind: 'anonymous' }
}

/**
 * CloudBase: WeChat vouches for the OPENID. Someone seen for the first time becomes a guest
 * user, who can read policies and bind to an enterprise.
 */
export async function callerFromOpenid(db: Db, clock: Clock, openid: string | undefined): Promise<Caller> {
  if (!openid) return { kind: 'anonymous' }
  const known = await findUserByOpenid(db, openid)
  // A closed account lets go of its OPENID; should one still hold it, it reaches nothing.
  if (known) return known.deactivated_at === null ? { kind: 'user', user: known } : { kind: 'anonymous' }
  const guest = {
    id: newId('u'),
    name: '微信用户',
    role: 'guest' as const,
    title: '',
    phone: '',
    department_id: null,
    enterprise_id: null,
    openid,
    created_at: clock.now(),
    deactivated_at: null,
    primary_owner: 0,
    owner_since: null,
  }
  try {
    await insertUser(db, guest)
    return { kind: 'user', user: guest }
  } catch (error) {
    // Two first calls at once: the other one inserted the row.
    const raced = await findUserByOpenid(db, openid)
    if (raced) return { kind: 'user', user: raced }
    throw error
  }
}
