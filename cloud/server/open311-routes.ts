import type { FastifyInstance } from 'fastify'
import type { Deps } from '../actions/context'
import { answerOpen311, type Open311Query } from '../app/open311'
import { publicLimit } from './limits'

/** Open311 GeoReport v2 on the local host (cloud/app/open311.ts answers), each read limited per address. */
export async function open311Routes(app: FastifyInstance, { services }: { services: Deps }): Promise<void> {
  app.get<{ Querystring: Open311Query }>('/open311/v2/*', { config: { rateLimit: publicLimit } }, async (request, reply) => {
    const { status, body } = await answerOpen311(services, request.url.split('?')[0], request.query)
    return reply.status(status).send(body)
  })
}
