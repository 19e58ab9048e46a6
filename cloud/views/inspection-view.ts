import type { FindingView, InspectionView } from '../contract'
import { FINDING_STATES, findingMoves, findingOverdue, findingRelation } from '../domain/inspection'
import type { FindingRow, NamedInspectionRow } from '../store/repositories/inspections'

type Viewer = { id: string; role: string; department_id: string | null }

export function findingView(row: FindingRow, departmentName: string, viewer: Viewer, now: number): FindingView {
  const relation = findingRelation(
    { id: viewer.id, role: viewer.role, departmentId: viewer.department_id },
    { departmentId: row.department_id, inspectorId: row.inspector_id },
  )
  return {
    id: row.id,
    inspectionId: row.inspection_id,
    departmentId: row.department_id,
    departmentName,
    period: row.period,
    seq: row.seq,
    text: row.text,
    state: row.state,
    stateLabel: FINDING_STATES[row.state],
    dueAt: Number(row.due_at),
    overdue: findingOverdue({ state: row.state, dueAt: Number(row.due_at), answeredAt: null }, now),
    answer: row.answer,
    answeredAt: row.answered_at === null ? null : Number(row.answered_at),
    returnNote: row.return_note,
    closedAt: row.closed_at === null ? null : Number(row.closed_at),
    version: row.version,
    moves: findingMoves(row.state, relation),
  }
}

export function inspectionView(row: NamedInspectionRow, findings: FindingRow[], viewer: Viewer, now: number): InspectionView {
  return {
    id: row.id,
    departmentId: row.department_id,
    departmentName: row.department_name,
    period: row.period,
    inspectedOn: row.inspected_on,
    summary: row.summary,
    inspectorName: row.inspector_name,
    createdAt: Number(row.created_at),
    findings: findings.filter((f) => f.inspection_id === row.id).map((f) => findingView(f, row.department_name, viewer, now)),
  }
}
