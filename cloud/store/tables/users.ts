import type { Role } from '../../domain/roles'

export interface UsersTable {
  id: string
  name: string
  role: Role
  title: string
  phone: string
  department_id: string | null
  /** Set for owners: the enterprise they speak for. */
  enterprise_id: string | null
  /** WeChat OPENID, set once the person has opened the mini-program. */
  openid: string | null
  /** Epoch milliseconds. */
  created_at: number
}
