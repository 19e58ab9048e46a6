import type { actions } from '../contract'
import { appealHandlers } from './appeal'
import { assessmentHandlers } from './assessment'
import { authHandlers } from './auth'
import { bulletinHandlers } from './bulletin'
import { enterpriseHandlers } from './enterprise'
import { expoHandlers } from './expo'
import type { AreaHandlers } from './handler'
import { claimHandlers } from './claim'
import { helpHandlers } from './help'
import { indicatorHandlers } from './indicator'
import { inspectionHandlers } from './inspection'
import { meHandlers } from './me'
import { messageHandlers } from './message'
import { orgHandlers } from './org'
import { planHandlers } from './plan'
import { policyHandlers } from './policy'
import { projectHandlers } from './project'
import { rosterHandlers } from './roster'
import { serviceHandlers } from './service'
import { staffHandlers } from './staff'
import { subscriptionHandlers } from './subscription'
import { topicHandlers } from './topic'
import { uploadHandlers } from './upload'
import { visitHandlers } from './visit'
import { warningHandlers } from './warning'

/** Action name → use case, gathered from the areas as the contract gathers their specs. */
export const handlers = {
  ...authHandlers,
  ...meHandlers,
  ...enterpriseHandlers,
  ...planHandlers,
  ...policyHandlers,
  ...serviceHandlers,
  ...subscriptionHandlers,
  ...messageHandlers,
  ...orgHandlers,
  ...staffHandlers,
  ...rosterHandlers,
  ...uploadHandlers,
  ...appealHandlers,
  ...bulletinHandlers,
  ...topicHandlers,
  ...visitHandlers,
  ...expoHandlers,
  ...helpHandlers,
  ...claimHandlers,
  ...indicatorHandlers,
  ...inspectionHandlers,
  ...assessmentHandlers,
  ...warningHandlers,
  ...projectHandlers,
} satisfies AreaHandlers<typeof actions>
