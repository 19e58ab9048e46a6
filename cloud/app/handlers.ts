import { acceptAppeal } from '../actions/appeal/accept-appeal'
import { assignAppeal } from '../actions/appeal/assign-appeal'
import { createAppeal } from '../actions/appeal/create-appeal'
import { disputeAppeal, redispatchAppeal } from '../actions/appeal/dispute-appeal'
import { decideExtension, requestExtension } from '../actions/appeal/extend-appeal'
import { followUpAppeal, superviseAppeal } from '../actions/appeal/follow-up-appeal'
import { getAppeal } from '../actions/appeal/get-appeal'
import { linkAppeals, mergeAppeal, similarAppeals } from '../actions/appeal/group-appeals'
import { listInbox } from '../actions/appeal/list-inbox'
import { listMyAppeals } from '../actions/appeal/list-my-appeals'
import { progressAppeal } from '../actions/appeal/progress-appeal'
import { rateAppeal } from '../actions/appeal/rate-appeal'
import { resolveAppeal } from '../actions/appeal/resolve-appeal'
import { returnAppeal } from '../actions/appeal/return-appeal'
import { runSweep } from '../actions/appeal/run-sweep'
import { transferAppeal } from '../actions/appeal/transfer-appeal'
import { devLogin } from '../actions/auth/dev-login'
import { getMe } from '../actions/auth/get-me'
import { listDevUsers } from '../actions/auth/list-dev-users'
import { deleteAccount, myData, updateProfile } from '../actions/auth/my-data'
import { departmentAssessment } from '../actions/bulletin/assessment'
import { monthlyBreakdown } from '../actions/bulletin/breakdown'
import { drillDown } from '../actions/bulletin/drill-down'
import { exportBulletin } from '../actions/bulletin/export-bulletin'
import { leaderDashboard } from '../actions/bulletin/leader-dashboard'
import { monthlyBulletin } from '../actions/bulletin/monthly-bulletin'
import { assignTopic, listTopics, topicCandidates } from '../actions/bulletin/monthly-topic'
import { assignEnterprise } from '../actions/enterprise/assign-enterprise'
import { bindEnterprise } from '../actions/enterprise/bind-enterprise'
import { enterpriseCheckinCode } from '../actions/enterprise/checkin-code'
import { enterpriseFile } from '../actions/enterprise/get-dossier'
import { getExhibitionForAdmin, listExhibitionsForAdmin, saveExhibition } from '../actions/exhibition/admin-exhibitions'
import { expoLeads } from '../actions/exhibition/expo-leads'
import { expoStats } from '../actions/exhibition/expo-stats'
import { followExhibitor } from '../actions/exhibition/follow-exhibitor'
import { makeExpoCodes } from '../actions/exhibition/make-expo-codes'
import { openExpo } from '../actions/exhibition/open-expo'
import { registerVisitor } from '../actions/exhibition/register-visitor'
import { saveExhibitor } from '../actions/exhibition/save-exhibitor'
import { listMyMessages, readMessages } from '../actions/message/messages'
import { getDirectory } from '../actions/org/get-directory'
import { completeMilestone } from '../actions/plan/complete-milestone'
import { saveMilestone } from '../actions/plan/save-milestone'
import { getPolicySource, listPoliciesForAdmin, publishPolicy, savePolicy, withdrawPolicy } from '../actions/policy/admin-policies'
import { favouritePolicy, listFavouritePolicies } from '../actions/policy/favourite-policy'
import { getPolicy } from '../actions/policy/get-policy'
import { listPolicies } from '../actions/policy/list-policies'
import { policyReach } from '../actions/policy/policy-reach'
import { recommendPolicies } from '../actions/policy/recommend-policies'
import { suggestPoliciesFor } from '../actions/policy/suggest-policies'
import { getService, listServices } from '../actions/service/services'
import { grantSubscriptions, listSubscriptionTemplates } from '../actions/subscription/subscriptions'
import { registerUpload } from '../actions/upload/register-upload'
import { bookVisit } from '../actions/visit/book-visit'
import { checkInVisit } from '../actions/visit/check-in-visit'
import { getVisit, listMyVisits } from '../actions/visit/list-visits'
import { attestVisit, cancelVisit, confirmVisit, declineVisit, rescheduleVisit } from '../actions/visit/move-visit'
import { recordVisit } from '../actions/visit/record-visit'
import { visitCompliance } from '../actions/visit/visit-compliance'
import { setAvailability, visitSlots } from '../actions/visit/visit-slots'
import type { ActionName, ActionOutput, ParsedInput } from '../contract'
import type { ActionContext } from '../actions/context'

