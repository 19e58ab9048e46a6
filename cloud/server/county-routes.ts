import type { FastifyInstance, FastifyReply } from 'fastify'
import { Deps } from '../actions/context'
import { inZone } from '../domain/clock'
import { AppError } from '../domain/errors'
import { publicLimit } from './limits'
import { answerCountyCase, openCountyCase, type CountyCase } from '../workflows/county-answer'

const escape = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`)
const when = (ms: number) => inZone(ms).format('YYYY年M月D日 HH:mm')

/** Longest answer and signature the page takes, as the timeline keeps them. */
const LIMITS = { answer: 2000, by: 60 }

/**
 * 上报: the page a county officer opens from the link the town's handler sent (`/county/<token>`),
 * with no account. It shows the question, the appeal and its documents, and takes the answer once
 * (`POST /county/<token>`, a plain form or JSON), which lands in the appeal's timeline. The token is
 * checked on every request: its signature, its expiry, and that it names an escalation of that very
 * appeal; anything else is a 404 page that gives nothing away. Both are rate limited as every anonymous route.
 */
export async function countyRoutes(app: FastifyInstance, { services }: { services: Deps }): Promise<void> {
  // A plain HTML form posts urlencoded; the page works without JavaScript.
  app.addContentTypeParser('application/x-www-form-urlencoded', { parseAs: 'string', bodyLimit: 64 * 1024 }, (_request, body, done) =>
    done(null, Object.fromEntries(new URLSearchParams(String(body)))),
  )

  const page = (reply: FastifyReply, status: number, title: string, body: string) =>
    reply
      .status(status)
      .header('content-type', 'text/html; charset=utf-8')
      .header('cache-control', 'no-store')
      .header('referrer-policy', 'no-referrer')
      .header('x-robots-tag', 'noindex')
      .send(sheet(title, body))

  const failed = (reply: FastifyReply, error: unknown) => {
    if (!(error instanceof AppError)) throw error
    return page(reply, error.status, '无法打开', `<p class="note">${escape(error.message)}</p>`)
  }

  app.get<{ Params: { token: string } }>('/county/:token', { config: { rateLimit: publicLimit } }, async (request, reply) => {
    try {
      return page(reply, 200, '县级部门答复', render(await openCountyCase(services, request.params.token)))
    } catch (error) {
      return failed(reply, error)
    }
  })

  app.post<{ Params: { token: string }; Body: Record<string, unknown> | null }>(
    '/county/:token',
    { config: { rateLimit: publicLimit } },
    async (request, reply) => {
      const body = request.body ?? {}
      const text = typeof body.answer === 'string' ? body.answer.trim() : ''
      const by = typeof body.answeredBy === 'string' ? body.answeredBy.trim() : ''
      const problem = !text
        ? '请填写答复意见'
        : text.length > LIMITS.answer
          ? `答复意见不能超过 ${LIMITS.answer} 个字`
          : !by
            ? '请填写答复单位和答复人'
            : by.length > LIMITS.by
              ? `答复单位和答复人不能超过 ${LIMITS.by} 个字`
              : (text + by).includes('\u0000')
                ? '含有无法识别的控制字符'
                : null
      try {
        if (problem) {
          const current = await openCountyCase(services, request.params.token)
          return page(reply, 400, '县级部门答复', render(current, problem, { text, by }))
        }
        const answered = await answerCountyCase(services, request.params.token, { text, by })
        return page(reply, 200, '答复已送达', render(answered))
      } catch (error) {
        return failed(reply, error)
      }
    },
  )
}

/** The case, and the form while it has no answer. */
function render(c: CountyCase, problem?: string, typed?: { text: string; by: string }): string {
  const handler = c.town.handler
  const files = c.attachments.length
    ? `<ul class="files">${c.attachments.map((f) => `<li><a href="${escape(f.url)}" target="_blank" rel="noopener">${escape(f.name)}</a></li>`).join('')}</ul>`
    : ''
  const answer = c.answer
    ? `<section class="answer"><h2>您的答复已送达</h2><p>${escape(c.answer)}</p><p class="note">${escape(c.answeredBy ?? '')} · ${when(c.answeredAt!)}</p></section>`
    : `<form method="post"><h2>答复意见</h2>${problem ? `<p class="error">${escape(problem)}</p>` : ''}` +
      `<textarea name="answer" rows="8" maxlength="${LIMITS.answer}" placeholder="请写明意见、依据和办理建议" required>${escape(typed?.text ?? '')}</textarea>` +
      `<input name="answeredBy" maxlength="${LIMITS.by}" placeholder="答复单位和答复人，如：县自然资源和规划局 王某" value="${escape(typed?.by ?? '')}" required>` +
      `<button type="submit">提交答复</button><p class="note">答复只能提交一次，将记入该诉求的办理过程。链接有效期至 ${when(c.expiresAt)}。</p></form>`
  return (
    `<header><h1>${escape(c.office)}：请答复镇里上报的事项</h1>` +
    `<p>${escape(c.town.department ?? '镇里')}${handler ? ` · ${escape(handler.name)}（${escape(handler.title)}，${escape(handler.phone)}）` : ''} · 上报于 ${when(c.askedAt)}</p></header>` +
    `<section><h2>上报事项</h2><p>${escape(c.question)}</p></section>` +
    `<section><h2>企业诉求：${escape(c.appealTitle)}</h2><p class="note">${escape(c.category)}</p><p>${escape(c.description)}</p>${files}</section>` +
    answer
  )
}

function sheet(title: string, content: string): string {
  return `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${escape(title)}</title><style>
* { box-sizing: border-box; }
body { margin: 0 auto; max-width: 720px; padding: 16px; font-family: 'PingFang SC', 'Noto Sans CJK SC', 'Microsoft YaHei', sans-serif; color: #1d2129; line-height: 1.6; }
header { border-bottom: 2px solid #1f5fd6; margin-bottom: 12px; }
h1 { margin: 0; font-size: 20px; color: #1f5fd6; }
h2 { font-size: 16px; margin: 16px 0 4px; }
p { margin: 4px 0; white-space: pre-wrap; }
.note { color: #4e5969; font-size: 13px; }
.error { color: #d4380d; }
textarea, input { display: block; width: 100%; margin: 8px 0; padding: 8px; font: inherit; border: 1px solid #c9cdd4; border-radius: 6px; }
button { padding: 10px 24px; font: inherit; color: #fff; background: #1f5fd6; border: 0; border-radius: 6px; }
.answer { padding: 8px 12px; background: #e8f3ff; border-radius: 6px; }
</style></head><body>${content}</body></html>`
}
