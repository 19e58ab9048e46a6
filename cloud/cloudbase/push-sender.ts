import type { PushOutcome, PushSender } from '../notify/push'

/** The part of wx-server-sdk's openapi that sends subscribe messages. */
export interface SubscribeMessageApi {
  send(request: {
    touser: string
    templateId: string
    page: string
    data: Record<string, { value: string }>
    miniprogramState?: string
  }): Promise<{ errCode?: number; errMsg?: string }>
}

/** WeChat's answers that will not change by trying again. */
const PERMANENT: Record<number, { revoked: boolean }> = {
  43101: { revoked: true }, // the person refused, or has no grant left
  40003: { revoked: false }, // the openid is not valid
  40037: { revoked: false }, // the template id is not valid
  47003: { revoked: false }, // the data does not fit the template
}

/**
 * Pushes through cloud.openapi.subscribeMessage.send (the function's config.json grants the
 * permission). A known refusal is permanent; anything else (busy, network) is worth a retry.
 */
export function wechatPushSender(api: SubscribeMessageApi, miniprogramState: 'formal' | 'trial' | 'developer' = 'formal'): PushSender {
  return {
    async send(request): Promise<PushOutcome> {
      if (!request.openid) return { ok: false, permanent: true, error: '该用户没有微信身份' }
      try {
        const reply = await api.send({
          touser: request.openid,
          templateId: request.templateId,
          page: request.page,
          data: request.data,
          miniprogramState,
        })
        if (!reply.errCode) return { ok: true }
        return {
          ok: false,
          permanent: reply.errCode in PERMANENT,
          revoked: PERMANENT[reply.errCode]?.revoked,
          error: `${reply.errCode} ${reply.errMsg ?? ''}`,
        }
      } catch (error) {
        const code = (error as { errCode?: number }).errCode
        if (code !== undefined && code in PERMANENT)
          return { ok: false, permanent: true, revoked: PERMANENT[code].revoked, error: `${code} ${String(error)}` }
        return { ok: false, permanent: false, error: String(error) }
      }
    },
  }
}
