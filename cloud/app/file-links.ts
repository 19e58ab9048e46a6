import { MINUTE } from '../domain/time-units'
import { createHmac, timingSafeEqual } from 'node:crypto'
import type { FileLinks } from '../actions/ports'
import type { Clock } from '../domain/clock'

/**
 * A cloud storage fileID is its own link: the mini-program's <Image> and downloadFile take it, and
 * cloud storage applies its own rules. A local file gets a signed link, so an <img> tag (which sends
 * no Authorization header) can load it and nobody can guess another one. The link lives a quarter of
 * an hour: long enough to open a page and look, short enough that someone who loses access to an
 * appeal (a deleted account, a moved officer) keeps at most that long a link they already had.
 */
export const FILE_LINK_TTL_MS = 15 * MINUTE

export function signedFileLinks(
  secret: string,
  clock: Clock,
  ttlMs = FILE_LINK_TTL_MS,
): FileLinks & { verify(id: string, expires: string, signature: string): boolean } {
  const sign = (id: string, expires: string) => createHmac('sha256', secret).update(`upload:${id}:${expires}`).digest('hex')
  return {
    urlFor(upload) {
      if (upload.storage === 'cloud') return upload.storage_key
      const expires = String(clock.now() + ttlMs)
      return `/api/uploads/${encodeURIComponent(upload.id)}?expires=${expires}&signature=${sign(upload.id, expires)}`
    },
    verify(id, expires, signature) {
      if (!/^\d+$/.test(expires) || Number(expires) < clock.now()) return false
      const expected = Buffer.from(sign(id, expires), 'hex')
      const given = Buffer.from(signature, 'hex')
      return given.length === expected.length && timingSafeEqual(given, expected)
    },
  }
}

export const cloudFileLinks: FileLinks = { urlFor: (upload) => upload.storage_key }
