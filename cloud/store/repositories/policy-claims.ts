import type { Kysely, Selectable } from 'kysely'
import type { Database } from '../database'
import type { PolicyClaimsTable } from '../tables/ledger'
import { inScope, type EnterpriseScope } from './ledger'
import { audienceCondition, type AudienceColumns } from './policy-reach'

export type PolicyClaimRow = Selectable<PolicyClaimsTable>

export function findClaim(db: Kysely<Database>, policyId: string, enterpriseId: string): Promise<PolicyClaimRow | undefined> {
  return db
    .selectFrom('policy_claims')
    .selectAll()
    .where('policy_id', '=', policyId)
    .where('enterprise_id', '=', enterpriseId)
    .executeTakeFirst()
}

export function findClaimById(db: Kysely<Database>, id: string): Promise<PolicyClaimRow | undefined> {
  return db.selectFrom('policy_claims').selectAll().where('id', '=', id).executeTakeFirst()
}

/** Whether anyone at the enterprise has read the policy (told: 已获知). */
export async function hasReadPolicy(db: Kysely<Database>, policyId: string, enterpriseId: string): Promise<boolean> {
  const row = await db
    .selectFrom('policy_views')
    .select('policy_id')
    .where('policy_id', '=', policyId)
    .where('enterprise_id', '=', enterpriseId)
    .executeTakeFirst()
  return row !== undefined
}

/** Records an application unless the enterprise already applied: answers whether this one was new. */
export async function insertClaim(db: Kysely<Database>, row: PolicyClaimRow): Promise<boolean> {
  const result = await db
    .insertInto('policy_claims')
    .values(row)
    .onConflict((oc) => oc.columns(['policy_id', 'enterprise_id']).doNothing())
    .executeTakeFirst()
  return Number(result.numInsertedOrUpdatedRows ?? 0) > 0
}

/** Ties the grant's help entry to an application not yet granted: answers whether it did. */
export async function markClaimGranted(db: Kysely<Database>, id: string, grant: { helpEntryId: string; by: string; at: number }) {
  const result = await db
    .updateTable('policy_claims')
    .set({ help_entry_id: grant.helpEntryId, granted_by: grant.by, granted_at: grant.at })
    .where('id', '=', id)
    .where('help_entry_id', 'is', null)
    .executeTakeFirst()
  return Number(result.numUpdatedRows) > 0
}

/**
 * The enterprises in a scope that either fit a policy or applied for it, each with its application,
 * the grant's help entry state, and whether anyone there has read the policy (told).
 */
export function listClaimCandidates(db: Kysely<Database>, policy: AudienceColumns & { id: string }, scope: EnterpriseScope) {
  const fits = audienceCondition(policy)
  return db
    .selectFrom('enterprises')
    .leftJoin('policy_claims as c', (join) => join.onRef('c.enterprise_id', '=', 'enterprises.id').on('c.policy_id', '=', policy.id))
    .leftJoin('help_entries as h', 'h.id', 'c.help_entry_id')
    .leftJoin('users as officer', 'officer.id', 'enterprises.officer_id')
    .where(inScope(scope, 'enterprises'))
    .where('enterprises.deactivated_at', 'is', null)
    .where((eb) => eb.or([eb('c.id', 'is not', null), fits(eb)]))
    .select([
      'enterprises.id',
      'enterprises.name',
      'enterprises.park',
      'officer.name as officer_name',
      'c.id as claim_id',
      'c.applied_at',
      'c.help_entry_id',
      'h.state as grant_state',
      'h.amount as grant_amount',
    ])
    .select((eb) =>
      eb
        .exists(
          eb
            .selectFrom('policy_views as v')
            .select('v.policy_id')
            .where('v.policy_id', '=', policy.id)
            .whereRef('v.enterprise_id', '=', 'enterprises.id'),
        )
        .as('told'),
    )
    .orderBy('enterprises.name')
    .execute()
}
