import { z } from 'zod'
import { fieldMessages } from '../../cloud/contract/field-messages'

// The mini-program may not build code from strings (WeChat has no eval): zod checks without it.
z.config({ jitless: true })

/** A form's messages: one per field, by the field's key in the payload; '' is the form's own (its foot). */
export type FieldErrors = Partial<Record<string, string>>

export type Checked<T> = { ok: true; data: T } | { ok: false; errors: FieldErrors }

/**
 * Checks a form's values with the action's own input schema, as the API will: every problem at
 * once, each worded for the person (请填写诉求标题), keyed by its field.
 */
export function checkForm<S extends z.ZodType>(schema: S, values: unknown): Checked<z.output<S>> {
  const parsed = schema.safeParse(values)
  if (parsed.success) return { ok: true, data: parsed.data }
  return { ok: false, errors: fieldMessages(schema, parsed.error, values) }
}

/**
 * A refusal from the API as the form shows it: under the field it names, without the lead that
 * names the field for a reader of the bare message (「诉求标题」(title)：), or at the form's foot.
 */
export function errorsFromApi(error: { message: string; field?: string }): FieldErrors {
  if (!error.field) return { '': error.message }
  const field = error.field.split('.')[0]
  return { [field]: error.message.replace(/^(「[^」]*」\([^)]*\)|字段 \S+)：/, '') }
}

/** The messages without those of the fields just edited; the same object when none of them had one. */
export function withoutFields(errors: FieldErrors, fields: readonly string[]): FieldErrors {
  if (!fields.some((field) => errors[field] !== undefined)) return errors
  const rest = { ...errors }
  for (const field of fields) delete rest[field]
  return rest
}

/**
 * What the form's foot shows: its own message, or one about a field the form has no place for (so
 * that no refusal goes unseen).
 */
export function footMessage(errors: FieldErrors, placed: readonly string[]): string | undefined {
  if (errors['']) return errors['']
  return Object.entries(errors).find(([field, message]) => message && !placed.includes(field))?.[1]
}
