import type { Clock } from '../domain/clock'
import { newId } from '../store/ids'
import type { Db } from '../store/database'
import { findUserById, findUserByOpenid, insertUser } from '../store/repositories/users'
import type { Caller } from '../actions/context'
import type { TokenService } from '../actions/ports'

/** Local host: the caller named by a Bearer token, or anonymous when there is none or it is bad. */
export async function callerFromBearer(db: Db, tokens: TokenService | null, header: string | undefined): Promise<Caller> {
  const match = header ? /^Bearer\s+(\S+)$/i.exec(header) : null
  if (!match || !tokens) return { kind: 'anonymous' }
  const userId = await tokens.verify(match[1])
  const user = userId ? await findUserById(db, userId) : undefined
  return user ? { kind: 'user', user } : { kind: 'anonymous' }
}

/**
 * CloudBase: WeChat vouches for the OPENID. Someone seen for the first time becomes a guest
 * user, who can read policies and bind to an enterprise.
 */
export async function callerFromOpenid(db: Db, clock: Clock, openid: string | undefined): Promise<Caller> {
  if (!openid) return { kind: 'anonymous' }
  const known = await findUserByOpenid(db, openid)
  if (known) return { kind: 'user', user: known }
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
