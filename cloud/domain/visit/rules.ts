/**
 * How a visit (走访) moves. The owner and the visiting person (the host: the enterprise's officer,
 * its department's head, or its leader) take turns: whoever proposes a time waits for the other to
 * confirm it. A confirmed visit is proven by a check-in or the owner's word and recorded as done.
 */
export const VISIT_STATES = ['requested', 'proposed', 'confirmed', 'declined', 'cancelled', 'done'] as const
export type VisitState = (typeof VISIT_STATES)[number]

export const VISIT_STATE_LABELS: Record<VisitState, string> = {
  requested: '待确认',
  proposed: '待企业确认新时间',
  confirmed: '已确认',
  declined: '已婉拒',
  cancelled: '已取消',
  done: '已走访',
}

/** The states in which a visit still holds its half-day slot. */
export const LIVE_STATES: readonly VisitState[] = ['requested', 'proposed', 'confirmed']

export type VisitParty = 'owner' | 'host'
export const VISIT_MOVES = ['confirm', 'reschedule', 'decline', 'cancel', 'checkIn', 'record', 'attest'] as const
export type VisitMove = (typeof VISIT_MOVES)[number]

interface Move {
  from: readonly VisitState[]
  to: VisitState | 'same'
}

/** Who may do what from which state; anything not here is refused. */
const MOVES: Record<VisitParty, Partial<Record<VisitMove, Move>>> = {
  owner: {
    confirm: { from: ['proposed'], to: 'confirmed' },
    reschedule: { from: ['requested', 'proposed', 'confirmed'], to: 'requested' },
    cancel: { from: ['requested', 'proposed', 'confirmed'], to: 'cancelled' },
    attest: { from: ['done'], to: 'same' },
  },
  host: {
    confirm: { from: ['requested'], to: 'confirmed' },
    reschedule: { from: ['requested', 'proposed', 'confirmed'], to: 'proposed' },
    decline: { from: ['requested', 'proposed', 'confirmed'], to: 'declined' },
    checkIn: { from: ['confirmed'], to: 'same' },
    record: { from: ['confirmed'], to: 'done' },
  },
}

export interface VisitFacts {
  state: VisitState
  ownerConfirmedAt: number | null
  checkedInAt?: number | null
}

/** The state after an action, or null when this party may not take it now. */
export function nextVisitState(visit: VisitFacts, party: VisitParty, action: VisitMove): VisitState | null {
  const move = MOVES[party][action]
  if (!move || !move.from.includes(visit.state)) return null
  // The owner vouches for a visit once.
  if (action === 'attest' && visit.ownerConfirmedAt !== null) return null
  // A check-in is made once, on arrival.
  if (action === 'checkIn' && (visit.checkedInAt ?? null) !== null) return null
  return move.to === 'same' ? visit.state : move.to
}

/** What a party can do with a visit now, for the buttons the app shows. */
export function allowedVisitMoves(visit: VisitFacts, party: VisitParty | null): VisitMove[] {
  if (!party) return []
  return VISIT_MOVES.filter((action) => nextVisitState(visit, party, action) !== null)
}

export const VISIT_MOVE_LABELS: Record<VisitMove, string> = {
  confirm: '确认',
  reschedule: '改约时间',
  decline: '婉拒',
  cancel: '取消',
  checkIn: '扫码签到',
  record: '填写走访记录',
  attest: '确认已走访',
}

/** The enterprise's situation, as a visit record asks about it. */
export const SITUATION_FIELDS = { production: '生产', employment: '用工', funding: '资金', project: '项目' } as const
export type SituationField = keyof typeof SITUATION_FIELDS
