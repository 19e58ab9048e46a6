import type { FastifyInstance } from 'fastify'

/**
 * Where a printed or shown QR code sends a phone: the configured public address (PUBLIC_URL), or
 * else the address this host itself listens on. Never the request's Host header, which the caller
 * writes: a forged one would make our own codes point somewhere else.
 */
export function publicOrigin(app: FastifyInstance, configured: string | undefined): string {
  if (configured) return configured
  const address = app.server.address()
  return typeof address === 'object' && address
    ? `http://${address.family === 'IPv6' ? `[${address.address}]` : address.address}:${address.port}`
    : 'http://127.0.0.1'
}
