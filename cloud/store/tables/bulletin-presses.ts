import type { PressState } from '../../domain/department-sections'

/** 督办 of a department named lagging in a month's bulletin: one per department and month. */
export interface BulletinPressesTable {
  id: string
  department_id: string
  /** YYYY-MM, the bulletin's month. */
  month: string
  /** Why it was named (the lag reasons, joined), as the leader saw them. */
  reasons: string
  note: string
  state: PressState
  pressed_by: string
  pressed_at: number
  answer: string | null
  answered_by: string | null
  answered_at: number | null
}
