import type { Role } from '../roles'

/** What decides who may see an appeal: whose it is and who serves it. */
export interface AppealScope {
  enterpriseId: string
  handlerId: string | null
  departmentId: string | null
  /** The enterprise's responsible officer (驻企特派员), who follows all its appeals. */
  enterpriseOfficerId: string | null
}

export interface Viewer {
  id: string
  role: Role
  enterpriseId: string | null
  departmentId: string | null
}

/**
 * Nobody sees what is not theirs: an owner sees their own enterprise's appeals; an officer those
 * they hold, those of the enterprises they serve and those routed to their department; a
 * department head those of the department; leaders and admins all (they supervise).
 */
export function canViewAppeal(appeal: AppealScope, viewer: Viewer): boolean {
  switch (viewer.role) {
    case 'owner':
      return viewer.enterpriseId !== null && viewer.enterpriseId === appeal.enterpriseId
    case 'officer':
      return (
        appeal.handlerId === viewer.id ||
        appeal.enterpriseOfficerId === viewer.id ||
        (viewer.departmentId !== null && appeal.departmentId === viewer.departmentId)
      )
    case 'dept_head':
      return appeal.handlerId === viewer.id || (viewer.departmentId !== null && appeal.departmentId === viewer.departmentId)
    case 'leader':
    case 'admin':
      return true
    case 'guest':
      return false
  }
}
