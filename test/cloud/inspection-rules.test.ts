import {
  decideFinding,
  findingDueAt,
  findingMoves,
  findingOnTime,
  findingOverdue,
  findingRelation,
  FINDING_STATES,
  type FindingMove,
  type FindingRelation,
  type FindingState,
} from '../../cloud/domain/inspection'

const STATES = Object.keys(FINDING_STATES) as FindingState[]
const RELATIONS: FindingRelation[] = ['head', 'inspector', 'none']
const MOVES: FindingMove[] = ['answer', 'close', 'return']

/** Every allowed move, written out by hand: anything not listed is refused. */
const ALLOWED: Record<string, FindingState> = {
  'open head answer': 'answered',
  'returned head answer': 'answered',
  'answered inspector close': 'closed',
  'answered inspector return': 'returned',
}

describe('inspection findings (一季一督查)', () => {
  const cases = STATES.flatMap((s) => RELATIONS.flatMap((r) => MOVES.map((m) => [s, r, m] as const)))
  it.each(cases)('%s, by %s: %s', (state, relation, move) => {
    const verdict = decideFinding(state, relation, move)
    const to = ALLOWED[`${state} ${relation} ${move}`]
    if (to) expect(verdict).toEqual({ ok: true, to })
    else {
      expect(verdict.ok).toBe(false)
      if (!verdict.ok) expect(verdict.forbidden).toBe(relation !== (move === 'answer' ? 'head' : 'inspector'))
    }
  })

  it('names the state in a refusal, and offers only the moves allowed', () => {
    expect(decideFinding('closed', 'head', 'answer')).toEqual({
      ok: false,
      forbidden: false,
      problem: '这条督查问题已销号，不能反馈整改情况',
    })
    expect(decideFinding('open', 'inspector', 'answer')).toMatchObject({ problem: '只有被督查部门的负责人可以反馈整改' })
    expect(findingMoves('answered', 'inspector')).toEqual(['close', 'return'])
    expect(findingMoves('answered', 'head')).toEqual([])
    expect(findingMoves('returned', 'head')).toEqual(['answer'])
    expect(findingMoves('closed', 'inspector')).toEqual([])
  })

  it('the head of the department answers; its inspector or any admin closes; nobody else', () => {
    const finding = { departmentId: 'd1', inspectorId: 'leader-1' }
    expect(findingRelation({ id: 'h', role: 'dept_head', departmentId: 'd1' }, finding)).toBe('head')
    expect(findingRelation({ id: 'h2', role: 'dept_head', departmentId: 'd2' }, finding)).toBe('none')
    expect(findingRelation({ id: 'leader-1', role: 'leader', departmentId: null }, finding)).toBe('inspector')
    expect(findingRelation({ id: 'leader-2', role: 'leader', departmentId: null }, finding)).toBe('none')
    expect(findingRelation({ id: 'a', role: 'admin', departmentId: 'd9' }, finding)).toBe('inspector')
    expect(findingRelation({ id: 'o', role: 'officer', departmentId: 'd1' }, finding)).toBe('none')
  })

  it('is due at the end of the 15th working day after it was recorded', () => {
    // Monday 2 March 2026: 3–6, 9–13, 16–20 March are 14 working days; Monday 23 March is the 15th.
    expect(findingDueAt(Date.parse('2026-03-02T10:00:00+08:00'))).toBe(Date.parse('2026-03-23T23:59:59.999+08:00'))
    // Recorded on Saturday 28 March: the count starts on Monday 30 March; 清明 (4–6 April) is skipped.
    // 30, 31 Mar, 1–3 Apr (5); 7–10 Apr (9; Sunday 5th and Monday 6th are off); 13–17 (14); 20 Apr is the 15th.
    expect(findingDueAt(Date.parse('2026-03-28T10:00:00+08:00'))).toBe(Date.parse('2026-04-20T23:59:59.999+08:00'))
  })

  it('is on time only when closed on an answer given by the deadline; undecided while within its time', () => {
    const dueAt = Date.parse('2026-03-23T23:59:59.999+08:00')
    const before = dueAt - 1000
    const after = dueAt + 1000
    expect(findingOnTime({ state: 'closed', dueAt, answeredAt: before }, after)).toBe(true)
    expect(findingOnTime({ state: 'closed', dueAt, answeredAt: dueAt }, after)).toBe(true)
    expect(findingOnTime({ state: 'closed', dueAt, answeredAt: after }, after)).toBe(false)
    expect(findingOnTime({ state: 'answered', dueAt, answeredAt: before }, before)).toBeNull()
    expect(findingOnTime({ state: 'answered', dueAt, answeredAt: before }, after)).toBe(false)
    expect(findingOnTime({ state: 'open', dueAt, answeredAt: null }, before)).toBeNull()
    expect(findingOnTime({ state: 'returned', dueAt, answeredAt: before }, after)).toBe(false)
    expect(findingOverdue({ state: 'open', dueAt, answeredAt: null }, after)).toBe(true)
    expect(findingOverdue({ state: 'open', dueAt, answeredAt: null }, dueAt)).toBe(false)
    expect(findingOverdue({ state: 'closed', dueAt, answeredAt: before }, after)).toBe(false)
  })
})
