import { ActionContext } from '../context'
import { sweepAppeals, type SweepResult } from './sweep-appeals'

/** appeal.sweep: an admin or leader runs the supervision sweep now rather than waiting for the timer. */
export function runSweep(ctx: ActionContext): Promise<SweepResult> {
  return sweepAppeals(ctx)
}
