import type { appealActions } from '../../contract/appeal'
import type { AreaHandlers } from '../handler'
import { acceptAppeal } from './accept-appeal'
import { assignAppeal } from './assign-appeal'
import { createAppeal } from './create-appeal'
import { disputeAppeal, redispatchAppeal } from './dispute-appeal'
import { decideExtension, requestExtension } from './extend-appeal'
import { escalateAppeal } from './escalate-appeal'
import { fileAppealFor } from './file-for-appeal'
import { followUpAppeal, superviseAppeal } from './follow-up-appeal'
import { addInfo, cancelInfoRequest, confirmInfoRequest, requestInfo, supplyInfo, withdrawAppeal } from './info-request'
import { contestRating, ruleContest, spotCheck } from './rating-review'
import { getAppeal } from './get-appeal'
import { linkAppeals, mergeAppeal, similarAppeals } from './group-appeals'
import { listInbox } from './list-inbox'
import { listMyAppeals } from './list-my-appeals'
import { progressAppeal } from './progress-appeal'
import { rateAppeal } from './rate-appeal'
import { resolveAppeal } from './resolve-appeal'
import { objectToReturn, returnAppeal, reviewReturn } from './return-appeal'
import { runSweep } from './run-sweep'
import { transferAppeal } from './transfer-appeal'

/** The appeal area's handlers, one per action of cloud/contract/appeal.ts: a missing or extra one does not compile. */
export const appealHandlers = {
  'appeal.create': createAppeal,
  'appeal.get': getAppeal,
  'appeal.listMine': listMyAppeals,
  'appeal.inbox': listInbox,
  'appeal.fileFor': fileAppealFor,
  'appeal.accept': acceptAppeal,
  'appeal.return': returnAppeal,
  'appeal.objectReturn': objectToReturn,
  'appeal.reviewReturn': reviewReturn,
  'appeal.requestInfo': requestInfo,
  'appeal.confirmInfoRequest': confirmInfoRequest,
  'appeal.supplyInfo': supplyInfo,
  'appeal.cancelInfoRequest': cancelInfoRequest,
  'appeal.addInfo': addInfo,
  'appeal.withdraw': withdrawAppeal,
  'appeal.progress': progressAppeal,
  'appeal.resolve': resolveAppeal,
  'appeal.rate': rateAppeal,
  'appeal.contestRating': contestRating,
  'appeal.ruleContest': ruleContest,
  'appeal.spotCheck': spotCheck,
  'appeal.escalate': escalateAppeal,
  'appeal.assign': assignAppeal,
  'appeal.transfer': transferAppeal,
  'appeal.requestExtension': requestExtension,
  'appeal.decideExtension': decideExtension,
  'appeal.dispute': disputeAppeal,
  'appeal.redispatch': redispatchAppeal,
  'appeal.similar': similarAppeals,
  'appeal.link': linkAppeals,
  'appeal.merge': mergeAppeal,
  'appeal.supervise': superviseAppeal,
  'appeal.followUp': followUpAppeal,
  'appeal.sweep': runSweep,
} satisfies AreaHandlers<typeof appealActions>
