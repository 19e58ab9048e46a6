import type { z } from 'zod'
import { appealActions } from './appeal'
import { assessmentActions } from './assessment'
import { authActions } from './auth'
import { bulletinActions } from './bulletin'
import { enterpriseActions } from './enterprise'
import { expoActions } from './expo'
import { claimActions } from './claim'
import { helpActions } from './help'
import { indicatorActions } from './indicator'
import { inspectionActions } from './inspection'
import { meActions } from './me'
import { messageActions } from './message'
import { orgActions } from './org'
import { planActions } from './plan'
import { policyActions } from './policy'
import { projectActions } from './project'
import { rosterActions } from './roster'
import { serviceActions } from './service'
import { staffActions } from './staff'
import { subscriptionActions } from './subscription'
import { topicActions } from './topic'
import { uploadActions } from './upload'
import { visitActions } from './visit'
import { warningActions } from './warning'
import type { ActionSpec } from './spec'

export type * from './appeal'
export type * from './assessment'
export type * from './auth'
export type * from './bulletin'
export type * from './common'
export type * from './enterprise'
export type * from './expo'
export type * from './claim'
export type * from './help'
export type * from './indicator'
export type * from './inspection'
export type * from './me'
export type * from './message'
export type * from './org'
export type * from './plan'
export type * from './policy'
export type * from './project'
export type * from './roster'
export type * from './service'
export type * from './staff'
export type * from './subscription'
export type * from './topic'
export type * from './upload'
export type * from './visit'
export type * from './warning'
export type { ApiErrorBody, ApiResult } from './envelope'
export type { Access, ActionSpec } from './spec'

/**
 * Every action of the API, gathered from the areas (cloud/contract/<area>.ts), each of which owns its
 * actions whole: name, who may call it, the schema of its payload and the type of its answer. The
 * router, the generated documentation (GET /api/actions) and the permission tests read this; the
 * mini-program imports its types.
 */
export const actions = {
  ...authActions,
  ...meActions,
  ...enterpriseActions,
  ...planActions,
  ...policyActions,
  ...serviceActions,
  ...subscriptionActions,
  ...messageActions,
  ...orgActions,
  ...staffActions,
  ...rosterActions,
  ...uploadActions,
  ...appealActions,
  ...bulletinActions,
  ...topicActions,
  ...visitActions,
  ...expoActions,
  ...helpActions,
  ...claimActions,
  ...indicatorActions,
  ...inspectionActions,
  ...assessmentActions,
  ...warningActions,
  ...projectActions,
} satisfies Record<string, ActionSpec>

export type ActionName = keyof typeof actions

/** The payload a caller sends (before defaults are applied). */
export type ActionInput<A extends ActionName> = z.input<(typeof actions)[A]['input']>
/** The payload a handler receives (after parsing). */
export type ParsedInput<A extends ActionName> = z.output<(typeof actions)[A]['input']>
/** What a successful call answers with in `data`. */
export type ActionOutput<A extends ActionName> = (typeof actions)[A]['output']

export function isActionName(name: string): name is ActionName {
  return Object.prototype.hasOwnProperty.call(actions, name)
}
