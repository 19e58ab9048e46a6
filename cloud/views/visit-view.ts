import type { PersonContact, VisitRecordView, VisitView } from '../contract'
import { ROLE_LABELS, isStaff } from '../domain/roles'
import type { Clock } from '../domain/clock'
import { beijingDay, slotLabel, type Half } from '../domain/visit/calendar'
import { allowedVisitMoves, VISIT_STATE_LABELS, type VisitState } from '../domain/visit/rules'
import type { Db } from '../store/database'
import { findAppealTitles } from '../store/repositories/appeals'
import { findNames } from '../store/repositories/names'
import { findUsersByIds, listOwnerContacts, type UserRow } from '../store/repositories/users'
import type { VisitRow } from '../store/repositories/visits'
import { partyOf } from '../access/visit-access'

/** What a view needs: the store, and the clock that says which year a date may leave out. */
interface Viewing {
  db: Db
  clock: Clock
}

export const KIND_LABELS = { visit: '走访', meeting: '座谈' } as const

/** Visits as one viewer sees them, loading the people, enterprises and appeals they name in three queries. */
export async function toVisitViews({ db, clock }: Viewing, viewer: UserRow, rows: VisitRow[]): Promise<VisitView[]> {
  if (rows.length === 0) return []
  const today = beijingDay(clock.now())
  const hosts = await findUsersByIds(db, [...new Set(rows.map((r) => r.host_id))])
  const enterprises = await findNames(db, 'enterprises', [...new Set(rows.map((r) => r.enterprise_id))])
  const appealIds = [...new Set(rows.map((r) => r.appeal_id).filter((id): id is string => id !== null))]
  const appeals = await findAppealTitles(db, appealIds)
  const staff = isStaff(viewer.role)
  const owners = staff ? await listOwnerContacts(db, [...new Set(rows.map((r) => r.enterprise_id))]) : []
  return rows.map((row) => {
    const host = hosts.find((h) => h.id === row.host_id)
    const appeal = appeals.find((a) => a.id === row.appeal_id)
    const state = row.state as VisitState
    return {
      id: row.id,
      enterprise: { id: row.enterprise_id, name: enterprises.find((e) => e.id === row.enterprise_id)?.name ?? '' },
      host: {
        id: row.host_id,
        name: host?.name ?? '',
        title: host?.title ?? '',
        phone: host?.phone ?? '',
        role: host?.role ?? 'officer',
        roleLabel: host ? ROLE_LABELS[host.role] : '',
      },
      kind: row.kind as VisitView['kind'],
      kindLabel: KIND_LABELS[row.kind as VisitView['kind']],
      origin: row.origin as VisitView['origin'],
      topic: row.topic,
      appeal: appeal ? { id: appeal.id, title: appeal.title } : null,
      day: row.day,
      half: row.half as Half,
      slotLabel: slotLabel(row.day, row.half as Half, today),
      state,
      stateLabel: VISIT_STATE_LABELS[state],
      note: row.note,
      checkedInAt: row.checked_in_at,
      ownerConfirmedAt: row.owner_confirmed_at,
      proven: row.proven === 1,
      visitedAt: row.visited_at,
      record: row.record ? (JSON.parse(row.record) as VisitRecordView) : null,
      internalNote: staff ? row.internal_note : null,
      enterpriseContact: contactAt(owners, row),
      version: row.version,
      moves: allowedVisitMoves({ state, ownerConfirmedAt: row.owner_confirmed_at, checkedInAt: row.checked_in_at }, partyOf(viewer, row)),
    }
  })
}

/** Who booked, or else the enterprise's first owner. */
function contactAt(
  owners: { id: string; name: string; title: string; phone: string; enterprise_id: string | null }[],
  row: VisitRow,
): PersonContact | null {
  const person = owners.find((o) => o.id === row.requested_by) ?? owners.find((o) => o.enterprise_id === row.enterprise_id)
  return person ? { id: person.id, name: person.name, title: person.title, phone: person.phone } : null
}

export async function toVisitView(viewing: Viewing, viewer: UserRow, row: VisitRow): Promise<VisitView> {
  return (await toVisitViews(viewing, viewer, [row]))[0]
}
