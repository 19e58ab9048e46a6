import { DEFAULT_SUPERVISION, nextSupervision, sweepHorizon, targetLevel } from '../../cloud/domain/appeal/supervision'

const H = 3600_000
const due = Date.parse('2026-03-05T09:00:00+08:00')

describe('supervision levels', () => {
  it.each([
    ['long before the deadline', due - 5 * H, 0],
    ['the moment the reminder window opens', due - 4 * H, 1],
    ['one minute before the deadline', due - 60_000, 1],
    ['at the deadline', due, 2],
    ['23 hours late', due + 23 * H, 2],
    ['24 hours late', due + 24 * H, 3],
    ['a month late', due + 30 * 24 * H, 3],
  ])('%s: level %i', (_when, now, level) => {
    expect(targetLevel(due, now)).toBe(level)
  })

  it('nothing runs without a deadline', () => {
    expect(targetLevel(null, due)).toBe(0)
    expect(nextSupervision({ dueAt: null, level: 0, levelDueAt: null }, due + 99 * H)).toBeNull()
  })

  it('climbs one way: a step taken is not taken again at the same moment or later at the same level', () => {
    const now = due + H
    expect(nextSupervision({ dueAt: due, level: 0, levelDueAt: null }, now)).toBe(2)
    expect(nextSupervision({ dueAt: due, level: 2, levelDueAt: due }, now)).toBeNull()
    expect(nextSupervision({ dueAt: due, level: 2, levelDueAt: due }, due + 25 * H)).toBe(3)
    expect(nextSupervision({ dueAt: due, level: 3, levelDueAt: due }, due + 99 * H)).toBeNull()
  })

  it('a new deadline (accepted, extended, reopened) starts supervision again', () => {
    const later = due + 72 * H
    expect(nextSupervision({ dueAt: later, level: 3, levelDueAt: due }, later - H)).toBe(1)
    expect(nextSupervision({ dueAt: later, level: 3, levelDueAt: due }, later - 10 * H)).toBeNull()
  })

  it('the sweep need not read anything due after the reminder window', () => {
    expect(sweepHorizon(due)).toBe(due + DEFAULT_SUPERVISION.dueSoonMs)
    expect(targetLevel(sweepHorizon(due) + 1, due)).toBe(0)
  })
})
