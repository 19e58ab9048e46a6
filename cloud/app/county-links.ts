import { createHmac, timingSafeEqual } from 'node:crypto'
import type { CountyLinks } from '../actions/ports'
import type { Clock } from '../domain/clock'

/**
 * 上报 links: a county office answers an escalated appeal through a link, without an account. The
 * token names one escalation of one appeal and when it expires, signed with HMAC-SHA256; a changed
 * character, another appeal's id or a passed expiry makes it worthless.
 */
export function signedCountyLinks(secret: string, clock: Clock, baseUrl: string): CountyLinks {
  const mac = (payload: string) => createHmac('sha256', secret).update(`county:${payload}`).digest('base64url')
  return {
    sign({ id, appealId, expiresAt }) {
      const payload = Buffer.from(`${id}.${appealId}.${expiresAt}`).toString('base64url')
      const token = `${payload}.${mac(payload)}`
      return { token, url: `${baseUrl.replace(/\/+$/, '')}/county/${token}` }
    },
    verify(token) {
      const [payload, signature, ...rest] = token.split('.')
      if (!payload || !signature || rest.length) return null
      const expected = Buffer.from(mac(payload))
      const given = Buffer.from(signature)
      if (given.length !== expected.length || !timingSafeEqual(given, expected)) return null
      const [id, appealId, expires, ...more] = Buffer.from(payload, 'base64url').toString('utf8').split('.')
      const expiresAt = Number(expires)
      if (!id || !appealId || more.length || !Number.isSafeInteger(expiresAt) || expiresAt < clock.now()) return null
      return { id, appealId, expiresAt }
    },
  }
}
