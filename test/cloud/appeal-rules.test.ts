import {
  APPEAL_MOVES,
  BAD_RATINGS,
  CLOCK_STOPPED,
  decide,
  FRESH_FACTS,
  GOOD_RATINGS,
  GUARDED_MOVES,
  isOverdue,
  OPEN_STATES,
  RATING_LABELS,
  RATINGS,
  runningDeadline,
  STATE_LABELS,
  type AppealFacts,
  type AppealMove,
  type AppealState,
  type Relation,
} from '../../cloud/domain/appeal/rules'

const STATES = Object.keys(STATE_LABELS) as AppealState[]
const RELATION_SETS: [string, Relation[]][] = [
  ['nobody in particular', []],
  ['the handler', ['handler']],
  ['the enterprise owner', ['enterprise-owner']],
  ['the person who filed it', ['filer']],
  ['the system', ['system']],
  ['a reviewer', ['reviewer']],
  ['the department head', ['department-head']],
  ['a leader or admin', ['coordinator']],
  ['whoever manages the handler (admin, or the head of the handler’s department)', ['staff-manager']],
  ['the 督查 office', ['supervisor']],
  ['a county office by its link', ['county']],
  // A real owner who filed holds both; an admin is coordinator, supervisor and reviewer at once.
  ['an owner who filed it', ['enterprise-owner', 'filer']],
  ['an admin', ['coordinator', 'supervisor', 'reviewer']],
]

const ALL_BUT = (...excluded: AppealState[]) => STATES.filter((s) => !excluded.includes(s))
const same = (states: AppealState[]) => Object.fromEntries(states.map((s) => [s, s])) as Partial<Record<AppealState, AppealState>>
const to = (target: AppealState, states: AppealState[]) =>
  Object.fromEntries(states.map((s) => [s, target])) as Partial<Record<AppealState, AppealState>>

/** The expected table, written out by hand: the code's table must agree with it cell by cell. */
const EXPECTED: Record<AppealMove, { by: Relation; from: Partial<Record<AppealState, AppealState>> }> = {
  accept: { by: 'handler', from: { submitted: 'accepted' } },
  acceptComplex: { by: 'handler', from: { submitted: 'extension_pending' } },
  return: { by: 'handler', from: { submitted: 'return_review' } },
  progress: { by: 'handler', from: { accepted: 'in_progress', in_progress: 'in_progress', reopened: 'in_progress' } },
  resolve: {
    by: 'handler',
    from: to('resolved', ['accepted', 'in_progress', 'reopened', 'extension_pending', 'info_requested', 'info_paused']),
  },
  requestExtension: {
    by: 'handler',
    from: { accepted: 'extension_pending', in_progress: 'extension_pending', reopened: 'extension_pending' },
  },
  approveExtension: { by: 'department-head', from: { extension_pending: 'in_progress' } },
  refuseExtension: { by: 'department-head', from: { extension_pending: 'in_progress' } },
  requestInfo: { by: 'handler', from: to('info_requested', ['accepted', 'in_progress', 'reopened']) },
  confirmInfoRequest: { by: 'enterprise-owner', from: { info_requested: 'info_paused' } },
  supplyInfo: { by: 'enterprise-owner', from: to('in_progress', ['info_requested', 'info_paused']) },
  cancelInfoRequest: { by: 'handler', from: to('in_progress', ['info_requested', 'info_paused']) },
  addInfo: { by: 'enterprise-owner', from: same(['submitted', 'accepted', 'in_progress', 'extension_pending', 'reopened', 'disputed']) },
  withdraw: {
    by: 'enterprise-owner',
    from: to('withdrawn', [
      'submitted',
      'accepted',
      'in_progress',
      'extension_pending',
      'info_requested',
      'info_paused',
      'reopened',
      'disputed',
      'return_review',
    ]),
  },
  objectReturn: { by: 'enterprise-owner', from: to('return_review', ['return_review', 'returned']) },
  upholdReturn: { by: 'supervisor', from: { return_review: 'returned' } },
  overturnReturn: { by: 'supervisor', from: { return_review: 'accepted' } },
  link: { by: 'handler', from: same(['submitted', 'accepted', 'in_progress', 'reopened']) },
  resolveWithGroup: {
    by: 'handler',
    from: to('resolved', ['submitted', 'accepted', 'in_progress', 'reopened', 'extension_pending', 'info_requested', 'info_paused']),
  },
  merge: { by: 'handler', from: to('merged', ['submitted', 'accepted', 'in_progress', 'reopened']) },
  supervise: {
    by: 'coordinator',
    from: same(['submitted', 'accepted', 'in_progress', 'extension_pending', 'info_requested', 'info_paused', 'reopened', 'disputed']),
  },
  dispute: { by: 'handler', from: { submitted: 'disputed', accepted: 'disputed' } },
  redispatch: { by: 'coordinator', from: { disputed: 'submitted' } },
  rate: { by: 'filer', from: { resolved: 'closed' } },
  rateUnsatisfied: { by: 'filer', from: { resolved: 'reopened' } },
  contestRating: { by: 'handler', from: same(['reopened', 'resolved', 'closed']) },
  upholdContest: { by: 'supervisor', from: to('closed', ['reopened', 'resolved', 'closed']) },
  dismissContest: { by: 'supervisor', from: same(['reopened', 'resolved', 'closed']) },
  spotCheck: { by: 'supervisor', from: { closed: 'closed' } },
  spotCheckReopen: { by: 'supervisor', from: { closed: 'reopened' } },
  escalateToCounty: {
    by: 'handler',
    from: same(['accepted', 'in_progress', 'extension_pending', 'info_requested', 'info_paused', 'reopened']),
  },
  countyAnswer: { by: 'county', from: same(ALL_BUT('merged', 'withdrawn')) },
  autoClose: { by: 'system', from: { resolved: 'closed' } },
  followUp: { by: 'reviewer', from: { resolved: 'resolved', closed: 'closed' } },
  assign: {
    by: 'department-head',
    from: { submitted: 'submitted', accepted: 'accepted', in_progress: 'in_progress', reopened: 'reopened' },
  },
  transfer: { by: 'handler', from: { submitted: 'submitted', accepted: 'accepted', in_progress: 'in_progress', reopened: 'reopened' } },
  handover: {
    by: 'staff-manager',
    from: same([
      'submitted',
      'accepted',
      'in_progress',
      'extension_pending',
      'info_requested',
      'info_paused',
      'reopened',
      'disputed',
      'return_review',
    ]),
  },
}

