import { inZone } from '../domain/clock'
import type { Db } from '../store/database'
import type { PolicyRow } from '../store/repositories/policies'
import { findAudienceOwners } from '../store/repositories/policy-reach'
import { notify } from './notify'

/**
 * Tells every owner of an enterprise a published policy is for, once: a second publication of the
 * same policy tells nobody again. Runs inside the caller's transaction, so the publication, its
 * messages and their pushes are written together. Answers how many were told now.
 */
export async function notifyPolicyAudience(trx: Db, policy: PolicyRow, now: number): Promise<number> {
  const owners = await findAudienceOwners(trx, policy)
  return notify(
    trx,
    owners.map((owner) => ({
      userId: owner.user_id,
      kind: 'policy.published',
      title: '有一条适合您企业的新政策',
      body: `${policy.title}：${policy.summary}`,
      link: `/pages/policy-detail/index?id=${encodeURIComponent(policy.id)}`,
      dedupeKey: `policy.published:${policy.id}`,
      template: 'policy_new',
      fields: { title: policy.title, summary: policy.summary.replace(/^一句话看懂：/, ''), date: inZone(now).format('YYYY年M月D日') },
    })),
    now,
  )
}
