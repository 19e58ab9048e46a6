import { createHash, randomBytes, randomUUID } from 'node:crypto'
import { bindingCodeFrom, claimCodeFrom, type CodeKind } from '../domain/onboarding/codes'

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

/** A setup or staff code (12 characters that read unambiguously), from the system's randomness. */
export function newClaimCode(): string {
  // Spare bytes: those that would bias the alphabet are skipped (see claimCodeFrom).
  return claimCodeFrom(randomBytes(32))
}

/** An enterprise's eight-digit binding code, from the system's randomness. */
export function newBindingCode(): string {
  // A copy of its own, so the words start on a 4-byte boundary whatever pool the bytes came from.
  return bindingCodeFrom(new Uint32Array(Uint8Array.from(randomBytes(64)).buffer))
}

/**
 * What is stored of a one-time code: SHA-256 of its kind, its scope (a binding code's enterprise)
 * and the code. The codes are random and spent on use; the hash lets a lookup find one without the
 * store ever holding a code a reader of the database could use.
 */
export function hashCode(kind: CodeKind, code: string, scope = ''): string {
  return createHash('sha256').update(`${kind}\u0000${scope}\u0000${code}`).digest('hex')
}
