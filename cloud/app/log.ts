import { redactPhones } from '../domain/phone'
import type { Logger } from '../actions/ports'

/**
 * A logger that masks phone numbers in the message and in every string of its fields, however
 * deep: a push's text, a note typed by a person or an error's stack may carry one, and logs are
 * kept longer and read by more people than the store.
 */
export function redactingLogger(inner: Logger): Logger {
  return {
    info: (message, fields) => inner.info(redactPhones(message), fields && redactValue(fields)),
    error: (message, fields) => inner.error(redactPhones(message), fields && redactValue(fields)),
  }
}

function redactValue<T>(value: T): T {
  if (typeof value === 'string') return redactPhones(value) as T
  if (value instanceof Error) return redactPhones(value.stack ?? value.message) as T
  if (Array.isArray(value)) return value.map(redactValue) as T
  if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, redactValue(v)])) as T
  return value
}
