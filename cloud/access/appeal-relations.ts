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

/** How the caller stands to this appeal, from the rows: the facts the pure rules decide on. */
export function relationsOf(appeal: AppealRow, user: UserRow): Set<Relation> {
  const relations = new Set<Relation>()
  const office = heldByOffice(appeal) && user.role === 'admin'
  if (user.role === 'owner' && user.enterprise_id === appeal.enterprise_id) {
    relations.add('enterprise-owner')
    // Who rates: the person who filed it; for one staff took down on the enterprise's behalf, its owners.
    if (appeal.created_by === user.id || FILED_BY_STAFF.includes(appeal.source)) relations.add('filer')
  }
  const head = user.role === 'dept_head' && user.department_id !== null && user.department_id === appeal.department_id
  // The officer holding it, or the head of the department it was routed to (who may act for them).
  if (appeal.handler_id === user.id || head || office) relations.add('handler')
  if (head || office) relations.add('department-head')
  if (isStaff(user.role) && appeal.handler_id !== user.id && !office) relations.add('reviewer')
  if (user.role === 'leader' || user.role === 'admin') relations.add('coordinator')
  if (user.role === 'admin') relations.add('supervisor')
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

export function decideFor(appeal: AppealRow, user: UserRow, action: AppealMove): Verdict {
  return decide(appeal.state, relationsOf(appeal, user), action, factsOf(appeal))
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

/** Moves that follow from another and are never asked for by themselves, or are made through a link. */
const FOLLOW_ONLY: readonly AppealMove[] = ['resolveWithGroup', 'countyAnswer', 'autoClose']

/** The actions a page should offer this person now. */
export function allowedMovesFor(appeal: AppealRow, user: UserRow): string[] {
  const allowed = APPEAL_MOVES.filter((action) => !FOLLOW_ONLY.includes(action) && decideFor(appeal, user, action).ok).map(
    (a) => BUTTON_OF[a] ?? a,
  )
  return [...new Set(allowed)]
}
