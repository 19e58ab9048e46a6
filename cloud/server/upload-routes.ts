import multipart from '@fastify/multipart'
import type { FastifyInstance } from 'fastify'
import { createReadStream } from 'node:fs'
import { mkdir, rename, rm, writeFile } from 'node:fs/promises'
import { join, resolve } from 'node:path'
import { Deps } from '../actions/context'
import { toUploadView } from '../views/upload-view'
import type { signedFileLinks } from '../app/file-links'
import { UPLOADERS } from '../contract/spec'
import { ATTACHMENT_LIMITS, attachmentProblem } from '../domain/attachments'
import { AppError } from '../domain/errors'
import { newId } from '../store/ids'
import { checkDailyLimit, limitWindowStart } from '../domain/limits'
import { countUploadsSince, findUploadById, insertUpload } from '../store/repositories/uploads'

export interface UploadRouteOptions {
  services: Deps
  links: ReturnType<typeof signedFileLinks>
  /** Where the files are kept: data/uploads by default. */
  dir: string
}

const fail = (code: string, message: string, field?: string) => ({ ok: false, error: { code, message, ...(field ? { field } : {}) } })

/**
 * The local stand-in for cloud storage: `POST /api/uploads` takes one file (multipart field
 * `file`) from a signed-in owner, checks its real type from its bytes and its size, keeps it under
 * `dir`, and answers the same envelope as the actions with the upload's id and link.
 * `GET /api/uploads/:id` serves it to whoever holds a link that the API signed.
 */
export async function uploadRoutes(app: FastifyInstance, { services, links, dir }: UploadRouteOptions): Promise<void> {
  const { fileTypeFromBuffer } = await import('file-type/core')
  await app.register(multipart, { limits: { files: 1, fileSize: ATTACHMENT_LIMITS.maxBytes, fields: 0 } })

  app.post('/api/uploads', async (request, reply) => {
    const caller = request.caller
    if (caller.kind !== 'user') return reply.status(401).send(fail('UNAUTHENTICATED', '请先登录'))
    if (!UPLOADERS.includes(caller.user.role)) return reply.status(403).send(fail('FORBIDDEN', '当前身份无权上传附件'))
    try {
      checkDailyLimit('uploads', await countUploadsSince(services.db, caller.user.id, limitWindowStart(services.clock.now())))
    } catch (error) {
      if (error instanceof AppError) return reply.status(error.status).send(fail(error.code, error.message))
      throw error
    }

    const part = await request.file().catch(() => undefined)
    if (!part) return reply.status(400).send(fail('BAD_REQUEST', '请选择要上传的文件', 'file'))
    const name = (part.filename || '附件').slice(-100)
    const bytes = await part.toBuffer().catch(() => null)
    // Too big is the person's to fix; a body cut short is the network's, and worth a retry.
    if (part.file.truncated) return reply.status(400).send(fail('BAD_REQUEST', `「${name}」超过 10 MB，请压缩后再上传`, 'file'))
    if (!bytes) return reply.status(400).send(fail('BAD_REQUEST', `「${name}」没有传完整，请检查网络后重新上传`, 'file'))
    // The type the bytes say, not the one the name or the browser claims.
    const sniffed = await fileTypeFromBuffer(bytes)
    const problem = attachmentProblem({ name, size: bytes.length, mimeType: sniffed?.mime })
    if (problem) return reply.status(400).send(fail('BAD_REQUEST', problem, 'file'))

    const id = newId('up')
    await mkdir(dir, { recursive: true })
    // Written under a temporary name and renamed once whole: a failed write (a full disk) leaves
    // no partial file behind, and a file without its row is removed again.
    const path = join(dir, id)
    const partial = `${path}.partial`
    try {
      await writeFile(partial, bytes)
      await rename(partial, path)
    } catch (error) {
      await rm(partial, { force: true })
      throw error
    }
    const row = {
      id,
      owner_id: caller.user.id,
      storage: 'local',
      storage_key: id,
      name,
      mime_type: sniffed!.mime,
      size: bytes.length,
      appeal_id: null,
      position: null,
      created_at: services.clock.now(),
    }
    try {
      await insertUpload(services.db, row)
    } catch (error) {
      await rm(path, { force: true })
      throw error
    }
    return { ok: true, data: toUploadView(row, links) }
  })

  app.get<{ Params: { id: string }; Querystring: { expires?: string; signature?: string } }>('/api/uploads/:id', async (request, reply) => {
    const { id } = request.params
    if (!links.verify(id, request.query.expires ?? '', request.query.signature ?? '')) {
      return reply.status(403).send(fail('FORBIDDEN', '链接已失效，请刷新页面'))
    }
    const upload = await findUploadById(services.db, id)
    if (!upload || upload.storage !== 'local') return reply.status(404).send(fail('NOT_FOUND', '文件不存在'))
    return reply
      .header('content-type', upload.mime_type)
      .header('content-disposition', `inline; filename*=UTF-8''${encodeURIComponent(upload.name)}`)
      .header('cache-control', 'private, max-age=3600')
      .header('x-content-type-options', 'nosniff')
      .send(createReadStream(resolve(dir, upload.storage_key)))
  })
}
