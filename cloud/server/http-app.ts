import helmet from '@fastify/helmet'
import fastifyStatic from '@fastify/static'
import Fastify, { type FastifyInstance } from 'fastify'
import { createHash } from 'node:crypto'
import { existsSync, readFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { z } from 'zod'
import { Deps } from '../actions/context'
import { callerFromBearer } from '../app/identity'
import { dispatch, isExposed } from '../app/router'
import { actions, type ActionName } from '../contract'
import { ERROR_STATUS, type ErrorCode } from '../domain/errors'
import type { ApiErrorBody, ApiResult } from '../contract'
import rateLimit from '@fastify/rate-limit'
import { apiLimit, limiterOptions } from './limits'
import { pingStore, writeHeartbeat } from '../store/repositories/health'
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

  // Every failure Fastify or a plugin raises answers the same envelope as the actions, with a
  // message that says what happened; only what is truly unexpected is a 500, logged once.
  app.setErrorHandler((error: HttpFailure, _request, reply) => {
    const { status, body } = describeFailure(error)
    if (status >= 500) services.log.error('http error', { error: error.stack ?? error.message })
    void reply.status(status).send(body)
  })
  app.setNotFoundHandler((request, reply) => {
    void reply
      .status(404)
      .send({ ok: false, error: { code: 'NOT_FOUND', message: `没有这个地址：${request.method} ${request.url.slice(0, 100)}` } })
  })

  void app.register(helmet, {
    // The H5 app loads its own scripts and styles only; Taro and NutUI set inline styles, and
    // pictures come from the app, from uploads (blob: while picking) and from drawn codes (data:).
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'", ...inlineScriptHashes(staticDir)],
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:', 'blob:'],
        fontSrc: ["'self'", 'data:'],
        connectSrc: ["'self'"],
        objectSrc: ["'none'"],
        baseUri: ["'self'"],
        frameAncestors: ["'none'"],
        formAction: ["'self'"],
        // Plain HTTP on loopback: an upgrade to https would break every request.
        upgradeInsecureRequests: null,
      },
    },
    frameguard: { action: 'deny' },
    referrerPolicy: { policy: 'same-origin' },
    // Plain HTTP on loopback: no HSTS, and no upgrading of requests.
    hsts: false,
  })
  // Who is calling, once per request: the limiter counts by it and the API routes use it.
  app.decorateRequest('caller', null as never)
  app.addHook('onRequest', async (request) => {
    request.caller = request.headers.authorization
      ? await callerFromBearer(services.db, services.devTokens, request.headers.authorization, services.clock)
      : { kind: 'anonymous' }
  })
  // Registered before the routes (which are plugins below), so that every route can opt in.
  void app.register(rateLimit, limiterOptions)

  void app.register(async (api) => {
    api.get('/api/health', async (_request, reply) => {
      try {
        await pingStore(services.db)
      } catch {
        return reply.status(503).send({ ok: false, error: { code: 'INTERNAL', message: '数据库不可用' } })
      }
      try {
        // A store can answer reads and refuse every write (a full disk): health says so.
        await writeHeartbeat(services.db, services.clock.now())
      } catch (error) {
        services.log.error('store write failed', { error: error instanceof Error ? error.message : String(error) })
        return reply.status(503).send({ ok: false, error: { code: 'INTERNAL', message: '数据库无法写入（磁盘已满或只读）' } })
      }
      return { ok: true, data: { status: 'up' } }
    })

    api.get('/api/actions', async () => ({
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

    api.post<{ Params: { action: string } }>('/api/:action', { config: { rateLimit: apiLimit } }, async (request, reply) => {
      const { status, body } = await dispatch(services, request.caller, request.params.action, request.body)
      return reply.status(status).send(body)
    })
  })

  if (staticDir && existsSync(staticDir)) {
    void app.register(fastifyStatic, { root: resolve(staticDir), index: ['index.html'] })
  }
  return app
}

/**
 * The H5 page's own inline scripts, allowed by their hashes rather than by allowing every inline
 * script: Taro's rem scaler in index.html, and the `javascript:;` links of Taro's tab bar (allowed
 * through 'unsafe-hashes', which admits a javascript: link only when its hash is listed).
 */
function inlineScriptHashes(staticDir: string | undefined): string[] {
  const page = staticDir ? join(staticDir, 'index.html') : undefined
  const html = page && existsSync(page) ? readFileSync(page, 'utf8') : ''
  const scripts = [...html.matchAll(/<script>([\s\S]*?)<\/script>/g)].map((m) => m[1])
  const hash = (text: string) => `'sha256-${createHash('sha256').update(text).digest('base64')}'`
  return [...scripts.map(hash), "'unsafe-hashes'", hash('javascript:;')]
}

type HttpFailure = Error & { statusCode?: number; code?: string; ok?: false; error?: ApiErrorBody }

/** What a failure raised outside the actions means for the caller. */
function describeFailure(error: HttpFailure): { status: number; body: ApiResult<never> } {
  const status = error.statusCode && error.statusCode >= 400 && error.statusCode < 500 ? error.statusCode : ERROR_STATUS.INTERNAL
  const reply = (code: ErrorCode, message: string) => ({ status, body: { ok: false as const, error: { code, message } } })
  // The limiter's refusal already is an envelope.
  if (error.ok === false && error.error) return { status, body: { ok: false, error: error.error } }
  if (status === 413) return reply('BAD_REQUEST', '请求内容过大')
  if (error.code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE') return reply('BAD_REQUEST', '请求内容的类型不受支持，请以 JSON 发送')
  if (error.code === 'FST_ERR_CTP_EMPTY_JSON_BODY' || error.code === 'FST_ERR_CTP_INVALID_JSON_BODY' || error instanceof SyntaxError)
    return reply('BAD_REQUEST', '请求内容不是有效的 JSON')
  if (status === 404) return reply('NOT_FOUND', '没有这个地址')
  if (status < 500) return reply('BAD_REQUEST', '请求的地址或内容无效')
  return reply('INTERNAL', '服务暂时出了点问题，请稍后再试')
}
