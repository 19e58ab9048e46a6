import {
  decide,
  APPEAL_MOVES,
  FILED_BY_STAFF,
  type AppealFacts,
  type AppealMove,
  type Relation,
  type Verdict,
} from '../domain/appeal/rules'
import { isStaff } from '../domain/roles'
import type { AppealRow } from '../store/repositories/appeals'
import type { UserRow } from '../store/repositories/users'

/**
 * A complaint about staff with no 纪检 department configured is held by the 督查 office itself:
 * every admin handles it (and approves its extensions), no department does.
 */
export const heldByOffice = (appeal: AppealRow) => appeal.conduct === 1 && appeal.department_id === null

/** What a move may need to know beyond the two rows: the department of the one holding it (交接). */
export interface RelationContext {
  handlerDepartmentId?: string | null
}

/** How the caller stands to this appeal, from the rows: the facts the pure rules decide on. */
export function relationsOf(appeal: AppealRow, user: UserRow, context: RelationContext = {}): Set<Relation> {
  const relations = new Set<Relation>()
  const office = heldByOffice(appeal) && user.role === 'admin'
  // The enterprise acts through whoever filed it, or its primary owner: a co-owner bound later does
  // not withdraw, close or reopen someone else's appeal.
  const filedByMe = appeal.created_by === user.id
  if (user.role === 'owner' && user.enterprise_id === appeal.enterprise_id && (filedByMe || user.primary_owner === 1)) {
    relations.add('enterprise-owner')
    // Who rates: the person who filed it; for one staff took down on the enterprise's behalf, its primary owner.
    if (filedByMe || FILED_BY_STAFF.includes(appeal.source)) relations.add('filer')
  }
  const head = user.role === 'dept_head' && user.department_id !== null && user.department_id === appeal.department_id
  // The officer holding it, or the head of the department it was routed to (who may act for them).
  if (appeal.handler_id === user.id || head || office) relations.add('handler')
  if (head || office) relations.add('department-head')
  if (isStaff(user.role) && appeal.handler_id !== user.id && !office) relations.add('reviewer')
  if (user.role === 'leader' || user.role === 'admin') relations.add('coordinator')
  if (user.role === 'admin') relations.add('supervisor')
  // Who may hand an officer's work on (交接): admins and leaders (who keep every enterprise's
  // assignments), and the head of the department the officer works in.
  if (
    user.role === 'admin' ||
    user.role === 'leader' ||
    (user.role === 'dept_head' && user.department_id !== null && user.department_id === context.handlerDepartmentId)
  )
    relations.add('staff-manager')
  return relations
}

/** What some moves need beyond the state, read from the row. */
export function factsOf(appeal: AppealRow): AppealFacts {
  return {
    rating: appeal.rating,
    ratingVoided: appeal.rating_voided === 1,
    ratingContest: appeal.rating_contest as AppealFacts['ratingContest'],
    returnObjected: appeal.return_objected === 1,
    spotChecked: appeal.spot_checked_at !== null,
  }
}

export function decideFor(appeal: AppealRow, user: UserRow, action: AppealMove, context?: RelationContext): Verdict {
  return decide(appeal.state, relationsOf(appeal, user, context), action, factsOf(appeal))
}

/** Moves that are one button on the page: both ratings are 'rate', both extension answers 'decideExtension' … */
const BUTTON_OF: Partial<Record<AppealMove, string>> = {
  rateUnsatisfied: 'rate',
  approveExtension: 'decideExtension',
  refuseExtension: 'decideExtension',
  acceptComplex: 'accept',
  upholdReturn: 'reviewReturn',
  overturnReturn: 'reviewReturn',
  upholdContest: 'ruleContest',
  dismissContest: 'ruleContest',
  spotCheckReopen: 'spotCheck',
  escalateToCounty: 'escalate',
}

/**
 * Moves that follow from another and are never asked for by themselves, are made through a link,
 * or belong to another page (a handover is the staff page's).
 */
const FOLLOW_ONLY: readonly AppealMove[] = ['resolveWithGroup', 'countyAnswer', 'autoClose', 'handover']

/** The actions a page should offer this person now. */
export function allowedMovesFor(appeal: AppealRow, user: UserRow): string[] {
  const allowed = APPEAL_MOVES.filter((action) => !FOLLOW_ONLY.includes(action) && decideFor(appeal, user, action).ok).map(
    (a) => BUTTON_OF[a] ?? a,
  )
  return [...new Set(allowed)]
}