export type Handler<A extends ActionName> = (ctx: ActionContext, input: ParsedInput<A>) => Promise<ActionOutput<A>>

/** Action name → use case. The mapped type makes a missing or mistyped handler a compile error. */
export const handlers: { [A in ActionName]: Handler<A> } = {
  'auth.devUsers': listDevUsers,
  'auth.devLogin': devLogin,
  'auth.me': getMe,
  'me.data': myData,
  'me.update': updateProfile,
  'me.delete': deleteAccount,
  'enterprise.bind': bindEnterprise,
  'policy.list': listPolicies,
  'policy.get': getPolicy,
  'policy.suggest': suggestPoliciesFor,
  'policy.recommend': recommendPolicies,
  'policy.favourite': favouritePolicy,
  'policy.favourites': listFavouritePolicies,
  'policy.reach': policyReach,
  'policy.adminList': listPoliciesForAdmin,
  'policy.source': getPolicySource,
  'policy.save': savePolicy,
  'policy.publish': publishPolicy,
  'policy.withdraw': withdrawPolicy,
  'service.list': listServices,
  'service.get': getService,
  'subscription.templates': listSubscriptionTemplates,
  'subscription.grant': grantSubscriptions,
  'message.list': listMyMessages,
  'message.read': readMessages,
  'org.directory': getDirectory,
  'upload.register': registerUpload,
  'appeal.create': createAppeal,
  'appeal.get': getAppeal,
  'appeal.listMine': listMyAppeals,
  'appeal.inbox': listInbox,
  'appeal.accept': acceptAppeal,
  'appeal.return': returnAppeal,
  'appeal.progress': progressAppeal,
  'appeal.resolve': resolveAppeal,
  'appeal.rate': rateAppeal,
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
  'bulletin.month': monthlyBulletin,
  'appeal.sweep': runSweep,
  'bulletin.dashboard': leaderDashboard,
  'bulletin.appeals': drillDown,
  'bulletin.breakdown': monthlyBreakdown,
  'bulletin.export': exportBulletin,
  'bulletin.assessment': departmentAssessment,
  'topic.candidates': topicCandidates,
  'topic.assign': assignTopic,
  'topic.list': listTopics,
  'visit.slots': visitSlots,
  'visit.setAvailability': setAvailability,
  'visit.book': bookVisit,
  'visit.confirm': confirmVisit,
  'visit.reschedule': rescheduleVisit,
  'visit.decline': declineVisit,
  'visit.cancel': cancelVisit,
  'visit.checkIn': checkInVisit,
  'visit.record': recordVisit,
  'visit.attest': attestVisit,
  'visit.listMine': listMyVisits,
  'visit.get': getVisit,
  'visit.compliance': (ctx, input) => visitCompliance(ctx, input, ctx.visitFrequency),
  'enterprise.file': enterpriseFile,
  'enterprise.checkinCode': enterpriseCheckinCode,
  'enterprise.assign': assignEnterprise,
  'plan.saveMilestone': saveMilestone,
  'plan.completeMilestone': completeMilestone,
  'expo.open': openExpo,
  'expo.register': registerVisitor,
  'expo.follow': followExhibitor,
  'expo.leads': expoLeads,
  'expo.stats': expoStats,
  'expo.adminList': listExhibitionsForAdmin,
  'expo.adminGet': getExhibitionForAdmin,
  'expo.save': saveExhibition,
  'expo.saveExhibitor': saveExhibitor,
  'expo.codes': makeExpoCodes,
}
