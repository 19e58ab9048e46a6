import type { Db } from '../store/database'
import { findGroupMembers, type AppealRow } from '../store/repositories/appeals'
import type { UserRow } from '../store/repositories/users'
import { decideFor } from '../access/appeal-relations'
import { applyMove } from './appeal-transition'

/**
 * What resolving sets, alone or with a group: when, the withdrawn extension request, and whether it
 * came after the deadline in force (an approved extension moved it; the bulletin counts this).
 */
export function resolutionColumns(appeal: AppealRow, now: number) {
  return { resolved_at: now, requested_due_at: null, resolved_late: appeal.resolved_late || now > appeal.close_due_at ? 1 : 0 }
}

/**
 * Resolving the lead of a group resolves its open members with the same outcome, in the same
 * transaction: each enterprise sees it in its own appeal and rates it. A member the caller can no
 * longer move (transferred elsewhere meanwhile) carries on by itself.
 */
export async function resolveGroupMembers(trx: Db, lead: AppealRow, user: UserRow, outcome: string, now: number): Promise<void> {
  if (lead.group_id !== lead.id) return
  for (const member of await findGroupMembers(trx, lead.id)) {
    if (member.id === lead.id || !decideFor(member, user, 'resolveWithGroup').ok) continue
    await applyMove(
      trx,
      user,
      member,
      {
        action: 'resolveWithGroup',
        version: member.version,
        note: outcome,
        data: { leadId: lead.id },
        changes: resolutionColumns(member, now),
      },
      now,
    )
  }
}
