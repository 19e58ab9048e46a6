import type { Deps } from '../actions/context'
import { deadlinePromise } from '../domain/appeal/deadlines'
import { categoryOfServiceCode, open311Services, toOpen311Request } from '../domain/open311'
import { DAY } from '../domain/time-units'
import { findPublicRequest, listPublicRequests } from '../store/repositories/open311'

/** The standard's defaults: the last 90 days, at most 1,000 requests. */
const DEFAULT_SPAN = 90 * DAY
const MAX_REQUESTS = 1000

/** A query as a host parsed it: a parameter given twice arrives as a list. */
export type Open311Query = Record<string, string | string[] | undefined>

export interface Open311Reply {
  status: number
  body: unknown
}

const fail = (status: number, description: string): Open311Reply => ({ status, body: [{ code: status, description }] })

/**
 * Open311 GeoReport v2, read-only, for any host (the local one over HTTP, CloudBase through its
 * HTTP access service): `services.json`, `requests.json` (start_date, end_date, status,
 * service_code, service_request_id) and `requests/<id>.json`, under /open311/v2/. JSON only; errors
 * in the standard's shape ([{ code, description }]). Only appeals that passed the content check,
 * and of them only what staff wrote for the public (see domain/open311.ts).
 */
export async function answerOpen311(
  deps: Pick<Deps, 'db' | 'clock' | 'deadlines'>,
  path: string,
  query: Open311Query,
): Promise<Open311Reply> {
  const promise = deadlinePromise(deps.deadlines)
  // Each parameter once: ?status=open&status=closed is a question with no answer.
  const repeated = Object.entries(query).find(([, value]) => value !== undefined && typeof value !== 'string')
  if (repeated) return fail(400, `${repeated[0].slice(0, 40)} may be given only once`)
  const q = query as Record<string, string | undefined>

  if (path === '/open311/v2/services.json') return { status: 200, body: open311Services() }

  if (path === '/open311/v2/requests.json') {
    const now = deps.clock.now()
    const end = q.end_date ? Date.parse(q.end_date) : now
    const start = q.start_date ? Date.parse(q.start_date) : end - DEFAULT_SPAN
    if (Number.isNaN(start) || Number.isNaN(end))
      return fail(400, 'start_date and end_date must be W3C date-times, e.g. 2026-03-01T00:00:00+08:00')
    if (q.status && q.status !== 'open' && q.status !== 'closed') return fail(400, 'status must be open or closed')
    const category = q.service_code ? categoryOfServiceCode(q.service_code) : undefined
    if (q.service_code && !category) return fail(400, `unknown service_code ${q.service_code.slice(0, 40)}`)
    const ids = q.service_request_id ? q.service_request_id.split(',').slice(0, MAX_REQUESTS) : undefined
    const status = q.status ? (q.status as 'open' | 'closed') : undefined
    const rows = await listPublicRequests(deps.db, { ids, from: start, to: end, status, category }, MAX_REQUESTS)
    return { status: 200, body: rows.map((row) => toOpen311Request(row, promise)) }
  }

  const one = /^\/open311\/v2\/requests\/([^/]+)$/.exec(path)?.[1]
  if (one !== undefined) {
    const id = /^(.+)\.json$/.exec(decodeURIComponent(one))?.[1]
    if (!id) return fail(404, 'only .json is served')
    const row = await findPublicRequest(deps.db, id)
    if (!row) return fail(404, `no service request ${id.slice(0, 64)}`)
    return { status: 200, body: [toOpen311Request(row, promise)] }
  }
  return fail(404, 'no such resource; see /open311/v2/services.json')
}
