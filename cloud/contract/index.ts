import type { z } from 'zod'
import { ROLES, type Role } from '../domain/roles'
import { devLoginInput, devUsersInput, meInput } from './auth'
import { empty } from './fields'
import {
  acceptAppealInput,
  assignAppealInput,
  createAppealInput,
  linkAppealsInput,
  mergeAppealInput,
  similarAppealsInput,
  decideExtensionInput,
  disputeAppealInput,
  followUpAppealInput,
  superviseAppealInput,
  getAppealInput,
  inboxInput,
  listMyAppealsInput,
  progressAppealInput,
  rateAppealInput,
  redispatchAppealInput,
  requestExtensionInput,
  resolveAppealInput,
  returnAppealInput,
  sweepInput,
  transferAppealInput,
} from './appeal'
import { registerUploadInput, UPLOADERS } from './upload'
import type { ServiceItem } from '../domain/service-catalogue'
import type {
  AlikeAppeal,
  AppealDetail,
  AppealSummary,
  Bulletin,
  DevLoginResult,
  DevUser,
  Directory,
  InboxResult,
  Me,
  MessagePage,
  Page,
  PolicyAdminSummary,
  PolicyDetail,
  PolicyReach,
  PolicyRecommendation,
  PolicySource,
  PolicySummary,
  ServiceCatalogue,
  SubscriptionTemplate,
  SweepSummary,
  UploadView,
  Assessment,
  Breakdown,
  BulletinExport,
  MyData,
  CheckinCode,
  Dashboard,
  EnterpriseFile,
  MonthlyTopic,
  TopicCandidate,
  VisitCompliance,
  VisitSlots,
  VisitView,
} from './dto'
import { bindEnterpriseInput } from './enterprise'
import { deleteAccountInput, updateProfileInput } from './privacy'
import { getServiceInput, listMessagesInput, readMessagesInput } from './message'
import { grantSubscriptionInput } from './subscription'
import { assessmentInput, assignTopicInput, breakdownInput, bulletinInput, drillInput, listTopicsInput, topicCandidatesInput } from './bulletin'
import {
  assignEnterpriseInput,
  bookVisitInput,
  cancelVisitInput,
  checkInInput,
  completeMilestoneInput,
  complianceInput,
  declineVisitInput,
  enterpriseFileInput,
  getVisitInput,
  listVisitsInput,
  recordVisitInput,
  rescheduleVisitInput,
  saveMilestoneInput,
  setAvailabilityInput,
  visitSlotsInput,
  visitVersionInput,
} from './visit'
import {
  adminPoliciesInput,
  favouritePolicyInput,
  getPolicyInput,
  listPoliciesInput,
  policyIdInput,
  policyReachInput,
  savePolicyInput,
  suggestPoliciesInput,
} from './policy'
import {
  exhibitionIdInput,
  expoLeadsInput,
  followExhibitorInput,
  openExpoInput,
  registerVisitorInput,
  saveExhibitionInput,
  saveExhibitorInput,
  type ExhibitionAdminView,
  type ExhibitionView,
  type ExpoCodes,
  type ExpoLanding,
  type ExpoLeads,
  type ExpoStats,
  type ExpoVisitorView,
} from './exhibition'

export * from './dto'
export type { ApiErrorBody, ApiResult } from './envelope'
export type { ExhibitionAdminView, ExhibitionView, ExhibitorView, ExpoCodes, ExpoLanding, ExpoLead, ExpoLeads, ExpoStats, ExpoVisitorView, ForumSession } from './exhibition'

/** Who may call an action: anyone (no identity needed), or the listed roles. */
export type Access = 'public' | readonly Role[]

export interface ActionSpec<Input extends z.ZodType = z.ZodType> {
  summary: string
  access: Access
  input: Input
  /** Exists only on a local host with dev login enabled; never in a production build. */
  devOnly?: boolean
}

const EVERYONE_SIGNED_IN: readonly Role[] = ROLES
const BOUND: readonly Role[] = ['owner', 'officer', 'dept_head', 'leader', 'admin']
const STAFF: readonly Role[] = ['officer', 'dept_head', 'leader', 'admin']
/** Who handles appeals; which of them may act on a given appeal is the domain's rule (transitions). */
const HANDLERS: readonly Role[] = ['officer', 'dept_head']
/** Who visits enterprises (走访): officers weekly, heads monthly, leaders quarterly. */
const VISITORS: readonly Role[] = ['officer', 'dept_head', 'leader']
const OWNER_OR_VISITOR: readonly Role[] = ['owner', ...VISITORS]

