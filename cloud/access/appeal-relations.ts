import { decide, APPEAL_MOVES, type AppealMove, type Relation, type Verdict } from '../domain/appeal/rules'
import { isStaff } from '../domain/roles'
import type { AppealRow } from '../store/repositories/appeals'
import type { UserRow } from '../store/repositories/users'

/** What a move may need to know beyond the two rows: the department of the one holding it (交接). */
export interface RelationContext {
  handlerDepartmentId?: string | null
}

/** How the caller stands to this appeal, from the rows: the facts the pure rules decide on. */
export function relationsOf(appeal: AppealRow, user: UserRow, context: RelationContext = {}): Set<Relation> {
  const relations = new Set<Relation>()
  // Rating stays with whoever filed it, or the enterprise's primary owner: a co-owner bound later
  // does not close (or reopen) someone else's appeal.
  if (user.role === 'owner' && user.enterprise_id === appeal.enterprise_id && (appeal.created_by === user.id || user.primary_owner === 1))
    relations.add('enterprise-owner')
  // The officer holding it, or the head of the department it was routed to (who may act for them).
  if (
    appeal.handler_id === user.id ||
    (user.role === 'dept_head' && user.department_id !== null && user.department_id === appeal.department_id)
  ) {
    relations.add('handler')
  }
  if (user.role === 'dept_head' && user.department_id !== null && user.department_id === appeal.department_id)
    relations.add('department-head')
  if (isStaff(user.role) && appeal.handler_id !== user.id) relations.add('reviewer')
  if (user.role === 'leader' || user.role === 'admin') relations.add('coordinator')
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

export function decideFor(appeal: AppealRow, user: UserRow, action: AppealMove, context?: RelationContext): Verdict {
  return decide(appeal.state, relationsOf(appeal, user, context), action)
}

/** Moves that are one button on the page: both ratings are 'rate', both extension answers 'decideExtension'. */
const BUTTON_OF: Partial<Record<AppealMove, string>> = {
  rateUnsatisfied: 'rate',
  approveExtension: 'decideExtension',
  refuseExtension: 'decideExtension',
}

/** Moves that follow from another and are never asked for by themselves (a handover is the staff page's). */
const FOLLOW_ONLY: readonly AppealMove[] = ['resolveWithGroup', 'handover']

/** The actions a page should offer this person now. */
export function allowedMovesFor(appeal: AppealRow, user: UserRow): string[] {
  const allowed = APPEAL_MOVES.filter((action) => !FOLLOW_ONLY.includes(action) && decideFor(appeal, user, action).ok).map(
    (a) => BUTTON_OF[a] ?? a,
  )
  return [...new Set(allowed)]
}
