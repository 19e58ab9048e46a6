import type { Db } from '../store/database'
import { findGroupMembers, type AppealRow } from '../store/repositories/appeals'
import { decide } from '../domain/appeal/rules'
import { factsOf } from '../access/appeal-relations'
import { applyMove, type MoveActor } from './appeal-transition'

/**
 * What resolving sets, alone or with a group: when, the withdrawn extension request and information
 * request, and whether it came after the deadline in force (an approved extension moved it, a pause
 * too; the bulletin counts this). Resolving a rectification (整改 after a 差评) records when it was
 * done and whether by its deadline.
 */
export function resolutionColumns(appeal: AppealRow, now: number) {
  const late = now > appeal.close_due_at
  return {
    resolved_at: now,
    requested_due_at: null,
    info_request: null,
    resolved_late: appeal.resolved_late || late ? 1 : 0,
    ...(appeal.rectify_due_at !== null && appeal.rectified_at === null
      ? { rectified_at: now, rectify_late: appeal.rectify_late || late ? 1 : 0 }
      : {}),
  }
}

/**
 * Resolving the lead of a group resolves its open members with the same outcome, in the same
 * transaction: each enterprise sees it in its own appeal and rates it. A member the caller can no
 * longer move (transferred elsewhere meanwhile) carries on by itself.
 */
export async function resolveGroupMembers(trx: Db, lead: AppealRow, actor: MoveActor, outcome: string, now: number): Promise<void> {
  if (lead.group_id !== lead.id) return
  for (const member of await findGroupMembers(trx, lead.id)) {
    if (member.id === lead.id || !decide(member.state, actor.relations(member), 'resolveWithGroup', factsOf(member)).ok) continue
    await applyMove(
      trx,
      actor,
      member,
      {
        action: 'resolveWithGroup',
        version: member.version,
        note: outcome,
        data: { leadId: lead.id },
        changes: (clocked) => resolutionColumns(clocked, now),
      },
      now,
    )
  }
}
