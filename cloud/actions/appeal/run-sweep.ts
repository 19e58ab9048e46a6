import { ActionContext } from '../context'
import { sweepAppeals, type SweepResult } from '../../workflows/supervision-sweep'

/** appeal.sweep: an admin or leader runs the supervision sweep now rather than waiting for the timer. */
export function runSweep(ctx: ActionContext): Promise<SweepResult> {
  return sweepAppeals(ctx)
}
