import type { ErrorCode } from '../domain/errors'

/** Every action answers exactly this shape, on CloudBase and over HTTP alike. */
export type ApiResult<T> = { ok: true; data: T } | { ok: false; error: ApiErrorBody }

export interface ApiErrorBody {
  code: ErrorCode
  /** Chinese, for the person in front of the screen. */
  message: string
  /** The payload field at fault, as a dotted path, when there is one. */
  field?: string
}
