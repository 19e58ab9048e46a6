import type { FastifyInstance } from 'fastify'
import { randomBytes } from 'node:crypto'
import { Deps } from '../cloud/actions/context'
import { localContentCheck } from '../cloud/app/content-check'
import { signedFileLinks } from '../cloud/app/file-links'
import { createTokenService } from '../cloud/app/token'
import { DEFAULT_DEADLINES } from '../cloud/domain/appeal/deadlines'
import { systemClock } from '../cloud/domain/clock'
import { logSender, readTemplateConfig } from '../cloud/notify/push'
import { buildHttpApp } from '../cloud/server/http-app'
import type { Store } from '../cloud/store/connect'

export interface BenchServer {
  url: string
  app: FastifyInstance
  /** A dev-login token for a seeded or generated user, as the H5 login page gets one. */
  login(userId: string): Promise<{ token: string; expiresAt: number }>
  /** A session token signed directly, for signing in hundreds of people without the login limit (60 a minute per address). */
  token(userId: string): Promise<string>
  close(): Promise<void>
}

/**
 * The local host as `npm start` builds it (real clock, dev login on, pushes to a silent log, no
 * timers), on a free loopback port. Errors are printed: a benchmark that hits 500s must say so.
 */
export async function serveBench(store: Store, { staticDir }: { staticDir?: string } = {}): Promise<BenchServer> {
  const secret = randomBytes(32).toString('hex')
  const log = {
    info: () => {},
    error: (message: string, fields?: Record<string, unknown>) => console.error(`[server] ${message}`, fields ?? ''),
  }
  const tokens = createTokenService(secret, 3600, systemClock)
  const services: Deps = {
    db: store.db,
    clock: systemClock,
    deadlines: DEFAULT_DEADLINES,
    contentCheck: localContentCheck({}),
    files: signedFileLinks(secret, systemClock),
    push: { templates: readTemplateConfig({}), sender: logSender({ info: () => {} }) },
    devTokens: tokens,
    log,
  }
  const app = buildHttpApp({ services, staticDir })
  const url = await app.listen({ host: '127.0.0.1', port: 0 })
  return {
    url,
    app,
    async login(userId) {
      const response = await fetch(`${url}/api/auth.devLogin`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ userId }),
      })
      const body = (await response.json()) as { ok: boolean; data?: { token: string; expiresAt: number }; error?: { message: string } }
      if (!body.ok || !body.data) throw new Error(`dev login of ${userId} failed: ${body.error?.message}`)
      return body.data
    },
    token: async (userId) => (await tokens.issue(userId)).token,
    close: () => app.close(),
  }
}
