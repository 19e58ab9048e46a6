import { z } from 'zod'
import { text } from './fields'

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
