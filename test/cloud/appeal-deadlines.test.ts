import {
  chosenCloseDeadline,
  DEFAULT_DEADLINES,
  initialDeadlines,
  readDeadlineConfig,
  redispatchDeadlines,
  rectifyDeadline,
  proxyDeadlines,
  clockChanges,
} from '../../cloud/domain/appeal/deadlines'
import { calendarKnows, endOfWorkingDaysAfter, isWorkingDay } from '../../cloud/domain/working-days'

const at = (iso: string) => Date.parse(iso)
const WORKING = { ...DEFAULT_DEADLINES, dayMode: 'working' as const }

describe('deadlines in calendar days (Beijing)', () => {
  it('an ordinary appeal: accepted within 24 h, closed within 3 days, across midnight and month end', () => {
    const filed = at('2026-01-31T23:30:00+08:00')
    expect(initialDeadlines(filed, 'normal')).toEqual({
      acceptDueAt: at('2026-02-01T23:30:00+08:00'),
      closeDueAt: at('2026-02-03T23:30:00+08:00'),
    })
  })

  it('an urgent one: 2 h to accept, 24 h to close, across the year end', () => {
    const filed = at('2026-12-31T23:00:00+08:00')
    expect(initialDeadlines(filed, 'urgent')).toEqual({
      acceptDueAt: at('2027-01-01T01:00:00+08:00'),
      closeDueAt: at('2027-01-01T23:00:00+08:00'),
    })
  })

  it('a 差评 is rectified within 15 working days, whatever the day mode; a re-dispatch gets the full time again', () => {
    // Thursday 5 March 2026: the 15th working day after is Thursday 26 March.
    expect(rectifyDeadline(at('2026-03-05T10:00:00+08:00'))).toBe(at('2026-03-26T23:59:59.999+08:00'))
    expect(rectifyDeadline(at('2026-03-05T10:00:00+08:00'), WORKING)).toBe(at('2026-03-26T23:59:59.999+08:00'))
    expect(rectifyDeadline(at('2026-03-05T10:00:00+08:00'), { ...DEFAULT_DEADLINES, rectifyWorkingDays: 5 })).toBe(
      at('2026-03-12T23:59:59.999+08:00'),
    )
    expect(redispatchDeadlines(at('2026-03-05T10:00:00+08:00'))).toEqual({
      acceptDueAt: at('2026-03-06T10:00:00+08:00'),
      closeDueAt: at('2026-03-08T10:00:00+08:00'),
    })
  })

  it('a chosen date (complex appeal, extension) runs to the end of that day in Beijing, later than now or the current deadline, at most 30 days', () => {
    const now = at('2026-03-05T10:00:00+08:00')
    expect(chosenCloseDeadline('2026-03-20', now)).toBe(at('2026-03-20T23:59:59.999+08:00'))
    expect(chosenCloseDeadline('2026-03-05', now)).toBe(at('2026-03-05T23:59:59.999+08:00'))
    expect(() => chosenCloseDeadline('2026-03-04', now)).toThrow(/应晚于现在/)
    expect(() => chosenCloseDeadline('2026-04-05', now)).toThrow(/最长 30 天/)
    expect(chosenCloseDeadline('2026-04-04', now)).toBe(at('2026-04-04T23:59:59.999+08:00'))
    const current = at('2026-03-08T10:00:00+08:00')
    expect(() => chosenCloseDeadline('2026-03-07', now, DEFAULT_DEADLINES, current)).toThrow(/应晚于现在的办结期限/)
    expect(chosenCloseDeadline('2026-03-08', now, DEFAULT_DEADLINES, current)).toBe(at('2026-03-08T23:59:59.999+08:00'))
  })
})

