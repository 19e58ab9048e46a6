export interface DepartmentsTable {
  id: string
  name: string
  /** 职责: what it handles, for routing. */
  remit: string
  sort_order: number
}
