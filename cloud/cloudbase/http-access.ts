import type { Deps } from '../actions/context'
import { answerOpen311, type Open311Query } from '../app/open311'

/**
 * A call through CloudBase's HTTP access service (HTTP 访问服务), which hands the function the
 * request as an event of this shape and sends back what it returns.
 */
export interface HttpAccessEvent {
  path: string
  httpMethod: string
  headers?: Record<string, string>
  queryStringParameters?: Record<string, string> | null
  multiValueQueryStringParameters?: Record<string, string[]> | null
  body?: string | null
  isBase64Encoded?: boolean
}

export interface HttpAccessReply {
  statusCode: number
  headers: Record<string, string>
  body: string
  isBase64Encoded: false
}

export const isHttpAccess = (event: unknown): event is HttpAccessEvent =>
  typeof event === 'object' &&
  event !== null &&
  typeof (event as HttpAccessEvent).httpMethod === 'string' &&
  typeof (event as HttpAccessEvent).path === 'string'

const json = (statusCode: number, body: unknown): HttpAccessReply => ({
  statusCode,
  headers: { 'content-type': 'application/json; charset=utf-8', 'x-content-type-options': 'nosniff', 'cache-control': 'no-store' },
  body: JSON.stringify(body),
  isBase64Encoded: false,
})

/**
 * What the function serves over HTTP: only the read-only Open311 endpoint for the city's 12345
 * system (no personal data in it). The path may carry the route the access service was set up
 * under (say /bangban/open311/v2/...); everything else is a 404. The actions are not served here:
 * the mini-program calls them through callFunction, where WeChat says who is calling.
 */
export async function answerHttpAccess(deps: Pick<Deps, 'db' | 'clock' | 'deadlines'>, event: HttpAccessEvent): Promise<HttpAccessReply> {
  const at = event.path.indexOf('/open311/v2/')
  if (event.httpMethod !== 'GET' || at < 0) return json(404, [{ code: 404, description: 'only GET /open311/v2/ is served here' }])
  // A parameter given twice arrives as a list (multi-value) and is refused as such by the answer.
  const query: Open311Query = { ...(event.queryStringParameters ?? {}) }
  for (const [key, values] of Object.entries(event.multiValueQueryStringParameters ?? {})) if (values.length > 1) query[key] = values
  const { status, body } = await answerOpen311(deps, event.path.slice(at), query)
  return json(status, body)
}