describe('deadlines in working days (official holidays and make-up days)', () => {
  it('knows the 2026 National Day week and its make-up Saturday', () => {
    expect(isWorkingDay('2026-09-30')).toBe(true)
    for (let d = 1; d <= 7; d++) expect(isWorkingDay(`2026-10-0${d}`)).toBe(false)
    expect(isWorkingDay('2026-10-10')).toBe(true) // Saturday, 调休
    expect(isWorkingDay('2026-10-11')).toBe(false)
  })

  it('filed the day before National Day: 1 working day runs to 8 October, 3 to the make-up Saturday', () => {
    const filed = at('2026-09-30T10:00:00+08:00')
    expect(initialDeadlines(filed, 'normal', WORKING)).toEqual({
      acceptDueAt: at('2026-10-08T23:59:59.999+08:00'),
      closeDueAt: at('2026-10-10T23:59:59.999+08:00'),
    })
  })

  it('filed on a Friday evening: accepted by the end of Monday, closed by the end of Wednesday', () => {
    const filed = at('2026-11-20T18:00:00+08:00')
    expect(initialDeadlines(filed, 'normal', WORKING)).toEqual({
      acceptDueAt: at('2026-11-23T23:59:59.999+08:00'),
      closeDueAt: at('2026-11-25T23:59:59.999+08:00'),
    })
  })

  it('a Beijing day, not the server day: 00:30 Beijing on Monday is still Sunday in UTC', () => {
    expect(endOfWorkingDaysAfter(at('2026-11-23T00:30:00+08:00'), 1)).toBe(at('2026-11-24T23:59:59.999+08:00'))
  })

  it('Spring Festival 2026: the rectification of a 差评 given on 13 February waits out the holiday', () => {
    expect(isWorkingDay('2026-02-14')).toBe(true) // Saturday, 调休
    const rated = at('2026-02-13T09:00:00+08:00')
    // 14 Feb is a make-up working day, then the holiday runs to 23 Feb.
    expect(rectifyDeadline(rated, WORKING)).toBe(endOfWorkingDaysAfter(at('2026-02-14T00:00:00+08:00'), 14))
    expect(rectifyDeadline(rated, WORKING)).toBeGreaterThan(at('2026-03-06T00:00:00+08:00'))
  })

  it('a 请帮我办 item with a published limit in working days closes by its end; without one, the general rule', () => {
    const friday = at('2026-11-20T18:00:00+08:00')
    expect(proxyDeadlines(friday, 3)).toEqual({
      acceptDueAt: at('2026-11-21T18:00:00+08:00'),
      closeDueAt: at('2026-11-25T23:59:59.999+08:00'),
    })
    expect(proxyDeadlines(friday, null)).toEqual(initialDeadlines(friday, 'normal'))
    expect(proxyDeadlines(friday, null, WORKING)).toEqual(initialDeadlines(friday, 'normal', WORKING))
  })

  it('urgent hours are hours whatever the day', () => {
    const filed = at('2026-10-01T09:00:00+08:00')
    expect(initialDeadlines(filed, 'urgent', WORKING)).toEqual(initialDeadlines(filed, 'urgent', DEFAULT_DEADLINES))
  })

  it('a year without an official notice falls back to Monday to Friday, and says so', () => {
    const unknown = [2026, 2027, 2030].filter((y) => !calendarKnows(y))
    expect(calendarKnows(2026)).toBe(true)
    for (const year of unknown) {
      expect(isWorkingDay(`${year}-01-01`)).toBe(![0, 6].includes(new Date(`${year}-01-01T12:00:00Z`).getUTCDay()))
    }
    expect(unknown.length).toBeGreaterThan(0)
  })
})

describe('deadline configuration', () => {
  it('calendar by default, working days when asked, anything else refused', () => {
    expect(readDeadlineConfig({}).dayMode).toBe('calendar')
    expect(readDeadlineConfig({ DEADLINE_DAYS: 'working' }).dayMode).toBe('working')
    expect(() => readDeadlineConfig({ DEADLINE_DAYS: 'weekdays' })).toThrow(/calendar or working/)
  })
})

describe('the clock that pauses (待补充)', () => {
  const clock = { close_due_at: at('2026-03-05T09:00:00+08:00'), paused_at: null, paused_ms: 0, pause_count: 0 }

  it('only entering the paused state stops it; asking alone does not', () => {
    expect(clockChanges('in_progress', 'info_requested', clock, at('2026-03-03T09:00:00+08:00'))).toEqual({ changes: {}, pausedMs: null })
    expect(clockChanges('info_requested', 'info_paused', clock, at('2026-03-03T10:00:00+08:00'))).toEqual({
      changes: { paused_at: at('2026-03-03T10:00:00+08:00'), pause_count: 1 },
      pausedMs: null,
    })
  })

  it('any move out of the pause resumes it with the time that was left, and says how long it stood', () => {
    const paused = { ...clock, paused_at: at('2026-03-03T10:00:00+08:00'), pause_count: 1, paused_ms: 3_600_000 }
    for (const target of ['in_progress', 'resolved', 'withdrawn']) {
      expect(clockChanges('info_paused', target, paused, at('2026-03-06T10:00:00+08:00'))).toEqual({
        changes: { paused_at: null, close_due_at: at('2026-03-08T09:00:00+08:00'), paused_ms: 3_600_000 + 3 * 24 * 3_600_000 },
        pausedMs: 3 * 24 * 3_600_000,
      })
    }
    // Staying paused (a 督办 while it waits) moves nothing.
    expect(clockChanges('info_paused', 'info_paused', paused, at('2026-03-06T10:00:00+08:00'))).toEqual({ changes: {}, pausedMs: null })
  })
})
