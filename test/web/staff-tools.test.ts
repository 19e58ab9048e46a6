import { INBOX_FILTERS } from '../../cloud/domain/appeal/lists'
import { STAFF_ROLES } from '../../cloud/domain/roles'
import { inboxFiltersFor, inboxLabel, staffToolsFor, WORKBENCH_URL } from '../../src/utils/workbench'

const labels = (role: (typeof STAFF_ROLES)[number], where: 'home' | 'me') => staffToolsFor(role, where).map((t) => t.label)

describe('staff tools, one table for the home page and 我的', () => {
  it('gives each role its own tools under 我的', () => {
    expect(labels('officer', 'me')).toEqual(['特派员工作台', '企业与绑定码', '记录帮扶', '经营预警', '经营监测'])
    expect(labels('dept_head', 'me')).toEqual(['部门工作台', '企业与绑定码', '记录帮扶', '经营预警', '经营监测', '人员管理', '本部门统计'])
    expect(labels('leader', 'me')).toEqual(['领导工作台', '领导看板', '记录帮扶', '经营预警', '经营监测', '重点项目', '一季一督查'])
    expect(labels('admin', 'me')).toEqual([
      '督查工作台',
      '领导看板',
      '企业与绑定码',
      '记录帮扶',
      '经营预警',
      '经营监测',
      '重点项目',
      '一季一督查',
      '组织管理',
      '政策管理',
      '展会扫码',
    ])
  })

  it('shows the workbench first on every staff home, the dashboard only to those who lead, and tabs only there', () => {
    for (const role of STAFF_ROLES) {
      const home = staffToolsFor(role, 'home')
      expect(home[0].url).toBe(WORKBENCH_URL)
      expect(home.some((t) => t.label === '领导看板')).toBe(role === 'leader' || role === 'admin')
      expect(staffToolsFor(role, 'me').some((t) => t.tab)).toBe(false)
    }
  })

  it('names inbox filters for the role and gives officers no 待审批', () => {
    expect(inboxFiltersFor('officer', INBOX_FILTERS)).not.toContain('awaiting_decision')
    expect(inboxFiltersFor(undefined, INBOX_FILTERS)).not.toContain('awaiting_decision')
    expect(inboxFiltersFor('dept_head', INBOX_FILTERS)).toContain('awaiting_decision')
    expect(inboxLabel('awaiting_decision', 'admin')).toBe('督查待办')
    expect(inboxLabel('awaiting_decision', 'leader')).toBe('待审批')
    expect(inboxLabel('overdue', 'officer')).toBe('已超时')
  })
})
