import type { DeadlinePromise } from '../domain/appeal/deadlines'
import { z } from 'zod'
import { empty, id } from './fields'
import { type Role } from '../domain/roles'
import { type PersonContact } from './common'
import { type Area, EVERYONE_SIGNED_IN, returns } from './spec'

export const devUsersInput = empty
export const devLoginInput = z.strictObject({ userId: id('用户') })
export const meInput = empty

/**
 * What the API returns. Plain JSON shapes, shared with the mini-program as types only, so the
 * client bundle carries none of the server's code.
 */
export interface UserView {
  id: string
  name: string
  role: Role
  roleLabel: string
  title: string
  /** The person's own phone, to prefill contact fields; only ever sent to that person. */
  phone: string
  department: { id: string; name: string } | null
}

export interface EnterpriseView {
  id: string
  name: string
  creditCode: string
  industry: string
  kind: string
  park: string
  address: string
  /** 驻企特派员: whom the owner calls first. */
  officer: PersonContact | null
  department: { id: string; name: string } | null
  leader: PersonContact | null
}

export interface Me {
  user: UserView
  enterprise: EnterpriseView | null
  /** What the office promises under the rule in force, for the forms to say (not a fixed text). */
  promise: DeadlinePromise
}

export interface DevUser {
  id: string
  name: string
  role: Role
  roleLabel: string
  title: string
  enterpriseName: string | null
}

export interface DevLoginResult {
  token: string
  /** Epoch milliseconds. */
  expiresAt: number
  me: Me
}

/** 登录与身份 */
export const authActions = {
  'auth.devUsers': {
    summary: '列出本地演示用户（仅本地开发）',
    access: 'public',
    input: devUsersInput,
    devOnly: true,
    output: returns<DevUser[]>(),
  },
  'auth.devLogin': {
    summary: '以演示用户身份登录，返回签名令牌（仅本地开发）',
    access: 'public',
    input: devLoginInput,
    devOnly: true,
    output: returns<DevLoginResult>(),
  },
  'auth.me': {
    summary: '当前用户、角色和绑定的企业',
    access: EVERYONE_SIGNED_IN,
    input: meInput,
    output: returns<Me>(),
  },
} satisfies Area<'auth'>
