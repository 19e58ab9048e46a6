import {
  APPEAL_MOVES,
  decide,
  runningDeadline,
  STATE_LABELS,
  type AppealMove,
  type AppealState,
  type Relation,
} from '../../cloud/domain/appeal/rules'

const STATES = Object.keys(STATE_LABELS) as AppealState[]
const RELATION_SETS: [string, Relation[]][] = [
  ['nobody in particular', []],
  ['the handler', ['handler']],
  ['the enterprise owner', ['enterprise-owner']],
  ['the system', ['system']],
  ['a reviewer', ['reviewer']],
  ['the department head', ['department-head']],
  ['a leader or admin', ['coordinator']],
  ['whoever manages the handler (admin, or the head of the handler’s department)', ['staff-manager']],
]

/** The expected table, written out by hand: the code's table must agree with it cell by cell. */
const EXPECTED: Record<AppealMove, { by: Relation; from: Partial<Record<AppealState, AppealState>> }> = {
  accept: { by: 'handler', from: { submitted: 'accepted' } },
  return: { by: 'handler', from: { submitted: 'returned' } },
  progress: { by: 'handler', from: { accepted: 'in_progress', in_progress: 'in_progress', reopened: 'in_progress' } },
  resolve: { by: 'handler', from: { accepted: 'resolved', in_progress: 'resolved', reopened: 'resolved', extension_pending: 'resolved' } },
  requestExtension: {
    by: 'handler',
    from: { accepted: 'extension_pending', in_progress: 'extension_pending', reopened: 'extension_pending' },
  },
  approveExtension: { by: 'department-head', from: { extension_pending: 'in_progress' } },
  refuseExtension: { by: 'department-head', from: { extension_pending: 'in_progress' } },
  link: { by: 'handler', from: { submitted: 'submitted', accepted: 'accepted', in_progress: 'in_progress', reopened: 'reopened' } },
  resolveWithGroup: {
    by: 'handler',
    from: { submitted: 'resolved', accepted: 'resolved', in_progress: 'resolved', reopened: 'resolved', extension_pending: 'resolved' },
  },
  merge: { by: 'handler', from: { submitted: 'merged', accepted: 'merged', in_progress: 'merged', reopened: 'merged' } },
  supervise: {
    by: 'coordinator',
    from: {
      submitted: 'submitted',
      accepted: 'accepted',
      in_progress: 'in_progress',
      extension_pending: 'extension_pending',
      reopened: 'reopened',
      disputed: 'disputed',
    },
  },
  dispute: { by: 'handler', from: { submitted: 'disputed', accepted: 'disputed' } },
  redispatch: { by: 'coordinator', from: { disputed: 'submitted' } },
  rate: { by: 'enterprise-owner', from: { resolved: 'closed' } },
  rateUnsatisfied: { by: 'enterprise-owner', from: { resolved: 'reopened' } },
  autoClose: { by: 'system', from: { resolved: 'closed' } },
  followUp: { by: 'reviewer', from: { resolved: 'resolved', closed: 'closed' } },
  assign: {
    by: 'department-head',
    from: { submitted: 'submitted', accepted: 'accepted', in_progress: 'in_progress', reopened: 'reopened' },
  },
  transfer: { by: 'handler', from: { submitted: 'submitted', accepted: 'accepted', in_progress: 'in_progress', reopened: 'reopened' } },
  handover: {
    by: 'staff-manager',
    from: {
      submitted: 'submitted',
      accepted: 'accepted',
      in_progress: 'in_progress',
      extension_pending: 'extension_pending',
      reopened: 'reopened',
      disputed: 'disputed',
    },
  },
}

describe('appeal state machine: every state × action × relation', () => {
  const cases = STATES.flatMap((state) =>
    APPEAL_MOVES.flatMap((action) => RELATION_SETS.map(([who, relations]) => [state, action, who, relations] as const)),
  )

  it.each(cases)('%s · %s · by %s', (state, action, _who, relations) => {
    const verdict = decide(state, new Set(relations), action)
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
  })
})

describe('the running deadline', () => {
  it('the running deadline: to accept while submitted, to close while open, none once done', () => {
    for (const state of STATES) {
      const running = runningDeadline(state, 1, 2)
      if (state === 'submitted') expect(running).toBe(1)
      else if (['resolved', 'closed', 'returned', 'merged'].includes(state)) expect(running).toBeNull()
      else expect(running).toBe(2)
    }
  })
})
