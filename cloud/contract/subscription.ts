import { z } from 'zod'
import { TEMPLATE_KINDS } from '../domain/notifications'
import { empty } from './fields'
import { type Area, EVERYONE_SIGNED_IN, returns } from './spec'

/** What the person answered in the subscribe dialog (Taro.requestSubscribeMessage), per template. */
export const grantSubscriptionInput = z.strictObject({
  results: z
    .array(
      z.strictObject({ template: z.enum(TEMPLATE_KINDS).meta({ title: '消息模板' }), accepted: z.boolean().meta({ title: '是否同意' }) }),
    )
    .min(1)
    .max(3, '一次最多订阅 3 个模板')
    .meta({ title: '订阅结果' }),
})

/** A subscribe-message template the app asks the person to allow. */
export interface SubscriptionTemplate {
  kind: string
  id: string
  label: string
}

/** 订阅消息 */
export const subscriptionActions = {
  'subscription.templates': {
    summary: '可订阅的消息模板（小程序据此请求订阅）',
    access: EVERYONE_SIGNED_IN,
    input: empty,
    output: returns<SubscriptionTemplate[]>(),
  },
  'subscription.grant': {
    summary: '记录用户在订阅弹窗中的选择（一次性订阅，每次同意可推送一条）',
    access: EVERYONE_SIGNED_IN,
    input: grantSubscriptionInput,
    output: returns<Record<string, number>>(),
  },
} satisfies Area<'subscription'>
