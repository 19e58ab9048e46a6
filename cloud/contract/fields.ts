import { z } from 'zod'
import zhCN from 'zod/v4/locales/zh-CN.cjs'
import { CREDIT_CODE_MESSAGES, creditCodeProblem } from '../domain/credit-code'

// Validation messages come out in Chinese wherever a schema does not say its own. The one locale,
// by its own file: z.locales (or the zod/locales index) brings every language into the
// mini-program's bundle. Its CommonJS build, which Jest, esbuild and webpack all load as it is.
z.config(zhCN())

/**
 * Field builders shared by the action schemas. Each carries a Chinese title, which both the
 * generated JSON Schema and the router's 400 messages use to name the field.
 */
// `choice`: a person picks an id (a chip, a list), never types one, so a form asks 请选择 for it.
export const id = (title: string) => z.string().trim().min(1, `请提供${title}`).max(64).meta({ title, choice: true })

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

/** An enterprise's one-time binding code: eight digits from its officer. */
export const bindingCode = z
  .string()
  .trim()
  .regex(/^\d{8}$/, '绑定码是 8 位数字，请向您的驻企特派员索取')
  .meta({ title: '绑定码' })

export const page = {
  limit: z.number().int().min(1).max(50).default(20).meta({ title: '每页条数' }),
  offset: z.number().int().min(0).max(100_000).default(0).meta({ title: '起始位置' }),
}

/** A calendar day, YYYY-MM-DD, that exists: 2026-02-30 and 2026-13-45 do not. */
export const day = (title: string) =>
  z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/, `${title}格式应为 YYYY-MM-DD`)
    .refine((value) => {
      const date = new Date(`${value}T00:00:00Z`)
      return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(value) && value >= '1900-01-01'
    }, `${title}不是有效的日期`)
    .meta({ title })

/** A month, YYYY-MM. */
export const month = z
  .string()
  .regex(/^20\d{2}-(0[1-9]|1[0-2])$/, '月份格式应为 YYYY-MM')
  .meta({ title: '月份' })

/** Free text a person may leave empty. */
export const optionalText = (title: string, max: number) =>
  z.string().trim().max(max, `${title}不能超过 ${max} 个字`).default('').meta({ title })

/** The version of a record the caller last saw: a change to an older one is refused (409). */
export const version = z.number().int().min(0).meta({ title: '版本号' })

/** A mobile or a landline with its area code. */
export const phone = z
  .string()
  .trim()
  .regex(/^(1\d{10}|0\d{2,3}-?\d{7,8})$/, '请填写 11 位手机号或带区号的固定电话')
  .meta({ title: '联系电话' })

/**
 * Made by the app once per form, and sent again with every retry of it: a create-like action does
 * its work once per person and request id (cloud/workflows/once.ts), so a doubled tap makes one.
 */
export const clientRequestId = z
  .string()
  .trim()
  .regex(/^[A-Za-z0-9-]{8,64}$/, '请求编号格式不正确')
  .meta({ title: '请求编号' })

/**
 * The option that runs a rule across fields as soon as the fields it reads are right on their own,
 * rather than only once the whole form is (zod's default): a form then shows it with the others,
 * not after they are fixed. Never on a payload that is not an object at all (an issue at its root).
 */
export const readsFields = (...fields: string[]) => ({
  when: (payload: { issues: readonly { path?: readonly PropertyKey[] }[] }) =>
    !payload.issues.some((issue) => !issue.path?.length || fields.includes(String(issue.path[0]))),
})

/** An action that takes no input still takes an object, and rejects unknown keys. */
export const empty = z.strictObject({})
