import type { FindingState } from '../../domain/inspection'

/** 一季一督查: one inspection of a department for a quarter. */
export interface InspectionsTable {
  id: string
  department_id: string
  /** YYYY-Qn. */
  period: string
  /** YYYY-MM-DD. */
  inspected_on: string
  summary: string
  inspector_id: string
  created_at: number
}

/** One finding of an inspection and its 整改. */
export interface InspectionFindingsTable {
  id: string
  inspection_id: string
  department_id: string
  period: string
  inspector_id: string
  /** Its place in the inspection, from 1. */
  seq: number
  text: string
  state: FindingState
  due_at: number
  answer: string | null
  answered_by: string | null
  answered_at: number | null
  /** Why the inspector returned it, the latest time. */
  return_note: string | null
  closed_by: string | null
  closed_at: number | null
  version: number
  created_at: number
}
