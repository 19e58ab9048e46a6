import type { EnterpriseProfile } from '../domain/policy-match'
import type { Db } from '../store/database'
import { findEnterpriseById } from '../store/repositories/enterprises'
import type { UserRow } from '../store/repositories/users'

/** The caller's enterprise as policy matching sees it, or null when the caller is bound to none. */
export async function enterpriseProfileOf(db: Db, user: UserRow): Promise<EnterpriseProfile | null> {
  if (!user.enterprise_id) return null
  const enterprise = await findEnterpriseById(db, user.enterprise_id)
  return enterprise ? { industry: enterprise.industry, kind: enterprise.kind, tags: JSON.parse(enterprise.tags) as string[] } : null
}
