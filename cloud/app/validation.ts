import { z } from 'zod'
import { AppError } from '../domain/errors'

/**
 * Turns the first problem zod found into a 400 that names the field: its Chinese title where the
 * schema gives one, and its path, e.g. 「统一社会信用代码」(creditCode)：校验位不正确.
 */
export function toBadRequest(schema: z.ZodType, error: z.ZodError): AppError {
  const issue = error.issues[0]
  const path = issue.path.map(String)
  if (issue.code === 'unrecognized_keys') path.push(issue.keys[0])
  const field = path.join('.')
  if (!field) return new AppError('BAD_REQUEST', `请求内容格式不正确：${issue.message}`)
  const title = titleAt(schema, path)
  const name = title ? `「${title}」(${field})` : `字段 ${field}`
  const message = issue.code === 'unrecognized_keys' ? `${name}：不是此操作接受的字段` : `${name}：${issue.message}`
  return new AppError('BAD_REQUEST', message, field)
}

/** The `title` meta of the schema at a path, looking through optional/default/nullable/pipe wrappers. */
function titleAt(schema: z.ZodType, path: string[]): string | undefined {
  let current: z.ZodType | undefined = schema
  for (const key of path) {
    current = unwrap(current)
    if (current instanceof z.ZodObject) current = current.shape[key] as z.ZodType | undefined
    else if (current instanceof z.ZodArray) current = current.element as z.ZodType
    else return undefined
    if (!current) return undefined
  }
  for (let s: z.ZodType | undefined = current; s; s = inner(s)) {
    const title = s.meta()?.title
    if (typeof title === 'string') return title
  }
  return undefined
}

function inner(schema: z.ZodType): z.ZodType | undefined {
  if (schema instanceof z.ZodOptional || schema instanceof z.ZodNullable || schema instanceof z.ZodDefault) {
    return schema.unwrap() as z.ZodType
  }
  if (schema instanceof z.ZodPipe) return schema.in as z.ZodType
  return undefined
}

function unwrap(schema: z.ZodType): z.ZodType {
  let s = schema
  for (let next = inner(s); next; next = inner(s)) s = next
  return s
}
