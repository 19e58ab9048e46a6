import type { FastifyInstance } from 'fastify'
import { publicLimit } from './limits'
import { qrSvg } from './qr-images'
import { Deps } from '../actions/context'
import { printSubject } from '../app/expo-codes'
import type { signedFileLinks } from '../app/file-links'
import { encodeScene, landingUrl } from '../domain/expo-scene'
import { findExhibitionById, listExhibitors } from '../store/repositories/exhibitions'

export interface PrintRouteOptions {
  services: Deps
  links: ReturnType<typeof signedFileLinks>
  /** Where the printed codes send a phone (see publicOrigin). */
  origin: () => string
}

const escape = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`)

interface Card {
  title: string
  name: string
  hall: string
  scene: string
  svg: string
}

/**
 * The printable sheet of an exhibition's codes: `GET /print/exhibitions/:id/codes?expires&signature`,
 * the link expo.codes signs for an admin. Each card is a QR code of the H5 landing page with the
 * booth's scene (the same scene a wxacode carries on WeChat), its booth number and exhibitor, laid
 * out twelve to an A4 page. The QR library lives here, on the server, and never in the app.
 */
export async function printRoutes(app: FastifyInstance, { services, links, origin }: PrintRouteOptions): Promise<void> {
  app.get<{ Params: { id: string }; Querystring: { expires?: string; signature?: string } }>(
    '/print/exhibitions/:id/codes',
    { config: { rateLimit: publicLimit } },
    async (request, reply) => {
      const { id } = request.params
      const page = (status: number, body: string) =>
        reply.status(status).header('content-type', 'text/html; charset=utf-8').header('cache-control', 'no-store').send(body)
      if (!links.verify(printSubject(id), request.query.expires ?? '', request.query.signature ?? '')) {
        return page(403, sheet('链接已失效', '<p class="note">打印链接已失效或不完整，请在管理页“展会扫码”中重新打开。</p>'))
      }
      const exhibition = await findExhibitionById(services.db, id)
      if (!exhibition) return page(404, sheet('没有这个展会', '<p class="note">没有这个展会。</p>'))

      const qr = (scene: string) => qrSvg(landingUrl(origin(), scene))
      const entrance = encodeScene({ kind: 'exhibition', code: exhibition.code })
      const cards: Card[] = [
        { title: '入口', name: exhibition.name, hall: '扫码登记 · 看展商 · 现场诉求', scene: entrance, svg: await qr(entrance) },
      ]
      for (const e of await listExhibitors(services.db, exhibition.id)) {
        const scene = encodeScene({ kind: 'booth', code: e.code })
        cards.push({ title: e.booth_no, name: e.name, hall: e.free_zone ? `${e.hall}（免费展位）` : e.hall, scene, svg: await qr(scene) })
      }
      const body = cards
        .map(
          (c) =>
            `<figure class="card"><div class="qr">${c.svg}</div><figcaption><b>${escape(c.title)}</b><span class="name">${escape(c.name)}</span>` +
            `<span class="hall">${escape(c.hall)}</span><span class="scene">${escape(c.scene)}</span></figcaption></figure>`,
        )
        .join('')
      return page(
        200,
        sheet(
          `${exhibition.name} 展位码`,
          `<header><h1>${escape(exhibition.name)} · 展位码</h1><p>${escape(exhibition.venue)} · 本表 ${cards.length - 1} 个展位 · 微信扫码进入“助企帮办”</p></header><main>${body}</main>`,
        ),
      )
    },
  )
}

/** One HTML page sized for A4: three codes across, four down, no card split over two pages. */
function sheet(title: string, content: string): string {
  return `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>${escape(title)}</title><style>
@page { size: A4; margin: 10mm; }
* { box-sizing: border-box; }
body { margin: 0; font-family: 'PingFang SC', 'Noto Sans CJK SC', 'Microsoft YaHei', sans-serif; color: #1d2129; }
header { padding: 0 0 4mm; border-bottom: 0.4mm solid #1f5fd6; margin-bottom: 4mm; }
h1 { margin: 0; font-size: 16pt; color: #1f5fd6; }
header p, .note { margin: 1mm 0 0; font-size: 9pt; color: #4e5969; }
main { display: grid; grid-template-columns: repeat(3, 1fr); gap: 4mm; }
.card { margin: 0; height: 60mm; padding: 3mm; border: 0.3mm dashed #86909c; border-radius: 2mm; display: flex; flex-direction: column; align-items: center; break-inside: avoid; page-break-inside: avoid; }
.qr { width: 38mm; height: 38mm; }
.qr svg { width: 100%; height: 100%; display: block; }
figcaption { display: flex; flex-direction: column; align-items: center; text-align: center; width: 100%; }
figcaption b { font-size: 15pt; line-height: 1.2; color: #1f5fd6; }
.name { font-size: 9.5pt; font-weight: 600; line-height: 1.3; max-height: 2.6em; overflow: hidden; }
.hall { font-size: 7.5pt; color: #4e5969; }
.scene { font-size: 6.5pt; color: #86909c; font-family: monospace; }
@media screen { body { width: 210mm; margin: 0 auto; padding: 10mm; background: #fff; } }
</style></head><body>${content}</body></html>`
}
