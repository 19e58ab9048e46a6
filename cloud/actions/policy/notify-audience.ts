import type { Kysely } from 'kysely'
import { newId } from '../../domain/ids'
import type { Database } from '../../store/database'
import { insertMessagesOnce } from '../../store/repositories/messages'
import { findAudienceOwners } from '../../store/repositories/policy-reach'
import type { PolicyRow } from '../../store/repositories/policies'

/**
 * Tells every owner of an enterprise a published policy is for, once: a second publication of the
 * same policy tells nobody again. Runs inside the caller's transaction, so the publication and its
 * messages are written together. Answers how many were told now.
 */
export async function notifyPolicyAudience(trx: Kysely<Database>, policy: PolicyRow, now: number): Promise<number> {
  const owners = await findAudienceOwners(trx, policy)
  return insertMessagesOnce(
    trx,
    owners.map((owner) => ({
      id: newId('msg'),
      user_id: owner.user_id,
      kind: 'policy.published',
      title: '有一条适合您企业的新政策',
      body: `${policy.title}：${policy.summary}`,
      link: `/pages/policy-detail/index?id=${encodeURIComponent(policy.id)}`,
      dedupe_key: `policy.published:${policy.id}`,
      created_at: now,
      read_at: null,
    })),
  )
}
