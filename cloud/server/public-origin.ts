import type { FastifyRequest } from 'fastify'

/** Where a printed or shown QR code points a phone: PUBLIC_URL, else the origin the request came to. */
export const publicOrigin = (request: FastifyRequest) => process.env.PUBLIC_URL ?? `${request.protocol}://${request.headers.host ?? '127.0.0.1'}`
