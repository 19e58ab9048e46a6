import { beijing, formatMoment, formatRemaining } from '../../src/utils/time'

const at = (iso: string) => Date.parse(iso)
const H = 3600_000

describe('times as the app shows them', () => {
  const zone = process.env.TZ
  afterEach(() => {
    process.env.TZ = zone
  })

  it.each(['UTC', 'America/New_York', 'Asia/Shanghai'])('moments are Beijing time on a device set to %s', (tz) => {
    process.env.TZ = tz
    expect(formatMoment(at('2026-03-01T23:30:00Z'), at('2026-03-02T00:00:00Z'))).toBe('3月2日 07:30')
    // New Year's Eve in UTC is already next year in Beijing: the year shows when it is not this one.
    expect(formatMoment(at('2026-12-31T17:00:00Z'), at('2026-12-30T00:00:00Z'))).toBe('2027年1月1日 01:00')
    expect(beijing(at('2026-03-01T16:00:00Z')).format('YYYY-MM-DD')).toBe('2026-03-02')
  })

  it('countdowns round down and say when time has run out', () => {
    const now = at('2026-03-02T09:00:00+08:00')
    expect(formatRemaining(now + 2 * 24 * H + 3 * H + 59 * 60_000, now)).toBe('剩余 2天3小时')
    expect(formatRemaining(now + 5 * H + 30 * 60_000, now)).toBe('剩余 5小时30分钟')
    expect(formatRemaining(now + 20_000, now)).toBe('剩余 1分钟')
    expect(formatRemaining(now - 5 * H, now)).toBe('已超时 5小时0分钟')
  })
})
