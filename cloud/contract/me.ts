import { z } from 'zod'
import { empty, text } from './fields'
import { type Me } from './auth'
import { type Area, EVERYONE_SIGNED_IN, returns } from './spec'

export const updateProfileInput = z
  .strictObject({
    name: text('姓名', 20).optional(),
    phone: z
      .string()
      .trim()
      .regex(/^1\d{10}$/, '请填写 11 位手机号')
      .optional()
      .meta({ title: '手机号' }),
  })
  .refine((input) => input.name !== undefined || input.phone !== undefined, { message: '请填写要修改的姓名或手机号', path: ['name'] })

export const deleteAccountInput = z.strictObject({
  /** Typed by the person, so a stray tap deletes nothing. */
  confirm: z.literal('注销', { error: '请输入“注销”两个字确认' }).meta({ title: '确认' }),
})

/** 个人信息查阅: what the service holds about the caller as a person. */
export interface MyData {
  profile: { name: string; phone: string; role: string; enterprise: string | null; wechatBound: boolean }
  appeals: { id: string; title: string; stateLabel: string; submittedAt: number; contactName: string; contactPhone: string }[]
  uploads: { id: string; name: string; size: number; createdAt: number; attached: boolean }[]
  visits: { id: string; topic: string; day: string; state: string }[]
  exhibitions: { exhibitionId: string; name: string; phone: string; company: string; kind: string; sharesContact: boolean }[]
  favourites: number
  messages: number
}

/** 个人信息（查阅、更正、注销） */
export const meActions = {
  'me.data': {
    summary: '个人信息查阅：本服务保存的关于我的全部个人信息',
    access: EVERYONE_SIGNED_IN,
    input: empty,
    output: returns<MyData>(),
  },
  'me.update': {
    summary: '个人信息更正：修改我的姓名或手机号',
    access: EVERYONE_SIGNED_IN,
    input: updateProfileInput,
    output: returns<Me>(),
  },
  'me.delete': {
    summary: '注销：删除我的个人信息（已提交的诉求作为政务记录保留，但不再带有我的姓名和电话）',
    access: ['owner', 'guest'],
    input: deleteAccountInput,
    output: returns<{ deleted: true }>(),
  },
} satisfies Area<'me'>
