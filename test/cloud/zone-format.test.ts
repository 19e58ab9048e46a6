import { formatInZone, inZone } from '../../cloud/domain/clock'

describe('formatInZone', () => {
  it('writes a moment as the zone lookup does, across years, midnights and month ends', () => {
    const from = Date.parse('1995-01-01T00:00:00Z')
    const moments = [Date.parse('2026-12-31T15:59:59.999Z'), Date.parse('2026-12-31T16:00:00Z'), Date.parse('2028-02-28T16:30:00Z')]
    for (let i = 0; i < 2_000; i++) moments.push(from + i * 7_919_999_983)
    for (const ms of moments) expect(formatInZone(ms, 'YYYY年M月D日 HH:mm:ss')).toBe(inZone(ms).format('YYYY年M月D日 HH:mm:ss'))
    expect(formatInZone(Date.parse('2026-12-31T16:00:00Z'), 'YYYY年M月D日 HH:mm')).toBe('2027年1月1日 00:00')
  })
})
