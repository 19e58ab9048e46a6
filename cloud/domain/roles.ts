/** Who a signed-in person is in the system. `guest` is a WeChat user not yet bound to an enterprise. */
export const ROLES = ['guest', 'owner', 'officer', 'dept_head', 'leader', 'admin'] as const
export type Role = (typeof ROLES)[number]

export const ROLE_LABELS: Record<Role, string> = {
  guest: '访客',
  owner: '企业用户',
  officer: '驻企特派员',
  dept_head: '部门负责人',
  leader: '包抓领导',
  admin: '管理员',
}

/** Staff work inside the government side of the app (workbench, dashboards). */
export const STAFF_ROLES: readonly Role[] = ['officer', 'dept_head', 'leader', 'admin']

export function isStaff(role: Role): boolean {
  return STAFF_ROLES.includes(role)
}
