/** The timeline: one row per thing that happened to an appeal, with the state it left it in. */
export interface AppealEventsTable {
  id: string
  appeal_id: string
  /** 1, 2, 3 … per appeal: the order, and a guard against two writers appending the same step. */
  seq: number
  actor_id: string | null
  actor_role: string
  action: string
  from_state: string | null
  to_state: string
  /** What the actor wrote (a reason, progress, the outcome), shown in the timeline. */
  note: string
  /** JSON with the action's details (new deadline, help delivered …). */
  data: string
  at: number
}
