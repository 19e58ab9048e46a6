import { randomUUID } from 'node:crypto'

/** Ids are opaque strings with a readable prefix, so a log line shows what kind of thing it names. */
export function newId(prefix: string): string {
  return `${prefix}-${randomUUID()}`
}
