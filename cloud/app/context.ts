import type { Kysely } from 'kysely'
import type { DeadlineConfig } from '../domain/appeal/deadlines'
import type { Clock } from '../domain/clock'
import type { VisitFrequency } from '../domain/visit/periods'
import type { AssessmentWeights } from '../domain/assessment'
import type { Role } from '../domain/roles'
import type { Database } from '../store/database'
import type { UserRow } from '../store/repositories/users'
import type { FileLinks } from './file-links'
import type { CodeImages } from './expo-codes'
import type { PushSender, TemplateConfig } from './push'
import type { TokenService } from './token'

/** Who is calling, as established by the host (never read from the payload). */
export type Caller =
  | { kind: 'anonymous' }
  | { kind: 'user'; user: UserRow }

export function callerRole(caller: Caller): Role | null {
  return caller.kind === 'user' ? caller.user.role : null
}

/**
 * User-generated text is checked before it is saved: on CloudBase by WeChat's msgSecCheck,
 * locally by a configurable stand-in. 'review' is saved and flagged for a person; 'risky' is refused.
 */
export interface ContentCheck {
  check(text: string, openid: string | null): Promise<'pass' | 'review' | 'risky'>
}

/** What a host hands the router: the store, the clock, and host capabilities. */
export interface Services {
  db: Kysely<Database>
  clock: Clock
  /** The time limits: DEFAULT_DEADLINES unless the host configures otherwise. */
  deadlines: DeadlineConfig
  /** How often each role must visit the enterprises it covers; the source documents' minimum unless configured. */
  visitFrequency?: VisitFrequency
  /** How the quarterly inspection and yearly assessment weigh the three rates; DEFAULT_WEIGHTS unless configured. */
  assessmentWeights?: AssessmentWeights
  contentCheck: ContentCheck
  /** Links to uploaded files (附件) for the app to fetch. */
  files: FileLinks
  /** Exhibition codes as mini-program codes (CloudBase only; the local host prints QR codes instead). */
  codeImages?: CodeImages
  /** Subscribe-message templates (which the app asks the person to allow) and how pushes go out. */
  push: { templates: TemplateConfig; sender: PushSender }
  /** Present only where dev login is allowed (a local, non-production host). */
  devTokens: TokenService | null
  log: Logger
}

export interface Logger {
  info(message: string, fields?: Record<string, unknown>): void
  error(message: string, fields?: Record<string, unknown>): void
}

/** What a handler receives: the services and a caller the router has already authorised. */
export interface ActionContext extends Services {
  caller: Caller
}

/** The signed-in user, for handlers of actions that are not public. */
export function requireUser(ctx: ActionContext): UserRow {
  if (ctx.caller.kind !== 'user') throw new Error('handler of a signed-in action called without a user')
  return ctx.caller.user
}
