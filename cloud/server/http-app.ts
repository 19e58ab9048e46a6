import fastifyStatic from '@fastify/static'
import Fastify, { type FastifyInstance } from 'fastify'
import { existsSync } from 'node:fs'
import { resolve } from 'node:path'
import { z } from 'zod'
import { Deps } from '../actions/context'
import { callerFromBearer } from '../app/identity'
import { dispatch, isExposed } from '../app/router'
import { actions, type ActionName } from '../contract'
import { ERROR_STATUS } from '../domain/errors'
import { pingStore } from '../store/repositories/health'
import { codeRoutes } from './code-routes'
import { countyRoutes } from './county-routes'
import { open311Routes } from './open311-routes'
import { printRoutes } from './print-routes'
import { publicOrigin } from './public-origin'
import { uploadRoutes, type UploadRouteOptions } from './upload-routes'

export interface HttpAppOptions {
  services: Deps
  /** The H5 build to serve at /, when it exists. */
  staticDir?: string
  /** Local file uploads (附件), when this host keeps them: the signed links and the folder. */
  uploads?: Omit<UploadRouteOptions, 'services'>
  /** Where QR codes send a phone (PUBLIC_URL); the address this host listens on if not given. */
  publicUrl?: string
}

/**
 * The local host of the API: the same router the cloud function runs, over HTTP, plus the H5
 * build. `POST /api/<action>` with a JSON payload and `Authorization: Bearer <token>`.
 */
export function buildHttpApp({ services, staticDir, uploads, publicUrl }: HttpAppOptions): FastifyInstance {
  const app = Fastify({ logger: false, bodyLimit: 1024 * 1024 })
  const origin = () => publicOrigin(app, publicUrl)

  // A body that is not JSON is the caller's mistake, and gets the same envelope as any other.
  app.setErrorHandler((error: { statusCode?: number; message: string }, _request, reply) => {
    const status = error.statusCode && error.statusCode < 500 ? error.statusCode : ERROR_STATUS.INTERNAL
    if (status === ERROR_STATUS.INTERNAL) services.log.error('http error', { error: error.message })
    const message = status === 413 ? '请求内容过大' : status < 500 ? '请求内容不是有效的 JSON' : '服务暂时出了点问题，请稍后再试'
    void reply.status(status).send({ ok: false, error: { code: status < 500 ? 'BAD_REQUEST' : 'INTERNAL', message } })
  })

  app.get('/api/health', async (_request, reply) => {
    try {
      await pingStore(services.db)
      return { ok: true, data: { status: 'up' } }
    } catch {
      return reply.status(503).send({ ok: false, error: { code: 'INTERNAL', message: '数据库不可用' } })
    }
  })

  app.get('/api/actions', async () => ({
    ok: true,
    data: (Object.keys(actions) as ActionName[])
      .filter((name) => isExposed(services, name))
      .map((name) => ({
        name,
        summary: actions[name].summary,
        roles: actions[name].access,
        payload: z.toJSONSchema(actions[name].input, { io: 'input' }),
      })),
  }))

  if (uploads) void app.register(uploadRoutes, { services, ...uploads })
  // The exhibition's printable code sheet is signed like a local file's link, with the same secret.
  if (uploads) void app.register(printRoutes, { services, links: uploads.links, origin })

  void app.register(codeRoutes, { origin })
  // Read-only GeoReport v2 for the city's 12345 system and open-data portals: no personal data.
  void app.register(open311Routes, { services })
  // 上报: the page a county office answers an escalated appeal on, by its signed link, without an account.
  if (services.countyLinks) void app.register(countyRoutes, { services })

  app.post<{ Params: { action: string } }>('/api/:action', async (request, reply) => {
    const caller = await callerFromBearer(services.db, services.devTokens, request.headers.authorization)
    const { status, body } = await dispatch(services, caller, request.params.action, request.body)
    return reply.status(status).send(body)
  })

  if (staticDir && existsSync(staticDir)) {
    void app.register(fastifyStatic, { root: resolve(staticDir), index: ['index.html'] })
  }
  return app
}