/**
 * Every action of the API: its name, who may call it, and the schema of its payload.
 * The router, the generated documentation (GET /api/actions) and the permission tests read this;
 * the mini-program imports its types. Outputs are declared in ActionOutputs below.
 */
export const actions = {
  'auth.devUsers': {
    summary: '列出本地演示用户（仅本地开发）',
    access: 'public',
    input: devUsersInput,
    devOnly: true,
  },
  'auth.devLogin': {
    summary: '以演示用户身份登录，返回签名令牌（仅本地开发）',
    access: 'public',
    input: devLoginInput,
    devOnly: true,
  },
  'auth.me': {
    summary: '当前用户、角色和绑定的企业',
    access: EVERYONE_SIGNED_IN,
    input: meInput,
  },
  'me.data': { summary: '个人信息查阅：本服务保存的关于我的全部个人信息', access: EVERYONE_SIGNED_IN, input: empty },
  'me.update': { summary: '个人信息更正：修改我的姓名或手机号', access: EVERYONE_SIGNED_IN, input: updateProfileInput },
  'me.delete': { summary: '注销：删除我的个人信息（已提交的诉求作为政务记录保留，但不再带有我的姓名和电话）', access: ['owner', 'guest'], input: deleteAccountInput },
  'enterprise.bind': {
    summary: '用统一社会信用代码和邀请码把微信身份绑定到企业',
    access: ['guest'],
    input: bindEnterpriseInput,
  },
  'policy.list': {
    summary: '惠企政策列表，可按类别和关键词筛选',
    access: EVERYONE_SIGNED_IN,
    input: listPoliciesInput,
  },
  'policy.get': {
    summary: '一条政策的解读全文',
    access: EVERYONE_SIGNED_IN,
    input: getPolicyInput,
  },
  'policy.suggest': { summary: '填写诉求时推荐可能已能解答问题的政策（最多 3 条）', access: EVERYONE_SIGNED_IN, input: suggestPoliciesInput },
  'policy.recommend': { summary: '为我推荐：适合本企业的有效政策及适用理由', access: ['owner'], input: empty },
  'policy.favourite': { summary: '收藏或取消收藏一条政策', access: EVERYONE_SIGNED_IN, input: favouritePolicyInput },
  'policy.favourites': { summary: '我收藏的政策', access: EVERYONE_SIGNED_IN, input: empty },
  'policy.reach': { summary: '政策触达：阅读、收藏、咨询人数，以及适用企业中尚未阅读的（送政策上门）', access: STAFF, input: policyReachInput },
  'policy.adminList': { summary: '管理员查看全部政策（含草稿、已撤回）', access: ['admin'], input: adminPoliciesInput },
  'policy.source': { summary: '管理员编辑用的政策原文和适用条件', access: ['admin'], input: policyIdInput },
  'policy.save': { summary: '管理员新建（草稿）或修改政策', access: ['admin'], input: savePolicyInput },
  'policy.publish': { summary: '管理员发布政策，并通知适用企业（每家只通知一次）', access: ['admin'], input: policyIdInput },
  'policy.withdraw': { summary: '管理员撤回已发布的政策', access: ['admin'], input: policyIdInput },
  'service.list': { summary: '帮办代办服务目录（自然人、法人、工程建设）', access: EVERYONE_SIGNED_IN, input: empty },
  'service.get': { summary: '一项帮办代办服务：材料、流程、时限和办理部门', access: EVERYONE_SIGNED_IN, input: getServiceInput },
  'subscription.templates': { summary: '可订阅的消息模板（小程序据此请求订阅）', access: EVERYONE_SIGNED_IN, input: empty },
  'subscription.grant': { summary: '记录用户在订阅弹窗中的选择（一次性订阅，每次同意可推送一条）', access: EVERYONE_SIGNED_IN, input: grantSubscriptionInput },
  'message.list': { summary: '我的站内消息及未读数', access: EVERYONE_SIGNED_IN, input: listMessagesInput },
  'message.read': { summary: '把站内消息标为已读', access: EVERYONE_SIGNED_IN, input: readMessagesInput },
  'org.directory': { summary: '部门和特派员名录（交办、转办时选择）', access: STAFF, input: empty },
  'upload.register': { summary: '登记已上传到云存储的附件（小程序端），供提交诉求时引用', access: UPLOADERS, input: registerUploadInput },
  'appeal.create': { summary: '企业提交诉求（同一请求编号重复提交只生成一条）', access: ['owner'], input: createAppealInput },
  'appeal.get': { summary: '诉求详情、办理过程和当前可做的操作', access: BOUND, input: getAppealInput },
  'appeal.listMine': { summary: '本企业的诉求列表', access: ['owner'], input: listMyAppealsInput },
  'appeal.inbox': { summary: '工作人员的诉求收件箱，按期限排序，附各类数量', access: STAFF, input: inboxInput },
  'appeal.accept': { summary: '受理诉求（复杂诉求同时设定办结期限）', access: HANDLERS, input: acceptAppealInput },
  'appeal.return': { summary: '不予受理，说明理由和办理渠道', access: HANDLERS, input: returnAppealInput },
  'appeal.progress': { summary: '添加办理进展', access: HANDLERS, input: progressAppealInput },
  'appeal.resolve': { summary: '办结诉求，写明办理结果', access: HANDLERS, input: resolveAppealInput },
  'appeal.rate': { summary: '企业评价办理结果；不满意则重办', access: ['owner'], input: rateAppealInput },
  'appeal.assign': { summary: '部门负责人交办给本部门的特派员', access: ['dept_head'], input: assignAppealInput },
  'appeal.transfer': { summary: '承办人转办到应当办理的部门，写明理由', access: HANDLERS, input: transferAppealInput },
  'appeal.requestExtension': { summary: '承办人申请延期，写明新的办结期限和理由', access: HANDLERS, input: requestExtensionInput },
  'appeal.decideExtension': { summary: '部门负责人同意或不同意延期申请', access: ['dept_head'], input: decideExtensionInput },
  'appeal.dispute': { summary: '派单异议：所派诉求不属本部门职责，说明理由', access: HANDLERS, input: disputeAppealInput },
  'appeal.redispatch': { summary: '领导或管理员处理派单异议，改派到应办部门', access: ['leader', 'admin'], input: redispatchAppealInput },
  'appeal.similar': { summary: '与这条诉求相似的未办结诉求（问题汇聚、并单时选择）', access: STAFF, input: similarAppealsInput },
  'appeal.link': { summary: '把相似诉求并案办理，由主诉求承办人一并办结', access: HANDLERS, input: linkAppealsInput },
  'appeal.merge': { summary: '把同一企业的重复诉求并入先提交的那条（并单）', access: HANDLERS, input: mergeAppealInput },
  'appeal.supervise': { summary: '领导督办：写明要求，通知承办人和部门负责人', access: ['leader', 'admin'], input: superviseAppealInput },
  'appeal.followUp': { summary: '记录回访（由承办人以外的工作人员进行）', access: STAFF, input: followUpAppealInput },
  'bulletin.month': { summary: '一月一通报：某月全镇和各部门的响应率、按期办结率、满意率、排名和帮扶成效', access: ['leader', 'admin'], input: bulletinInput },
  'bulletin.dashboard': { summary: '领导看板：某月三率与目标、按周/类别/部门的走势、超期清单和走访达标', access: ['leader', 'admin'], input: bulletinInput },
  'bulletin.appeals': { summary: '从看板或通报的某个数字下钻到它所统计的诉求', access: ['leader', 'admin'], input: drillInput },
  'bulletin.breakdown': { summary: '某月按部门、承办人、类别或企业分项统计三率和件数（部门负责人看本部门）', access: ['dept_head', 'leader', 'admin'], input: breakdownInput },
  'bulletin.export': { summary: '导出某月通报为 Excel（.xlsx）', access: ['leader', 'admin'], input: bulletinInput },
  'bulletin.assessment': { summary: '一季一督查、年终一考核：各部门按权重计分、排名和等次', access: ['leader', 'admin'], input: assessmentInput },
  'topic.candidates': { summary: '每月一题：本月涉及企业最多的共性问题（问题汇聚的并案组和同类热点）', access: ['leader', 'admin'], input: topicCandidatesInput },
  'topic.assign': { summary: '把一项共性问题定为本月“每月一题”，交牵头部门组建专班办理', access: ['leader', 'admin'], input: assignTopicInput },
  'topic.list': { summary: '历月“每月一题”及其办理进度', access: STAFF, input: listTopicsInput },
  'appeal.sweep': { summary: '立即运行督办扫描：临期提醒、超期督办、上报领导', access: ['leader', 'admin'], input: sweepInput },
  'visit.slots': { summary: '可预约的走访时段：企业看本企业的特派员、部门负责人和包抓领导，工作人员看自己的', access: OWNER_OR_VISITOR, input: visitSlotsInput },
  'visit.setAvailability': { summary: '设置一周内可预约走访的半天', access: VISITORS, input: setAvailabilityInput },
  'visit.book': { summary: '企业预约走访或与包抓领导座谈（同一时段只能被预约一次）', access: ['owner'], input: bookVisitInput },
  'visit.confirm': { summary: '确认走访时间（走访人确认预约，或企业确认改约的新时间）', access: OWNER_OR_VISITOR, input: visitVersionInput },
  'visit.reschedule': { summary: '改约走访时间，由另一方确认', access: OWNER_OR_VISITOR, input: rescheduleVisitInput },
  'visit.decline': { summary: '走访人婉拒预约，写明理由', access: VISITORS, input: declineVisitInput },
  'visit.cancel': { summary: '企业取消走访预约', access: ['owner'], input: cancelVisitInput },
  'visit.checkIn': { summary: '走访人在企业现场扫企业走访码签到', access: VISITORS, input: checkInInput },
  'visit.record': { summary: '填写走访记录；发现的问题一键转为诉求（来源：走访）', access: VISITORS, input: recordVisitInput },
  'visit.attest': { summary: '企业确认走访确已进行', access: ['owner'], input: visitVersionInput },
  'visit.listMine': { summary: '本企业的走访，或我的走访安排', access: OWNER_OR_VISITOR, input: listVisitsInput },
  'visit.get': { summary: '一次走访的详情和记录', access: BOUND, input: getVisitInput },
  'visit.compliance': { summary: '走访达标：本周、本月、本季度各人应走访和已走访的企业，以及无人走访的企业', access: STAFF, input: complianceInput },
  'enterprise.file': { summary: '一企一档：包抓领导、包抓部门、帮扶团队、驻企特派员、一企一策，以及诉求和走访记录', access: BOUND, input: enterpriseFileInput },
  'enterprise.checkinCode': { summary: '本企业的走访码（走访人员现场扫码签到）', access: ['owner'], input: empty },
  'enterprise.assign': { summary: '领导或管理员调整企业的包联安排', access: ['leader', 'admin'], input: assignEnterpriseInput },
  'plan.saveMilestone': { summary: '制定或修改一企一策的节点', access: ['dept_head', 'leader', 'admin'], input: saveMilestoneInput },
  'plan.completeMilestone': { summary: '标记一企一策的节点已完成', access: STAFF, input: completeMilestoneInput },
  'expo.open': { summary: '展会扫码：展会或展位的展商名片，并计一次扫码（每人每码每天一次）', access: EVERYONE_SIGNED_IN, input: openExpoInput },
  'expo.register': { summary: '登记为展会观众，或凭邀请码登记为 VIP 采购商（可选择向展商提供联系方式）', access: EVERYONE_SIGNED_IN, input: registerVisitorInput },
  'expo.follow': { summary: '关注或取消关注展商', access: EVERYONE_SIGNED_IN, input: followExhibitorInput },
  'expo.leads': { summary: '参展企业查看本展位的扫码和关注线索（只含观众同意提供的信息）', access: ['owner'], input: expoLeadsInput },
  'expo.stats': { summary: '展会扫码总数、登记人数、分时扫码和最热展位', access: ['leader', 'admin'], input: exhibitionIdInput },
  'expo.adminList': { summary: '管理员查看全部展会', access: ['admin'], input: empty },
  'expo.adminGet': { summary: '管理员查看展会、展商和各展位二维码内容', access: ['admin'], input: exhibitionIdInput },
  'expo.save': { summary: '管理员新建或修改展会（名称、地点、日期、展馆、展位数、论坛日程）', access: ['admin'], input: saveExhibitionInput },
  'expo.saveExhibitor': { summary: '管理员安排或修改展位上的展商（企业、展位号、展品、乡村振兴展区）', access: ['admin'], input: saveExhibitorInput },
  'expo.codes': { summary: '生成展位码：云开发上为小程序码，本地为可打印的二维码页（签名链接）', access: ['admin'], input: exhibitionIdInput },
} satisfies Record<string, ActionSpec>

