import { createHmac, timingSafeEqual } from 'node:crypto'
import type { CountyLinks } from '../actions/ports'
import type { Clock } from '../domain/clock'

/**
 * 上报 links: a county office answers an escalated appeal through a link, without an account. The
 * token names one escalation and when it expires, with an HMAC-SHA256 (cut to 128 bits) over those
 * and the appeal it belongs to: a changed character, a passed expiry, or an escalation id presented
 * for another appeal makes it worthless. Short enough for a URL path segment (under 100 characters).
 */
export function signedCountyLinks(secret: string, clock: Clock, baseUrl: string): CountyLinks {
  const mac = (id: string, appealId: string, expires: string) =>
    createHmac('sha256', secret).update(`county:${id}:${appealId}:${expires}`).digest().subarray(0, 16).toString('base64url')
  return {
    sign({ id, appealId, expiresAt }) {
      const expires = expiresAt.toString(36)
      const token = `${id}.${expires}.${mac(id, appealId, expires)}`
      return { token, url: `${baseUrl.replace(/\/+$/, '')}/county/${token}` }
    },
    read(token) {
      const match = /^([A-Za-z0-9-]{1,64})\.([0-9a-z]{1,12})\.([A-Za-z0-9_-]{22})$/.exec(token)
      if (!match) return null
      const [, id, expires, signature] = match
      const expiresAt = parseInt(expires, 36)
      if (!Number.isSafeInteger(expiresAt) || expiresAt < clock.now()) return null
      return {
        id,
        expiresAt,
        signedFor(appealId) {
          const expected = Buffer.from(mac(id, appealId, expires))
          const given = Buffer.from(signature)
          return given.length === expected.length && timingSafeEqual(given, expected)
        },
      }
    },
  }
}
