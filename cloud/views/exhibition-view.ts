import type { ExhibitionView, ExhibitorView, ExpoVisitorView, ForumSession } from '../contract/expo'
import { inZone } from '../domain/clock'
import { dayRangeLabel } from '../domain/day-labels'
import { exhibitionPhase, PHASE_LABELS, VISITOR_KIND_LABELS, type VisitorKind } from '../domain/expo'
import type { ExhibitionRow, ExhibitorRow, ExpoVisitorRow } from '../store/repositories/exhibitions'

const json = <T>(text: string) => JSON.parse(text) as T

export const todayOf = (now: number) => inZone(now).format('YYYY-MM-DD')

export function toExhibitionView(row: ExhibitionRow, today: string): ExhibitionView {
  const phase = exhibitionPhase({ startsOn: row.starts_on, endsOn: row.ends_on }, today)
  return {
    id: row.id,
    name: row.name,
    theme: row.theme,
    venue: row.venue,
    startsOn: row.starts_on,
    endsOn: row.ends_on,
    dateLabel: dayRangeLabel(row.starts_on, row.ends_on, today),
    halls: json<string[]>(row.halls),
    boothCount: row.booth_count,
    areaM2: row.area_m2,
    forum: json<ForumSession[]>(row.forum),
    phase,
    phaseLabel: PHASE_LABELS[phase],
  }
}

export function toExhibitorView(row: ExhibitorRow): ExhibitorView {
  return {
    id: row.id,
    name: row.name,
    boothNo: row.booth_no,
    hall: row.hall,
    products: json<string[]>(row.products),
    intro: row.intro,
    contact: { name: row.contact_name, phone: row.contact_phone },
    freeZone: row.free_zone === 1,
    enterpriseId: row.enterprise_id,
  }
}

export function toVisitorView(row: ExpoVisitorRow): ExpoVisitorView {
  const kind = row.kind as VisitorKind
  return {
    name: row.name,
    phone: row.phone,
    company: row.company,
    kind,
    kindLabel: VISITOR_KIND_LABELS[kind],
    shareContact: row.share_contact === 1,
  }
}
