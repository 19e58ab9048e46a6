import { z } from 'zod'
import { TEMPLATE_KINDS } from '../domain/notifications'

/** What the person answered in the subscribe dialog (Taro.requestSubscribeMessage), per template. */
export const grantSubscriptionInput = z.strictObject({
  results: z
    .array(z.strictObject({ template: z.enum(TEMPLATE_KINDS).meta({ title: '消息模板' }), accepted: z.boolean().meta({ title: '是否同意' }) }))
    .min(1)
    .max(3, '一次最多订阅 3 个模板')
    .meta({ title: '订阅结果' }),
})
