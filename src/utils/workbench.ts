import type { Role } from '../../cloud/domain/roles'

/** The inbox as each staff role knows it: an officer's, a department's, the leaders', the 督查 office's. */
export function workbenchTitle(role: Role): string {
  if (role === 'dept_head') return '部门工作台'
  if (role === 'leader') return '领导工作台'
  if (role === 'admin') return '督查工作台'
  return '特派员工作台'
}

export const WORKBENCH_URL = '/packageOfficer/pages/workbench/index'
