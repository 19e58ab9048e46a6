import Taro from '@tarojs/taro'
import type { SubscriptionTemplate } from '../../cloud/contract'
import type { TemplateKind } from '../../cloud/domain/notifications'
import { callApi } from './client'

let templates: SubscriptionTemplate[] = []

/** Loads the template ids once, at launch, so that a later tap can ask at once. WeChat only. */
export async function loadSubscriptionTemplates(): Promise<void> {
  if (process.env.TARO_ENV !== 'weapp') return
  templates = await callApi('subscription.templates', {}, { silent: true }).catch(() => [])
}

/**
 * Asks the person to allow these pushes (at most 3 templates a call) and records the answer. WeChat
 * shows the dialog only from a tap, so this is called first thing in a tap handler, not after an
 * await. Each 'accept' of a one-time template allows one push; the message centre gets every
 * message either way. Elsewhere (the browser build) it does nothing.
 */
export function askToSubscribe(kinds: TemplateKind[]): void {
  if (process.env.TARO_ENV !== 'weapp') return
  const chosen = templates.filter((t) => (kinds as string[]).includes(t.kind)).slice(0, 3)
  if (chosen.length === 0) return
  Taro.requestSubscribeMessage({ tmplIds: chosen.map((t) => t.id), entityIds: [] })
    .then((reply) => {
      // The answer per template id: 'accept', 'reject', 'ban' or 'filter'.
      const answers = reply as unknown as Record<string, string>
      return callApi(
        'subscription.grant',
        { results: chosen.map((t) => ({ template: t.kind as TemplateKind, accepted: answers[t.id] === 'accept' })) },
        { silent: true },
      )
    })
    .catch(() => undefined)
}
