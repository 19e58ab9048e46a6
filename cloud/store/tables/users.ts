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
  /** Set when an admin or head closed the staff account: it reaches nothing any more, its history stays. */
  deactivated_at: number | null
  /** 1 for an enterprise's primary owner (主要负责人), who approves co-owners and rates what others filed. */
  primary_owner: number
  /** When an owner came to speak for their enterprise (bound, or approved); null for everyone else. */
  owner_since: number | null
}