export type ActionName = keyof typeof actions

/** What each action answers with in `data`. A missing entry is a type error in the handler map. */
export interface ActionOutputs {
  'auth.devUsers': DevUser[]
  'auth.devLogin': DevLoginResult
  'auth.me': Me
  'me.data': MyData
  'me.update': Me
  'me.delete': { deleted: true }
  'enterprise.bind': Me
  'policy.list': Page<PolicySummary>
  'policy.get': PolicyDetail
  'policy.suggest': PolicySummary[]
  'policy.recommend': PolicyRecommendation[]
  'policy.favourite': { favourite: boolean }
  'policy.favourites': PolicySummary[]
  'policy.reach': PolicyReach
  'policy.adminList': Page<PolicyAdminSummary>
  'policy.source': PolicySource
  'policy.save': PolicySource
  'policy.publish': { notified: number }
  'policy.withdraw': PolicySource
  'service.list': ServiceCatalogue
  'service.get': ServiceItem
  'subscription.templates': SubscriptionTemplate[]
  'subscription.grant': Record<string, number>
  'message.list': MessagePage
  'message.read': { unread: number }
  'org.directory': Directory
  'upload.register': UploadView
  'appeal.create': AppealDetail
  'appeal.get': AppealDetail
  'appeal.listMine': Page<AppealSummary>
  'appeal.inbox': InboxResult
  'appeal.accept': AppealDetail
  'appeal.return': AppealDetail
  'appeal.progress': AppealDetail
  'appeal.resolve': AppealDetail
  'appeal.rate': AppealDetail
  'appeal.assign': AppealDetail
  'appeal.transfer': AppealDetail
  'appeal.requestExtension': AppealDetail
  'appeal.decideExtension': AppealDetail
  'appeal.dispute': AppealDetail
  'appeal.redispatch': AppealDetail
  'appeal.similar': AlikeAppeal[]
  'appeal.link': AppealDetail
  'appeal.merge': AppealDetail
  'appeal.supervise': AppealDetail
  'appeal.followUp': AppealDetail
  'bulletin.month': Bulletin
  'appeal.sweep': SweepSummary
  'bulletin.dashboard': Dashboard
  'bulletin.appeals': Page<AppealSummary>
  'bulletin.breakdown': Breakdown
  'bulletin.export': BulletinExport
  'bulletin.assessment': Assessment
  'topic.candidates': TopicCandidate[]
  'topic.assign': MonthlyTopic
  'topic.list': MonthlyTopic[]
  'visit.slots': VisitSlots
  'visit.setAvailability': VisitSlots
  'visit.book': VisitView
  'visit.confirm': VisitView
  'visit.reschedule': VisitView
  'visit.decline': VisitView
  'visit.cancel': VisitView
  'visit.checkIn': VisitView
  'visit.record': VisitView
  'visit.attest': VisitView
  'visit.listMine': Page<VisitView>
  'visit.get': VisitView
  'visit.compliance': VisitCompliance
  'enterprise.file': EnterpriseFile
  'enterprise.checkinCode': CheckinCode
  'enterprise.assign': EnterpriseFile
  'plan.saveMilestone': EnterpriseFile
  'plan.completeMilestone': EnterpriseFile
  'expo.open': ExpoLanding
  'expo.register': ExpoVisitorView
  'expo.follow': { following: boolean }
  'expo.leads': ExpoLeads
  'expo.stats': ExpoStats
  'expo.adminList': ExhibitionView[]
  'expo.adminGet': ExhibitionAdminView
  'expo.save': ExhibitionAdminView
  'expo.saveExhibitor': ExhibitionAdminView
  'expo.codes': ExpoCodes
}

/** The payload a caller sends (before defaults are applied). */
export type ActionInput<A extends ActionName> = z.input<(typeof actions)[A]['input']>
/** The payload a handler receives (after parsing). */
export type ParsedInput<A extends ActionName> = z.output<(typeof actions)[A]['input']>
export type ActionOutput<A extends ActionName> = ActionOutputs[A]

export function isActionName(name: string): name is ActionName {
  return Object.prototype.hasOwnProperty.call(actions, name)
}
