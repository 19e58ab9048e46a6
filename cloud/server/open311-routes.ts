import { deadlinePromise } from '../domain/appeal/deadlines'
import type { FastifyInstance, FastifyReply } from 'fastify'
import { Deps } from '../actions/context'
import { DAY } from '../domain/clock'
import { categoryOfServiceCode, open311Services, toOpen311Request } from '../domain/open311'
import { publicLimit } from './limits'
import { findPublicRequest, listPublicRequests } from '../store/repositories/open311'

/** The standard's defaults: the last 90 days, at most 1,000 requests. */
const DEFAULT_SPAN = 90 * DAY
const MAX_REQUESTS = 1000

interface RequestsQuery {
  start_date?: string
  end_date?: string
  status?: string
  service_code?: string
  service_request_id?: string
}

/**
 * Open311 GeoReport v2, read-only: `GET /open311/v2/services.json`, `/requests.json` (start_date,
 * end_date, status, service_code, service_request_id) and `/requests/:id.json`. JSON only; errors
 * in the standard's shape ([{ code, description }]). Only appeals that passed the content check.
 */
export async function open311Routes(app: FastifyInstance, { services }: { services: Deps }): Promise<void> {
  const fail = (reply: FastifyReply, code: number, description: string) => reply.status(code).send([{ code, description }])

  const promise = deadlinePromise(services.deadlines)
  app.get('/open311/v2/services.json', { config: { rateLimit: publicLimit } }, async () => open311Services())

  app.get<{ Querystring: RequestsQuery }>('/open311/v2/requests.json', { config: { rateLimit: publicLimit } }, async (request, reply) => {
    const q = request.query
    // Each parameter once: ?status=open&status=closed is a question with no answer.
    const repeated = Object.entries(q).find(([, value]) => typeof value !== 'string')
    if (repeated) return fail(reply, 400, `${repeated[0].slice(0, 40)} may be given only once`)
    const now = services.clock.now()
    const end = q.end_date ? Date.parse(q.end_date) : now
    const start = q.start_date ? Date.parse(q.start_date) : end - DEFAULT_SPAN
    if (Number.isNaN(start) || Number.isNaN(end))
      return fail(reply, 400, 'start_date and end_date must be W3C date-times, e.g. 2026-03-01T00:00:00+08:00')
    if (q.status && q.status !== 'open' && q.status !== 'closed') return fail(reply, 400, 'status must be open or closed')
    const category = q.service_code ? categoryOfServiceCode(q.service_code) : undefined
    if (q.service_code && !category) return fail(reply, 400, `unknown service_code ${q.service_code.slice(0, 40)}`)
    const ids = q.service_request_id ? q.service_request_id.split(',').slice(0, MAX_REQUESTS) : undefined
    const status = q.status ? (q.status as 'open' | 'closed') : undefined
    const rows = await listPublicRequests(services.db, { ids, from: start, to: end, status, category }, MAX_REQUESTS)
    return rows.map((row) => toOpen311Request(row, promise))
  })

  app.get<{ Params: { file: string } }>('/open311/v2/requests/:file', { config: { rateLimit: publicLimit } }, async (request, reply) => {
    const id = /^(.+)\.json$/.exec(request.params.file)?.[1]
    if (!id) return fail(reply, 404, 'only .json is served')
    const row = await findPublicRequest(services.db, id)
    if (!row) return fail(reply, 404, `no service request ${id.slice(0, 64)}`)
    return [toOpen311Request(row, promise)]
  })
}
