// 走访与一企一策的演示数据（示例企业，内容虚构）：各人每周开放预约的半天、几家重点企业的帮扶方案节点和近几周的走访记录。
// 日期都相对于写入种子的那一天，演示时总有可预约的时段、临近和逾期的节点。
import type { Half } from '../cloud/domain/visit/calendar'

/** Which half-days each kind of visitor opens, by weekday (1 = Monday … 5 = Friday). */
export const OPEN_HALVES: Record<'officer' | 'dept_head' | 'leader', { weekday: number; half: Half }[]> = {
  // 周一上午开例会，其余工作日都可约。
  officer: [1, 2, 3, 4, 5].flatMap((weekday) =>
    (weekday === 1 ? ['pm' as const] : ['am' as const, 'pm' as const]).map((half) => ({ weekday, half })),
  ),
  dept_head: [
    { weekday: 2, half: 'pm' },
    { weekday: 4, half: 'pm' },
  ],
  // 包抓领导每周三下午接待企业座谈。
  leader: [{ weekday: 3, half: 'pm' }],
}

/** 一企一策: each milestone with its due day as days from today, and how many days ago it was done. */
export const PLANS: {
  enterpriseId: string
  milestones: { title: string; dueIn: number; doneDaysAgo?: number; note?: string }[]
  /** 一套班子: names and duties. */
  team?: { name: string; duty: string }[]
  /** 一个目标: a figure, due in some days, and the latest figure reported (if any). */
  goals?: { label: string; target: number; unit: string; dueIn: number; actual?: number }[]
}[] = [
  {
    enterpriseId: 'ent-002',
    team: [
      { name: '王立民', duty: '组长（经济发展局局长）' },
      { name: '张立新', duty: '联络员（驻企特派员）' },
      { name: '马俊杰', duty: '融资对接（财政所）' },
    ],
    goals: [
      { label: '年产值', target: 1.2, unit: '亿元', dueIn: 60, actual: 0.95 },
      { label: '新增用工', target: 40, unit: '人', dueIn: 90, actual: 12 },
    ],
    milestones: [
      { title: '二期吹塑车间竣工验收', dueIn: 10 },
      { title: '对接银行新增授信 500 万元', dueIn: -20, doneDaysAgo: 25, note: '合作银行已放款 500 万元' },
      { title: '申报省级专精特新中小企业', dueIn: 40 },
    ],
  },
  {
    enterpriseId: 'ent-011',
    milestones: [
      { title: 'GMP 符合性检查整改', dueIn: -3 },
      { title: '新建原料药车间环评批复', dueIn: 25 },
    ],
  },
  {
    enterpriseId: 'ent-005',
    milestones: [
      { title: '可降解材料生产线设备进场', dueIn: 5 },
      { title: '招聘技术工人 30 名', dueIn: 30, doneDaysAgo: 2, note: '专场招聘会招录 32 人' },
    ],
  },
]

/** Visits made in the last weeks: days ago, who, where, what was found; each was checked in on site. */
export const PAST_VISITS: {
  daysAgo: number
  hostId: string
  enterpriseId: string
  topic: string
  production: string
  employment: string
  asks: string
}[] = [
  {
    daysAgo: 9,
    hostId: 'u-officer-01',
    enterpriseId: 'ent-002',
    topic: '二期项目进度',
    production: '一期两条吹塑线满负荷，订单排到下月',
    employment: '缺操作工约 15 人',
    asks: '希望协调二期竣工验收',
  },
  {
    daysAgo: 8,
    hostId: 'u-officer-01',
    enterpriseId: 'ent-003',
    topic: '例行走访',
    production: '生产正常',
    employment: '用工稳定',
    asks: '无',
  },
  {
    daysAgo: 2,
    hostId: 'u-officer-04',
    enterpriseId: 'ent-001',
    topic: '冷库扩建用电',
    production: '近期订单回落，开工七成',
    employment: '季节工已返乡',
    asks: '冷库扩建需增容 400 千伏安',
  },
  {
    daysAgo: 20,
    hostId: 'u-head-econ',
    enterpriseId: 'ent-002',
    topic: '部门负责人月度走访',
    production: '产值同比增长 12%',
    employment: '缺工 15 人',
    asks: '希望参加县里的药包材展会',
  },
  {
    daysAgo: 40,
    hostId: 'u-leader-01',
    enterpriseId: 'ent-011',
    topic: '季度座谈',
    production: '原料药车间在建',
    employment: '稳定',
    asks: '环评批复进度',
  },
]
