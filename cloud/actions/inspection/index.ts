import type { inspectionActions } from '../../contract/inspection'
import type { AreaHandlers } from '../handler'
import { listFindingsAction, listInspectionsAction } from './list-inspections'
import { answerFinding, closeFinding, returnFinding } from './move-finding'
import { recordInspection } from './record-inspection'

/** 一季一督查's handlers, one per action of cloud/contract/inspection.ts. */
export const inspectionHandlers = {
  'inspection.record': recordInspection,
  'inspection.list': listInspectionsAction,
  'inspection.findings': listFindingsAction,
  'inspection.answer': answerFinding,
  'inspection.close': closeFinding,
  'inspection.return': returnFinding,
} satisfies AreaHandlers<typeof inspectionActions>
