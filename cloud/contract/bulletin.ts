import { z } from 'zod'

export const bulletinInput = z.strictObject({
  month: z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, '月份格式应为 YYYY-MM').meta({ title: '月份' }),
})
