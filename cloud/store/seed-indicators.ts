import type { Kysely } from 'kysely'
import { DEMO_MONTHS, demoFigures, NOT_YET_REPORTED } from '../../seeds/indicators'
import { inZone } from '../domain/clock'
import type { Database } from './database'
import type { SeedEnterprise } from './seed-types'

/**
 * The demo's monthly figures (seeds/indicators.ts): each firm's last 13 months before the current
 * one, reported by its owner on the 5th of the month after (or now, for a month just ended), except
 * last month for the firms still to report it.
 */
export async function seedIndicators(trx: Kysely<Database>, now: number, enterprises: readonly SeedEnterprise[]): Promise<void> {
  const thisMonth = inZone(now).startOf('month')
  const rows = enterprises.flatMap((firm, index) =>
    Array.from({ length: DEMO_MONTHS }, (_, i) => DEMO_MONTHS - i)
      .filter((monthsAgo) => !(monthsAgo === 1 && NOT_YET_REPORTED.includes(firm.id)))
      .map((monthsAgo) => {
        const month = thisMonth.subtract(monthsAgo, 'month')
        const reportedAt = Math.min(now, month.add(1, 'month').add(4, 'day').add(10, 'hour').valueOf())
        return {
          id: `ind-${firm.id}-${month.format('YYYY-MM')}`,
          enterprise_id: firm.id,
          month: month.format('YYYY-MM'),
          ...demoFigures(firm, index, monthsAgo, month.month() + 1),
          reported_by: firm.owner.id,
          reported_at: reportedAt,
          updated_at: reportedAt,
        }
      }),
  )
  for (let i = 0; i < rows.length; i += 200)
    await trx
      .insertInto('indicator_reports')
      .values(rows.slice(i, i + 200))
      .execute()
}
