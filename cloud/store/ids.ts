import { randomBytes, randomUUID } from 'node:crypto'

// New ids and codes for rows, from the operating system's randomness (which is why they are not in
// the pure domain).

/** Ids are opaque strings with a readable prefix, so a log line shows what kind of thing it names. */
export function newId(prefix: string): string {
  return `${prefix}-${randomUUID()}`
}

/**
 * The code on an enterprise's own QR code, which an officer scans on site to prove a visit: twelve
 * random URL-safe characters, unguessable and short enough for a mini-program code's scene.
 */
export function newCheckinCode(): string {
  return randomBytes(9).toString('base64url')
}
