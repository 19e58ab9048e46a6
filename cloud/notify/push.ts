import { z } from 'zod'
import { TEMPLATES, TEMPLATE_KINDS, type TemplateKind } from '../domain/notifications'

/** One subscribe message as WeChat takes it. */
export interface PushRequest {
  /** Null for a person WeChat does not know (a local demo user): the local sender logs it anyway. */
  openid: string | null
  userId: string
  templateId: string
  page: string
  data: Record<string, { value: string }>
}

/**
 * Sent; or refused for good (a bad template; `revoked` when WeChat says the person has no grant
 * left or refused, so ours is cleared too); or try again later.
 */
export type PushOutcome = { ok: true } | { ok: false; permanent: boolean; revoked?: boolean; error: string }

export interface PushSender {
  send(request: PushRequest): Promise<PushOutcome>
}

/** Where each template is: its id in the WeChat console and the key each of our fields fills. */
export type TemplateConfig = Record<TemplateKind, { id: string; keys: Record<string, string> }>

const templateConfig = z.record(
  z.enum(TEMPLATE_KINDS),
  z.strictObject({ id: z.string().min(1), keys: z.record(z.string(), z.string().regex(/^[a-z_]+\d+$/)) }),
)

/**
 * SUBSCRIBE_TEMPLATES (JSON) names the templates chosen in the WeChat console; a kind it leaves out
 * keeps a local placeholder whose keys follow the field order (thing1, phrase2 …), which the local
 * sender logs and a real WeChat would refuse.
 */
export function readTemplateConfig(env: Record<string, string | undefined>): TemplateConfig {
  const configured: Partial<TemplateConfig> = env.SUBSCRIBE_TEMPLATES ? templateConfig.parse(JSON.parse(env.SUBSCRIBE_TEMPLATES)) : {}
  const config = {} as TemplateConfig
  for (const kind of TEMPLATE_KINDS) {
    const fields = Object.entries(TEMPLATES[kind].fields)
    config[kind] = configured[kind] ?? {
      id: `local-${kind}`,
      keys: Object.fromEntries(fields.map(([field, type], i) => [field, `${type}${i + 1}`])),
    }
  }
  return config
}

/** The local host's sender: it writes what would be pushed to the log. */
export function logSender(log: { info(message: string, fields?: Record<string, unknown>): void }): PushSender {
  return {
    async send(request) {
      log.info('push (local: logged, not sent)', {
        to: request.userId,
        template: request.templateId,
        page: request.page,
        data: request.data,
      })
      return { ok: true }
    },
  }
}
