import type { Role } from '../roles'

/** The roles a member of staff may be given: every role but the enterprise's and the guest's. */
export const STAFF_ROLE_CHOICES = ['officer', 'dept_head', 'leader', 'admin'] as const
export type StaffRole = (typeof STAFF_ROLE_CHOICES)[number]

/** Officers and heads belong to a department; leaders and admins serve the whole town (an admin may sit in an office). */
export const needsDepartment = (role: StaffRole) => role === 'officer' || role === 'dept_head'

/** Why a staff record of this role and department cannot be, or null. */
export function staffShapeProblem(role: StaffRole, departmentId: string | null): string | null {
  return needsDepartment(role) && !departmentId ? '驻企特派员和部门负责人须属于一个部门，请选择部门' : null
}

/** Who manages staff, and what a staff record is, as the rules see them. */
export interface StaffManager {
  id: string
  role: Role
  departmentId: string | null
}
export interface StaffTarget {
  id?: string
  role: StaffRole
  departmentId: string | null
}

/**
 * Why this manager may not add, change, invite or deactivate this member of staff, or null when
 * they may: admins manage everyone in the town; a department head manages the officers of their
 * own department and nobody else; other roles manage nobody.
 */
export function staffManagementProblem(manager: StaffManager, target: StaffTarget): string | null {
  if (manager.role === 'admin') return null
  if (manager.role === 'dept_head') {
    if (target.role !== 'officer') return '部门负责人只能添加和管理本部门的驻企特派员'
    if (!manager.departmentId || target.departmentId !== manager.departmentId) return '部门负责人只能管理本部门的人员'
    return null
  }
  return '只有管理员和部门负责人可以管理工作人员'
}

/** Whether a handover from one person to another is allowed: officer to another officer, both known. */
export function handoverProblem(from: { id: string; role: Role }, to: { id: string; role: Role; active: boolean }): string | null {
  if (from.id === to.id) return '交接人和接任人不能是同一个人'
  if (from.role !== 'officer') return '交接只用于驻企特派员：部门负责人和领导的职责随岗位调整'
  if (to.role !== 'officer') return '接任人须是一名驻企特派员'
  if (!to.active) return '接任人的账号已停用，请另选一人'
  return null
}
