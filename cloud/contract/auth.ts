import type { DeadlinePromise } from '../domain/appeal/deadlines'
import { z } from 'zod'
import { empty, id } from './fields'
import { type Role } from '../domain/roles'
import { type PersonContact } from './common'
import { type Area, EVERYONE_SIGNED_IN, returns } from './spec'

export const devUsersInput = empty
/**
 * A person of the store (`userId`), or a WeChat user by OPENID (`openid`), as the cloud function
 * knows callers: one seen for the first time becomes a guest. Exactly one of the two.
 */
export const devLoginInput = z
  .strictObject({
    userId: id('用户').optional(),
    openid: z
      .string()
      .regex(/^[A-Za-z0-9_-]{6,64}$/, 'openid 应为 6 到 64 个字母、数字、下划线或连字符')
      .optional()
      .meta({ title: '微信身份' }),
  })
  .superRefine((value, ctx) => {
    if ((value.userId === undefined) === (value.openid === undefined))
      ctx.addIssue({ code: 'custom', path: ['userId'], message: '请选择一个演示用户，或以微信身份（openid）进入' })
  })
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
    summary: '以演示用户或微信身份（openid，首次出现即为访客）登录，返回签名令牌（仅本地开发）',
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
