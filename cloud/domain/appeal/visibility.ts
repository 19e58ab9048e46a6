import type { Role } from '../roles'

/** What decides who may see an appeal: whose it is and who serves it. */
export interface AppealScope {
  enterpriseId: string
  handlerId: string | null
  departmentId: string | null
  /** The enterprise's responsible officer (驻企特派员), who follows all its appeals. */
  enterpriseOfficerId: string | null
  /** A complaint about staff (作风): not followed by the enterprise's officer, and never seen by the one named. */
  conduct?: boolean
  accusedId?: string | null
  /** The enterprise withheld its name from the handling department: its officer does not follow it either. */
  anonymous?: boolean
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
 * department head those of the department; leaders and admins all (they supervise). A complaint
 * about staff is never seen by the person it names, whoever they are, nor followed by the
 * enterprise's officer; nor is an appeal whose enterprise asked to stay anonymous.
 */
export function canViewAppeal(appeal: AppealScope, viewer: Viewer): boolean {
  if (appeal.accusedId && appeal.accusedId === viewer.id) return false
  const follows = !appeal.conduct && !appeal.anonymous
  switch (viewer.role) {
    case 'owner':
      return viewer.enterpriseId !== null && viewer.enterpriseId === appeal.enterpriseId
    case 'officer':
      return (
        appeal.handlerId === viewer.id ||
        (follows && appeal.enterpriseOfficerId === viewer.id) ||
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

/**
 * Whether a viewer sees who filed an anonymous appeal (敏感诉求匿名交办): the enterprise itself, the
 * 督查 office (admins) and leaders; the handling department sees it without the enterprise's name.
 */
export const seesIdentity = (role: Role) => role === 'owner' || role === 'leader' || role === 'admin'
