import type { z } from 'zod'
import type { ActionSpec } from '../contract'
import type { ActionContext } from './context'

/** The use case behind one action: its parsed payload in, its answer out. */
export type Handler<Spec extends ActionSpec> = (ctx: ActionContext, input: z.output<Spec['input']>) => Promise<Spec['output']>

/** One handler for every action of an area's contract, and nothing else. */
export type AreaHandlers<Specs extends Record<string, ActionSpec>> = { [A in keyof Specs]: Handler<Specs[A]> }
