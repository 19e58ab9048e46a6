import type { ParsedInput } from '../../contract'
import type { ExpoStats } from '../../contract/expo'
import { inZone } from '../../domain/clock'
import { notFound } from '../../domain/errors'
import { busiestBooths, countScansByHour, exhibitionTotals, findExhibitionById } from '../../store/repositories/exhibitions'
import { todayOf, toExhibitionView } from '../../views/exhibition-view'
import { ActionContext } from '../context'

const BUSIEST = 10

/** expo.stats: for organisers, the counted scans and registrations, scans by hour, and the busiest booths. */
export async function expoStats(ctx: ActionContext, input: ParsedInput<'expo.stats'>): Promise<ExpoStats> {
  const exhibition = await findExhibitionById(ctx.db, input.id)
  if (!exhibition) throw notFound('没有这个展会')
  const [totals, hours, busiest] = await Promise.all([
    exhibitionTotals(ctx.db, exhibition.id),
    countScansByHour(ctx.db, exhibition.id),
    busiestBooths(ctx.db, exhibition.id, BUSIEST),
  ])
  return {
    exhibition: toExhibitionView(exhibition, todayOf(ctx.clock.now())),
    totals,
    byHour: hours.map((h) => ({ hour: inZone(Number(h.hour_start)).format('MM-DD HH:00'), scans: Number(h.scans) })),
    busiest: busiest.map((b) => ({ id: b.id, name: b.name, boothNo: b.booth_no, scans: Number(b.scans), follows: Number(b.follows ?? 0) })),
  }
}
