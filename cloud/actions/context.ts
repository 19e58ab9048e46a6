import type { AssessmentWeights } from '../domain/assessment'
import type { DeadlineConfig } from '../domain/appeal/deadlines'
import type { OfficeRules } from '../domain/appeal/office'
import type { Clock } from '../domain/clock'
import type { Role } from '../domain/roles'
import type { VisitFrequency } from '../domain/visit/periods'
import type { PushSender, TemplateConfig } from '../notify/push'
import type { Db } from '../store/database'
import type { UserRow } from '../store/repositories/users'
import type { CodeImages, ContentCheck, CountyLinks, FileLinks, FileStore, Logger, TokenService } from './ports'

/** Who is calling, as established by the host (never read from the payload). */
export type Caller = { kind: 'anonymous' } | { kind: 'user'; user: UserRow }

export function callerRole(caller: Caller): Role | null {
  return caller.kind === 'user' ? caller.user.role : null
}

/** What a host hands the router: the store, the clock, the rules in force and the outside services. */
export interface Deps {
  db: Db
  clock: Clock
  /** The time limits: DEFAULT_DEADLINES unless the host configures otherwise. */
  deadlines: DeadlineConfig
  /** How often each role must visit the enterprises it covers; the source documents' minimum unless configured. */
  visitFrequency?: VisitFrequency
  /** How many live bookings an enterprise may hold with one visitor in a week (DEFAULT_BOOKINGS_PER_WEEK unless configured). */
  visitBookingsPerWeek?: number
  /** How the quarterly inspection and yearly assessment weigh the three rates; DEFAULT_WEIGHTS unless configured. */
  assessmentWeights?: AssessmentWeights
  /** The 督查 office's rules (spot checks of 好评, where complaints about staff go); DEFAULT_OFFICE_RULES unless configured. */
  officeRules?: OfficeRules
  /** A draw in [0, 1) for the spot checks; Math.random unless a test fixes it. */
  random?: () => number
  /** 上报 links for county offices; a host without them offers no escalation. */
  countyLinks?: CountyLinks
  contentCheck: ContentCheck
  /** Links to uploaded files (附件) for the app to fetch. */
  files: FileLinks
  /** Where those files are kept, to remove them (a host that keeps none may leave it out). */
  fileStore?: FileStore
  /** Exhibition codes as mini-program codes (CloudBase only; the local host prints QR codes instead). */
  codeImages?: CodeImages
  /** Subscribe-message templates (which the app asks the person to allow) and how pushes go out. */
  push: { templates: TemplateConfig; sender: PushSender }
  /** Present only where dev login is allowed (a local, non-production host). */
  devTokens: TokenService | null
  log: Logger
}

/** What a handler receives: the deps and a caller the router has already authorised. */
export interface ActionContext extends Deps {
  caller: Caller
}

/** The signed-in user, for handlers of actions that are not public. */
export function requireUser(ctx: ActionContext): UserRow {
  if (ctx.caller.kind !== 'user') throw new Error('handler of a signed-in action called without a user')
  return ctx.caller.user
}
