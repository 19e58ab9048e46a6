/**
 * The one error type the API throws on purpose. Every code has one HTTP status and one meaning;
 * anything that is not an AppError is turned into INTERNAL by the router, without leaking details.
 */
export const ERROR_STATUS = {
  /** The payload does not match the action's schema, or a value breaks a rule of the domain. */
  BAD_REQUEST: 400,
  /** No identity: not signed in, or the token is missing, forged or expired. */
  UNAUTHENTICATED: 401,
  /** Signed in, but this role or this person may not do this to this resource. */
  FORBIDDEN: 403,
  /** The action, or the resource it names, does not exist (or is not visible to the caller). */
  NOT_FOUND: 404,
  /** The resource changed under the caller, or the change would duplicate something unique. */
  CONFLICT: 409,
  /** Too many requests from one caller in a short time. */
  RATE_LIMITED: 429,
  /** Anything unexpected. The message never carries internal details. */
  INTERNAL: 500,
} as const

export type ErrorCode = keyof typeof ERROR_STATUS

export class AppError extends Error {
  readonly code: ErrorCode
  /** The payload field the error is about, as a dotted path, when there is one. */
  readonly field?: string

  constructor(code: ErrorCode, message: string, field?: string) {
    super(message)
    this.name = 'AppError'
    this.code = code
    this.field = field
  }

  get status(): number {
    return ERROR_STATUS[this.code]
  }
}

export const badRequest = (message: string, field?: string) => new AppError('BAD_REQUEST', message, field)
export const notFound = (message: string) => new AppError('NOT_FOUND', message)
export const forbidden = (message: string) => new AppError('FORBIDDEN', message)
