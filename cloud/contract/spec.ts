import type { z } from 'zod'
import { ROLES, type Role } from '../domain/roles'

/** Who may call an action: anyone (no identity needed), or the listed roles. */
export type Access = 'public' | readonly Role[]

/** One action of the API: what it does, who may call it, what it takes and what it answers. */
export interface ActionSpec<Input extends z.ZodType = z.ZodType, Output = unknown> {
  summary: string
  access: Access
  input: Input
  /** The type of `data` in a successful answer. Only its type matters: see `returns`. */
  output: Output
  /** Exists only on a local host with dev login enabled; never in a production build. */
  devOnly?: boolean
}

/**
 * Names an action's output type in its spec. The value is never read: the API's answers are plain
 * JSON, typed for the mini-program by this.
 */
export const returns = <Output>(): Output => undefined as Output

/** An area's actions, each named `<area>.<verb>`. */
export type Area<Name extends string> = Record<`${Name}.${string}`, ActionSpec>

export const EVERYONE_SIGNED_IN: readonly Role[] = ROLES
export const BOUND: readonly Role[] = ['owner', 'officer', 'dept_head', 'leader', 'admin']
export const STAFF: readonly Role[] = ['officer', 'dept_head', 'leader', 'admin']
/**
 * Who handles appeals; which of them may act on a given appeal is the domain's rule (transitions).
 * Admins (the 督查 office) handle complaints about staff when no 纪检 department is configured.
 */
export const HANDLERS: readonly Role[] = ['officer', 'dept_head', 'admin']
/** Who visits enterprises (走访): officers weekly, heads monthly, leaders quarterly. */
export const VISITORS: readonly Role[] = ['officer', 'dept_head', 'leader']
export const OWNER_OR_VISITOR: readonly Role[] = ['owner', ...VISITORS]
/** Who may upload attachments: the owners who file appeals. The local upload route reads this too. */
export const UPLOADERS: readonly Role[] = ['owner']
