import type { FastifyInstance } from 'fastify'
import { CHECKIN_PAGE } from '../actions/enterprise/checkin-code'
import { publicLimit } from './limits'
import { qrPng } from './qr-images'

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
}
