import { dayLabel, dayRangeLabel } from '../../cloud/domain/day-labels'
import { periodOf } from '../../cloud/domain/visit/periods'

describe('days as a person reads them', () => {
  it('leaves the year out only when it is the reader’s current year', () => {
    expect(dayLabel('2026-03-02', '2026-11-30')).toBe('3月2日')
    expect(dayLabel('2027-03-02', '2026-11-30')).toBe('2027年3月2日')
    expect(dayLabel('2025-12-31', '2026-01-01')).toBe('2025年12月31日')
  })

  it.each([
    ['2026-10-28', '2026-10-30', '2026-03-02', '10月28日—30日'],
    ['2026-10-31', '2026-11-02', '2026-03-02', '10月31日—11月2日'],
    ['2026-10-28', '2026-10-28', '2026-03-02', '10月28日'],
    // Not this year: the year is said once, at the start.
    ['2027-10-28', '2027-10-30', '2026-11-30', '2027年10月28日—30日'],
    ['2027-10-31', '2027-11-02', '2026-11-30', '2027年10月31日—11月2日'],
    // Across the new year: each end says its own year, unless the first is this one.
    ['2026-12-30', '2027-01-01', '2026-11-30', '12月30日—2027年1月1日'],
    ['2026-12-30', '2027-01-01', '2025-06-01', '2026年12月30日—2027年1月1日'],
  ])('%s to %s, read on %s: %s', (from, to, today, label) => {
    expect(dayRangeLabel(from, to, today)).toBe(label)
  })

  it('labels an ISO week across the new year with the year that is not the current one', () => {
    expect(periodOf('week', Date.parse('2026-12-31T12:00:00+08:00')).label).toBe('12月28日—2027年1月3日')
    expect(periodOf('week', Date.parse('2026-11-25T12:00:00+08:00')).label).toBe('11月23日—29日')
  })
})
