import Taro from '@tarojs/taro'
import type { InboxFilter } from '../../cloud/domain/appeal/lists'
import { STAFF_ROLES, type Role } from '../../cloud/domain/roles'
import { askToSubscribe } from '../api/subscribe'

/** The inbox as each staff role knows it: an officer's, a department's, the leaders', the 督查 office's. */
export function workbenchTitle(role: Role): string {
  if (role === 'dept_head') return '部门工作台'
  if (role === 'leader') return '领导工作台'
  if (role === 'admin') return '督查工作台'
  return '特派员工作台'
}

export const WORKBENCH_URL = '/packageOfficer/pages/workbench/index'

/** An enterprise's monthly figures, as staff open them (its officer may report there on its behalf). */
export const indicatorsUrl = (enterpriseId: string) =>
  `/packageVisit/pages/indicators/index?enterpriseId=${encodeURIComponent(enterpriseId)}`

const INBOX_LABELS: Record<InboxFilter, string> = {
  open: '在办',
  overdue: '已超时',
  awaiting_acceptance: '待受理',
  awaiting_decision: '待审批',
  done: '已办结',
}

/** The inbox filters a role has, in order: officers approve nothing, so they have no 待审批. */
export function inboxFiltersFor(role: Role | undefined, all: readonly InboxFilter[]): InboxFilter[] {
  return all.filter((f) => f !== 'awaiting_decision' || (role !== undefined && role !== 'officer'))
}

/** An inbox filter's name for a role: the 督查 office's 待审批 are its reviews and calls. */
export function inboxLabel(filter: InboxFilter, role: Role | undefined): string {
  return filter === 'awaiting_decision' && role === 'admin' ? '督查待办' : INBOX_LABELS[filter]
}

/** One staff tool: where it opens, and who has it. */
export interface StaffTool {
  label: string
  hint?: string
  url: string
  /** Opened with switchTab (a tab page) rather than navigateTo. */
  tab?: boolean
  roles: readonly Role[]
  /** Where it is listed: the home page's entries, 我的's 工作 group, or both (tabs need no cell in 我的). */
  on: readonly Place[]
}
type Place = 'home' | 'me'

const EVERY_STAFF = STAFF_ROLES
const BOTH: readonly Place[] = ['home', 'me']
const HOME: readonly Place[] = ['home']
const ME: readonly Place[] = ['me']
const LEADS: readonly Role[] = ['leader', 'admin']

/**
 * Every staff tool, in the order they are listed, and where.
 * One table, so a new tool appears in both places for the roles that have it.
 */
const STAFF_TOOLS: readonly StaffTool[] = [
  { label: '工作台', hint: '受理、办理、办结', url: WORKBENCH_URL, roles: EVERY_STAFF, on: BOTH },
  { label: '领导看板', hint: '三率、走势、超期', url: '/packageLeader/pages/dashboard/index', roles: LEADS, on: BOTH },
  { label: '走访', hint: '预约与记录', url: '/pages/visits/index', tab: true, roles: EVERY_STAFF, on: HOME },
  { label: '惠企政策', hint: '推送与触达', url: '/pages/policies/index', tab: true, roles: EVERY_STAFF, on: HOME },
  {
    label: '企业与绑定码',
    hint: '包保的企业，为企业负责人生成绑定码',
    url: '/packageOfficer/pages/enterprises/index',
    roles: ['officer', 'dept_head', 'admin'],
    on: ME,
  },
  {
    label: '记录帮扶',
    hint: '融资对接、退税、招聘、补贴等，可一次记录多家企业',
    url: '/packageOfficer/pages/help-record/index',
    roles: EVERY_STAFF,
    on: ME,
  },
  {
    label: '经营预警',
    hint: '包联企业产值下滑、订单不足，待走访',
    url: '/packageOfficer/pages/warnings/index',
    roles: EVERY_STAFF,
    on: ME,
  },
  {
    label: '经营监测',
    hint: '包联企业月度经营数据、迟报名单；全镇按行业、园区',
    url: '/packageVisit/pages/indicator-watch/index',
    roles: EVERY_STAFF,
    on: ME,
  },
  {
    label: '重点项目',
    hint: '一项目一领导一秘书：阶段、节点、形象进度，滞后一览',
    url: '/packageLeader/pages/projects/index',
    roles: LEADS,
    on: ME,
  },
  { label: '一季一督查', hint: '督查部门、跟踪整改销号', url: '/packageLeader/pages/inspection/index', roles: LEADS, on: ME },
  { label: '人员管理', hint: '本部门的特派员：邀请、停用、交接', url: '/packageAdmin/pages/staff/index', roles: ['dept_head'], on: ME },
  { label: '组织管理', hint: '人员、部门与分派、企业名录、变更记录', url: '/packageAdmin/pages/org/index', roles: ['admin'], on: ME },
  { label: '本部门统计', hint: '按承办人、类别和企业', url: '/packageLeader/pages/breakdown/index', roles: ['dept_head'], on: ME },
  { label: '政策管理', url: '/packageAdmin/pages/policies/index', roles: ['admin'], on: ME },
  { label: '展会扫码', url: '/packageAdmin/pages/exhibition/index', roles: ['admin'], on: ME },
]

/** The tools a role has in one place (the workbench under its role's name). */
export function staffToolsFor(role: Role, where: Place): StaffTool[] {
  return STAFF_TOOLS.filter((tool) => tool.roles.includes(role) && tool.on.includes(where)).map((tool) =>
    tool.url === WORKBENCH_URL ? { ...tool, label: workbenchTitle(role) } : tool,
  )
}

/** Opens a tool; opening the inbox first asks to be told of new tasks (WeChat asks on a tap only). */
export function openStaffTool(tool: StaffTool, filter?: InboxFilter): void {
  if (tool.url === WORKBENCH_URL) {
    openInbox(filter)
    return
  }
  void (tool.tab ? Taro.switchTab({ url: tool.url }) : Taro.navigateTo({ url: tool.url }))
}

/** The inbox, on one filter or its default. */
export function openInbox(filter?: InboxFilter): void {
  askToSubscribe(['appeal_task'])
  void Taro.navigateTo({ url: filter ? `${WORKBENCH_URL}?filter=${filter}` : WORKBENCH_URL })
}
