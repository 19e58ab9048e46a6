import type { RateLimitPluginOptions } from '@fastify/rate-limit'
import type { FastifyRequest } from 'fastify'
import type { Caller } from '../actions/context'
import { MINUTE } from '../domain/time-units'

/**
 * How often the local host answers one caller, per minute. A signed-in person is counted by who
 * they are, so an office behind one address is not one caller; anyone else by their address, and a
 * made-up token does not buy a fresh count. What is the same for everyone (a QR image) is also
 * cached, so even the allowed requests cost little.
 */
export const LIMITS = {
  /** Anonymous calls of the API, per address. */
  anonymousCalls: 60,
  /** Calls of the API by one signed-in person. */
  personCalls: 600,
  /** Public pages and images (QR codes, the print sheet, Open311), per address. */
  publicReads: 120,
  /** Tries of an exhibition's VIP invitation code, per person (the code is a secret to guess). */
  expoRegistrations: 10,
} as const

declare module 'fastify' {
  interface FastifyRequest {
    /** Who is calling, resolved once per request from its Authorization header. */
    caller: Caller
  }
}

const keyOf = (request: FastifyRequest) => (request.caller?.kind === 'user' ? `person:${request.caller.user.id}` : `address:${request.ip}`)

/** The per-minute budget of an API call: a VIP code try has its own small one. */
function actionLimit(request: FastifyRequest, key: string): number {
  if ((request.params as { action?: string }).action === 'expo.register') return LIMITS.expoRegistrations
  return key.startsWith('person:') ? LIMITS.personCalls : LIMITS.anonymousCalls
}

/**
 * The limiter's options. Routes opt in with `config: { rateLimit: apiLimit | publicLimit }`. Counted
 * after the caller is known (preHandler), so the key is the person when there is one. A refusal is a
 * 429 with the envelope and a Chinese message saying when to try again.
 */
export const limiterOptions: RateLimitPluginOptions = {
  global: false,
  hook: 'preHandler',
  timeWindow: MINUTE,
  keyGenerator: keyOf,
  errorResponseBuilder: (_request, context) => ({
    statusCode: 429,
    ok: false,
    error: { code: 'RATE_LIMITED', message: `请求过于频繁，请 ${Math.max(1, Math.ceil(context.ttl / 1000))} 秒后再试` },
  }),
}

export const apiLimit = {
  max: actionLimit,
  // Each action's budget is its own, except that a person's ordinary calls share one.
  keyGenerator: (request: FastifyRequest) => {
    const action = (request.params as { action?: string }).action
    return action === 'expo.register' ? `${keyOf(request)}:expo.register` : keyOf(request)
  },
}

/** Each public read (a QR image, the print sheet, an Open311 list) counted per address. */
export const publicLimit = { max: LIMITS.publicReads, keyGenerator: (request: FastifyRequest) => `address:${request.ip}` }
