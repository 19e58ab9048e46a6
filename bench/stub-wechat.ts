import { spawn } from 'node:child_process'
import { Agent, request } from 'node:http'
import type { DispatchDeps } from '../cloud/notify/dispatch-outbox'
import { readTemplateConfig, type PushSender } from '../cloud/notify/push'
import { systemClock } from '../cloud/domain/clock'
import type { Db } from '../cloud/store/database'

/**
 * A stand-in for WeChat's send API on loopback, in a process of its own (WeChat is elsewhere: it
 * does not share a dispatcher's event loop): it answers errcode 0 after `latencyMs`, a round trip's time.
 */
export async function startStubWeChat(latencyMs: number): Promise<{ url: string; stop: () => void }> {
  const stub = spawn(
    process.execPath,
    [
      '-e',
      `const server = require('node:http').createServer((request, response) => {
        request.resume()
        request.on('end', () => setTimeout(() => response.writeHead(200, { 'content-type': 'application/json' }).end('{"errcode":0,"errmsg":"ok"}'), ${latencyMs}))
      })
      server.listen(0, '127.0.0.1', () => console.log(server.address().port))`,
    ],
    { stdio: ['ignore', 'pipe', 'inherit'] },
  )
  const port = await new Promise<number>((resolve) => stub.stdout.once('data', (chunk: Buffer) => resolve(Number(String(chunk).trim()))))
  return { url: `http://127.0.0.1:${port}/cgi-bin/message/subscribe/send`, stop: () => stub.kill() }
}

/** A sender that posts each push to `url` over kept-alive connections, as a real sender holds to WeChat's API. */
export function stubSender(url: string): { sender: PushSender; close: () => void } {
  const agent = new Agent({ keepAlive: true, maxSockets: 128 })
  const post = (body: string) =>
    new Promise<{ errcode: number; errmsg: string }>((resolve, reject) => {
      const req = request(url, { method: 'POST', agent, headers: { 'content-type': 'application/json' } }, (res) => {
        let text = ''
        res.setEncoding('utf8')
        res.on('data', (chunk: string) => (text += chunk))
        res.on('end', () => resolve(JSON.parse(text) as { errcode: number; errmsg: string }))
      })
      req.on('error', reject)
      req.end(body)
    })
  const sender: PushSender = {
    async send(push) {
      const body = await post(
        JSON.stringify({ touser: push.openid ?? push.userId, template_id: push.templateId, page: push.page, data: push.data }),
      )
      return body.errcode === 0 ? { ok: true } : { ok: false, permanent: false, error: body.errmsg }
    },
  }
  return { sender, close: () => agent.destroy() }
}

/** What a dispatcher in the bench works with: the real clock, the default templates, a quiet log. */
export const benchDispatchDeps = (db: Db, sender: PushSender): DispatchDeps => ({
  db,
  clock: systemClock,
  sender,
  templates: readTemplateConfig({}),
  log: { info: () => {}, error: console.error },
})
