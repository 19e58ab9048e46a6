import type { VisitRow } from '../../store/repositories/visits'

type Required = 'id' | 'enterprise_id' | 'host_id' | 'host_role' | 'kind' | 'origin' | 'topic' | 'day' | 'half' | 'state' | 'created_at'

/** A visit row as first written: what the caller names, and nothing yet proven, recorded or held. */
export function newVisitRow(fields: Pick<VisitRow, Required> & Partial<VisitRow>): VisitRow {
  return {
    requested_by: null,
    client_request_id: null,
    appeal_id: null,
    held_slot: null,
    note: '',
    checked_in_at: null,
    checkin_lat: null,
    checkin_lng: null,
    owner_confirmed_at: null,
    proven: 0,
    visited_at: null,
    record: null,
    internal_note: '',
    reminded_at: null,
    version: 0,
    updated_at: fields.created_at,
    ...fields,
  }
}
