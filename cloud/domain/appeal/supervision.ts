import { DAY, HOUR } from '../time-units'
/**
 * Supervision (督办) of the deadline that runs on an appeal, as levels that only climb:
 * 1 due soon → the handler is reminded; 2 overdue → the handler is told and the department head
 * alerted; 3 long overdue → escalated to the leader. A level belongs to one deadline: when the
 * deadline changes (accepted, extended, reopened), supervision starts again from 0.
 * Pure: the sweep reads the appeal, asks for the next step, and writes it, so running it twice
 * at the same moment changes nothing the second time.
 */
export interface SupervisionConfig {
  /** How long before a deadline the handler is reminded. */
  dueSoonMs: number
  /** How long after a deadline it goes up to the leader. */
  escalateToLeaderAfterMs: number
}

export const DEFAULT_SUPERVISION: SupervisionConfig = {
  dueSoonMs: 4 * HOUR,
  escalateToLeaderAfterMs: DAY,
}

export type SupervisionLevel = 0 | 1 | 2 | 3

export interface SupervisionFacts {
  dueAt: number | null
  level: number
  /** The deadline the current level was reached for. */
  levelDueAt: number | null
}

export const SUPERVISION_STEPS: Record<1 | 2 | 3, { action: string; note: string; notify: ('handler' | 'department_head' | 'leader')[] }> =
  {
    1: { action: 'remindDueSoon', note: '临近期限，已提醒承办人', notify: ['handler'] },
    2: { action: 'remindOverdue', note: '已超期，已督办承办人并告知部门负责人', notify: ['handler', 'department_head'] },
    3: { action: 'escalate', note: '超期未办，已上报包抓领导督办', notify: ['handler', 'department_head', 'leader'] },
  }

/** The level an appeal should be at now, whatever it was before. */
export function targetLevel(dueAt: number | null, now: number, config: SupervisionConfig = DEFAULT_SUPERVISION): SupervisionLevel {
  if (dueAt === null) return 0
  if (now >= dueAt + config.escalateToLeaderAfterMs) return 3
  if (now >= dueAt) return 2
  if (now >= dueAt - config.dueSoonMs) return 1
  return 0
}

/**
 * The step to take now, or null. Levels are not skipped silently: an appeal found long overdue
 * goes straight to level 3, and its event says so; the notifications of the levels in between are
 * folded into that one step.
 */
export function nextSupervision(facts: SupervisionFacts, now: number, config: SupervisionConfig = DEFAULT_SUPERVISION): 1 | 2 | 3 | null {
  const current = facts.levelDueAt === facts.dueAt ? facts.level : 0
  const target = targetLevel(facts.dueAt, now, config)
  return target > current ? (target as 1 | 2 | 3) : null
}

/** The minimum time before a deadline at which anything may happen: the sweep reads no appeal due later. */
export function sweepHorizon(now: number, config: SupervisionConfig = DEFAULT_SUPERVISION): number {
  return now + config.dueSoonMs
}