/** For the moves that need more than the state, facts under which they are allowed. */
const ALLOWING: Partial<Record<AppealMove, AppealFacts>> = {
  objectReturn: FRESH_FACTS,
  contestRating: { ...FRESH_FACTS, rating: 'unsatisfied' },
  upholdContest: { ...FRESH_FACTS, rating: 'very_unsatisfied', ratingContest: 'pending' },
  dismissContest: { ...FRESH_FACTS, rating: 'unsatisfied', ratingContest: 'pending' },
  spotCheck: { ...FRESH_FACTS, rating: 'satisfied' },
  spotCheckReopen: { ...FRESH_FACTS, rating: 'very_satisfied' },
}

describe('appeal state machine: every state × action × relation', () => {
  const cases = STATES.flatMap((state) =>
    APPEAL_MOVES.flatMap((action) => RELATION_SETS.map(([who, relations]) => [state, action, who, relations] as const)),
  )

  it.each(cases)('%s · %s · by %s', (state, action, _who, relations) => {
    const verdict = decide(state, new Set(relations), action, ALLOWING[action] ?? FRESH_FACTS)
    const rule = EXPECTED[action]
    if (!relations.includes(rule.by)) {
      expect(verdict).toMatchObject({ ok: false, code: 'FORBIDDEN', message: expect.stringMatching(/[\u4e00-\u9fa5]/) })
    } else if (rule.from[state]) {
      expect(verdict).toEqual({ ok: true, to: rule.from[state] })
    } else {
      expect(verdict).toEqual({ ok: false, code: 'CONFLICT', message: expect.stringContaining(`当前状态为「${STATE_LABELS[state]}」`) })
    }
  })

  it('the expected table covers every action the code knows', () => {
    expect(Object.keys(EXPECTED).sort()).toEqual([...APPEAL_MOVES].sort())
    expect(Object.keys(ALLOWING).sort()).toEqual([...GUARDED_MOVES].sort())
  })

  it('every state is reachable from 待受理 by the table, and every open state has a way out', () => {
    const reached = new Set<AppealState>(['submitted'])
    for (let changed = true; changed;) {
      changed = false
      for (const rule of Object.values(EXPECTED))
        for (const [from, target] of Object.entries(rule.from) as [AppealState, AppealState][])
          if (reached.has(from) && !reached.has(target)) {
            reached.add(target)
            changed = true
          }
    }
    expect([...reached].sort()).toEqual([...STATES].sort())
    for (const state of OPEN_STATES)
      expect([state, Object.values(EXPECTED).some((r) => r.from[state] !== undefined && r.from[state] !== state)]).toEqual([state, true])
  })
})

