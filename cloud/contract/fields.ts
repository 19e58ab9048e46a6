import { z } from 'zod'
import { CREDIT_CODE_MESSAGES, creditCodeProblem } from '../domain/credit-code'

// Validation messages come out in Chinese wherever a schema does not say its own.
z.config(z.locales.zhCN())

/**
 * Field builders shared by the action schemas. Each carries a Chinese title, which both the
 * generated JSON Schema and the router's 400 messages use to name the field.
 */
export const id = (title: string) => z.string().trim().min(1, `请提供${title}`).max(64).meta({ title })

export const text = (title: string, max: number) =>
  z.string().trim().min(1, `请填写${title}`).max(max, `${title}不能超过 ${max} 个字`).meta({ title })

export const creditCode = z
  .string()
  .trim()
  .transform((value) => value.toUpperCase())
  .superRefine((value, ctx) => {
    const problem = creditCodeProblem(value)
    if (problem) ctx.addIssue({ code: 'custom', message: CREDIT_CODE_MESSAGES[problem] })
  })
  .meta({ title: '统一社会信用代码' })

export const inviteCode = z
  .string()
  .trim()
  .regex(/^\d{6}$/, '邀请码是 6 位数字，请向您的驻企特派员索取')
  .meta({ title: '邀请码' })

export const page = {
  limit: z.number().int().min(1).max(50).default(20).meta({ title: '每页条数' }),
  offset: z.number().int().min(0).max(100_000).default(0).meta({ title: '起始位置' }),
}

/** An action that takes no input still takes an object, and rejects unknown keys. */
export const empty = z.strictObject({})
