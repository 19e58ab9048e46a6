import { z } from 'zod'

/**
 * The Chinese `title` meta of the field at a path of a schema, looking through optional, default,
 * nullable and pipe wrappers. The router names a field by it in a 400; a form, in its own message.
 */
export function titleAt(schema: z.ZodType, path: readonly PropertyKey[]): string | undefined {
  for (let s = walk(schema, path); s; s = inner(s)) {
    const title = s.meta()?.title
    if (typeof title === 'string') return title
  }
  return undefined
}

/** The schema of the field at a path with its wrappers taken off, or undefined where there is none. */
export function schemaAt(schema: z.ZodType, path: readonly PropertyKey[]): z.ZodType | undefined {
  const found = walk(schema, path)
  return found && unwrap(found)
}

function walk(schema: z.ZodType, path: readonly PropertyKey[]): z.ZodType | undefined {
  let current: z.ZodType | undefined = schema
  for (const key of path) {
    current = unwrap(current)
    // Own keys only: a caller's `constructor` or `__proto__` must not find Object's.
    if (current instanceof z.ZodObject) {
      current = typeof key === 'string' && Object.hasOwn(current.shape, key) ? (current.shape[key] as z.ZodType) : undefined
    } else if (current instanceof z.ZodArray) current = current.element as z.ZodType
    else return undefined
    if (!current) return undefined
  }
  return current
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

/**
 * Every problem zod found with a form's values, one message per top-level field (the first found
 * for it), worded for the person filling it in: a field left empty is 请填写标题 or 请选择政策类别,
 * other problems keep the schema's own Chinese message. Problems with the whole form (no field)
 * are under ''.
 */
export function fieldMessages(schema: z.ZodType, error: z.ZodError, values: unknown): Record<string, string> {
  const messages: Record<string, string> = {}
  for (const issue of error.issues) {
    const field = issue.path.length ? String(issue.path[0]) : ''
    if (field in messages) continue
    messages[field] = messageFor(schema, issue, values)
  }
  return messages
}

function messageFor(schema: z.ZodType, issue: z.core.$ZodIssue, values: unknown): string {
  const title = issue.path.length ? titleAt(schema, issue.path) : undefined
  if (!title || (issue.code !== 'invalid_type' && issue.code !== 'invalid_value')) return issue.message
  const field = schemaAt(schema, issue.path)
  const choose =
    field instanceof z.ZodEnum || field instanceof z.ZodArray || field instanceof z.ZodBoolean || field?.meta()?.choice === true
  // A choice is chosen or not; a box left empty is asked for, one holding the wrong kind of value keeps zod's words.
  if (choose) return `请选择${title}`
  if (isEmpty(valueAt(values, issue.path))) return `请填写${title}`
  // A box typed into where a number belongs ("1.2.3" reads as NaN): say so in the person's words.
  if (issue.code === 'invalid_type' && issue.expected === 'number') return `${title}请填写数字`
  return issue.message
}

function valueAt(values: unknown, path: readonly PropertyKey[]): unknown {
  let current = values
  for (const key of path) {
    if (typeof current !== 'object' || current === null || !Object.hasOwn(current, key)) return undefined
    current = (current as Record<PropertyKey, unknown>)[key]
  }
  return current
}

const isEmpty = (value: unknown) => value === undefined || value === null || (typeof value === 'string' && value.trim() === '')