describe('moves that need the facts beyond the state', () => {
  const at = (action: AppealMove) => Object.keys(EXPECTED[action].from)[0] as AppealState
  const by = (action: AppealMove) => new Set<Relation>([EXPECTED[action].by])

  it.each<[AppealMove, Partial<AppealFacts>, string]>([
    ['objectReturn', { returnObjected: true }, '对不予受理只能提出一次异议'],
    ['contestRating', { rating: null }, '只有差评可以申诉复核'],
    ['contestRating', { rating: 'basically_satisfied' }, '只有差评可以申诉复核'],
    ['contestRating', { rating: 'unsatisfied', ratingVoided: true }, '只有差评可以申诉复核'],
    ['contestRating', { rating: 'unsatisfied', ratingContest: 'dismissed' }, '这条评价已经申诉过'],
    ['contestRating', { rating: 'very_unsatisfied', ratingContest: 'pending' }, '这条评价已经申诉过'],
    ['upholdContest', { rating: 'unsatisfied' }, '没有待复核的评价申诉'],
    ['upholdContest', { rating: 'unsatisfied', ratingContest: 'upheld' }, '没有待复核的评价申诉'],
    ['dismissContest', { rating: 'unsatisfied', ratingContest: 'dismissed' }, '没有待复核的评价申诉'],
    ['spotCheck', { rating: 'unsatisfied' }, '只对好评抽查回访'],
    ['spotCheck', { rating: null }, '只对好评抽查回访'],
    ['spotCheck', { rating: 'satisfied', spotChecked: true }, '这条评价已经抽查回访过'],
    ['spotCheckReopen', { rating: 'satisfied', spotChecked: true }, '这条评价已经抽查回访过'],
  ])('%s with %j is a conflict: %s', (action, facts, message) => {
    expect(decide(at(action), by(action), action, { ...FRESH_FACTS, ...facts })).toEqual({ ok: false, code: 'CONFLICT', message })
  })

  it.each(GUARDED_MOVES)('%s: the wrong person is refused before the facts are read', (action) => {
    const others = new Set<Relation>(
      ['handler', 'enterprise-owner', 'filer', 'supervisor', 'county'].filter((r) => r !== EXPECTED[action].by) as Relation[],
    )
    expect(decide(at(action), others, action, FRESH_FACTS)).toMatchObject({ ok: false, code: 'FORBIDDEN' })
  })

  it('an unguarded move ignores the facts', () => {
    const odd: AppealFacts = {
      rating: 'unsatisfied',
      ratingVoided: true,
      ratingContest: 'pending',
      returnObjected: true,
      spotChecked: true,
    }
    for (const action of APPEAL_MOVES.filter((a) => !GUARDED_MOVES.includes(a))) {
      const rule = EXPECTED[action]
      const state = Object.keys(rule.from)[0] as AppealState
      expect([action, decide(state, new Set([rule.by]), action, odd)]).toEqual([action, { ok: true, to: rule.from[state] }])
    }
  })
})

describe('好差评 in five levels', () => {
  it('the national levels, best first; the first three are 好评, the last two 差评', () => {
    expect(RATINGS.map((r) => RATING_LABELS[r])).toEqual(['非常满意', '满意', '基本满意', '不满意', '非常不满意'])
    expect(GOOD_RATINGS).toEqual(['very_satisfied', 'satisfied', 'basically_satisfied'])
    expect(BAD_RATINGS).toEqual(['unsatisfied', 'very_unsatisfied'])
  })
})

describe('the running deadline', () => {
  it('the running deadline: to accept while submitted, none while the clock stands still, to close while open, none once done', () => {
    for (const state of STATES) {
      const running = runningDeadline(state, 1, 2)
      if (state === 'submitted') expect(running).toBe(1)
      else if (['resolved', 'closed', 'returned', 'merged', 'withdrawn', 'info_paused', 'return_review'].includes(state))
        expect(running).toBeNull()
      else expect(running).toBe(2)
    }
    expect(CLOCK_STOPPED.sort()).toEqual(['info_paused', 'return_review'])
  })

  it('overdue: past the running deadline; paused, only if it was late when the clock stopped', () => {
    const base = { acceptDueAt: 100, closeDueAt: 300, pausedAt: null }
    expect(isOverdue({ ...base, state: 'submitted' }, 150)).toBe(true)
    expect(isOverdue({ ...base, state: 'accepted' }, 150)).toBe(false)
    expect(isOverdue({ ...base, state: 'accepted' }, 301)).toBe(true)
    expect(isOverdue({ ...base, state: 'info_requested' }, 301)).toBe(true)
    expect(isOverdue({ ...base, state: 'info_paused', pausedAt: 200 }, 10_000)).toBe(false)
    expect(isOverdue({ ...base, state: 'info_paused', pausedAt: 400 }, 500)).toBe(true)
    expect(isOverdue({ ...base, state: 'return_review' }, 10_000)).toBe(false)
    expect(isOverdue({ ...base, state: 'resolved' }, 10_000)).toBe(false)
  })
})
