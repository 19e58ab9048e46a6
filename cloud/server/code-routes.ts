import type { FastifyInstance } from 'fastify'
import { CHECKIN_PAGE } from '../actions/enterprise/checkin-code'
import { publicLimit } from './limits'
import { drawQrPng, qrPng } from './qr-images'
import { BIND_PAGE, JOIN_PAGE } from '../workflows/access-codes'

/**
 * `GET /codes/checkin/:code.png`: an enterprise's 走访码 on the local host, a QR code of the H5
 * check-in page with the code in its link, so a phone's camera opens it and a visitor signed in
 * checks in there. On CloudBase the same code is a mini-program code (wxacode) instead.
 */
export async function codeRoutes(app: FastifyInstance, { origin }: { origin: () => string }): Promise<void> {
  app.get<{ Params: { file: string } }>('/codes/checkin/:file', { config: { rateLimit: publicLimit } }, async (request, reply) => {
    const code = /^([A-Za-z0-9_-]{6,32})\.png$/.exec(request.params.file)?.[1]
    if (!code) return reply.status(404).send({ ok: false, error: { code: 'NOT_FOUND', message: '没有这个走访码' } })
    const png = await qrPng(`${origin()}/#/${CHECKIN_PAGE}?c=${code}`)
    return reply.header('content-type', 'image/png').header('cache-control', 'public, max-age=86400').send(png)
  })

  // A staff invitation (or the setup code) and an enterprise's binding code, drawn the same way. The
  // route looks nothing up: it draws whatever code its link names, which only the issuer was given.
  // Not cached: a code is shown once and spent.
  app.get<{ Params: { file: string } }>('/codes/join/:file', { config: { rateLimit: publicLimit } }, async (request, reply) => {
    const code = /^([A-Z0-9]{12})\.png$/.exec(request.params.file)?.[1]
    if (!code) return reply.status(404).send({ ok: false, error: { code: 'NOT_FOUND', message: '没有这个邀请码' } })
    const png = await drawQrPng(`${origin()}/#/${JOIN_PAGE}?c=${code}`)
    return reply.header('content-type', 'image/png').header('cache-control', 'no-store').send(png)
  })
  app.get<{ Params: { file: string } }>('/codes/bind/:file', { config: { rateLimit: publicLimit } }, async (request, reply) => {
    const match = /^([0-9A-Z]{18})\.(\d{8})\.png$/.exec(request.params.file)
    if (!match) return reply.status(404).send({ ok: false, error: { code: 'NOT_FOUND', message: '没有这个绑定码' } })
    const png = await drawQrPng(`${origin()}/#/${BIND_PAGE}?c=${match[1]}&k=${match[2]}`)
    return reply.header('content-type', 'image/png').header('cache-control', 'no-store').send(png)
  })
}
