import { SignJWT, errors, jwtVerify } from 'jose'
import type { TokenService } from '../actions/ports'
import type { Clock } from '../domain/clock'

/** Signed, expiring session tokens for the local host (HS256). */
const ISSUER = 'bangban'

export function createTokenService(secret: string, ttlSeconds: number, clock: Clock): TokenService {
  if (secret.length < 32) throw new Error('TOKEN_SECRET must be at least 32 characters')
  const key = new TextEncoder().encode(secret)
  const nowSeconds = () => Math.floor(clock.now() / 1000)

  return {
    async issue(userId) {
      const iat = nowSeconds()
      const exp = iat + ttlSeconds
      const token = await new SignJWT({})
        .setProtectedHeader({ alg: 'HS256' })
        .setSubject(userId)
        .setIssuer(ISSUER)
        .setIssuedAt(iat)
        .setExpirationTime(exp)
        .sign(key)
      return { token, expiresAt: exp * 1000 }
    },
    async verify(token) {
      try {
        const { payload } = await jwtVerify(token, key, {
          issuer: ISSUER,
          algorithms: ['HS256'],
          currentDate: new Date(clock.now()),
        })
        return typeof payload.sub === 'string' ? payload.sub : null
      } catch (error) {
        if (error instanceof errors.JOSEError) return null
        throw error
      }
    },
  }
}
