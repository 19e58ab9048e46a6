import type { z } from 'zod'
import { titleAt } from '../contract/field-messages'
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
  const message = issue.code === 'unrecognized_keys' ? '不是此操作接受的字段' : issue.message
  return new AppError('BAD_REQUEST', `${fieldName(schema, path)}：${message}`, field)
}

/**
 * A 400 for the first text of a parsed payload holding a NUL character, or null. PostgreSQL cannot
 * store one in text (SQLite can), so it is refused here, for every action and both stores alike.
 */
export function nulCharacterProblem(schema: z.ZodType, data: unknown): AppError | null {
  const path = nulPath(data, [])
  if (!path?.length) return null
  return new AppError('BAD_REQUEST', `${fieldName(schema, path)}：含有无法识别的控制字符，请删除后再提交`, path.join('.'))
}

function nulPath(value: unknown, path: string[]): string[] | null {
  if (typeof value === 'string') return value.includes('\u0000') ? path : null
  if (typeof value !== 'object' || value === null) return null
  for (const [key, item] of Object.entries(value)) {
    const found = key.includes('\u0000') ? [...path, key] : nulPath(item, [...path, key])
    if (found) return found
  }
  return null
}

/** 「统一社会信用代码」(creditCode), or 字段 x.y where the schema gives no title. */
function fieldName(schema: z.ZodType, path: string[]): string {
  const title = titleAt(schema, path)
  return title ? `「${title}」(${path.join('.')})` : `字段 ${path.join('.')}`
}
