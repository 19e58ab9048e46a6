import type { Kysely } from 'kysely'
import { APPEAL_CATEGORIES, type AppealCategory } from '../../cloud/domain/appeal/categories'
import { inZone } from '../../cloud/domain/clock'
import type { EnterpriseKind } from '../../cloud/domain/policy-match'
import type { Database } from '../../cloud/store/database'
import { insertDepartment } from '../../cloud/store/repositories/departments'
import { insertEnterprise, type EnterpriseRow } from '../../cloud/store/repositories/enterprises'
import { insertExhibition, insertExhibitor, insertInvitations, type ExhibitorRow } from '../../cloud/store/repositories/exhibitions'
import { upsertPolicy, type PolicyRow } from '../../cloud/store/repositories/policies'
import { insertUser, type UserRow } from '../../cloud/store/repositories/users'
import { insertVisit, newVisitRow } from '../../cloud/store/repositories/visits'
import { beijingDay, halfOf } from '../../cloud/domain/visit/calendar'
import {
  makeAdmin,
  makeDepartment,
  makeEnterprise,
  makeExhibition,
  makeExhibitor,
  makeGuest,
  makeHead,
  makeLeader,
  makeMilestone,
  makeOfficer,
  makeOwner,
  makePolicy,
} from './factories'

/**
 * 青禾镇, the tests' own town: made up for the tests, built from the factories, and nothing to do with
 * the demo town that `npm start` seeds (which may change at any time). Tests read its people and
 * firms by role (`town.officer.id`, `town.enterprises.medPack.owner.name`) and never spell an id or a name.
 *
 * Who serves whom, which the tests rely on:
 * - 产业服务办 (industry): officers 林晓禾 (`town.officer`), 周安然 and 方启明, head 秦守正. 林晓禾 covers
 *   exactly three firms: medPack, vialWorks and capsulePack.
 * - Routing (`town.routing`): 融资 → finance, 用工 → labour, 用地规划 and 审批手续 → planning, 水电气路 and
 *   物流通行 → transport, 安全环保 → safety, everything else → industry.
 * - grainFoods (食品, 规上) is served by the finance officer: its 水电气路 appeal is routed to transport
 *   but held by its own officer, who is not of that department.
 * - 药包材 规上: medPack and capsulePack (林晓禾), specialPack (周安然). 专精特新: pharma and specialPack.
 * - 青禾产业园 holds medPack, bioMaterials, plasticDrums, specialPack and machinery, in that order, none
 *   of them served by the transport officer.
 * - The exhibition opens on the day the town is seeded and runs three days; capsulePack exhibits at
 *   C101, bioMaterials at B108; 22 booths in all.
 * Credit codes are valid but in division 139900, which does not exist; phones are 136 numbers no
 * one else in the tests uses.
 */

const dept = (key: string, name: string, remit: string, sort_order: number) =>
  makeDepartment({ id: `t-dept-${key}`, name, remit, sort_order })

const departments = {
  industry: dept('industry', '产业服务办', '统筹企业诉求的受理、交办和督办，负责政策兑现、市场拓展和项目服务。', 0),
  finance: dept('finance', '金融服务办', '负责银企对接、融资纾困和奖补资金兑付。', 1),
  labour: dept('labour', '就业社保办', '负责企业招工用工、技能培训和社保政策落实。', 2),
  planning: dept('planning', '规划建设办', '负责项目用地、规划许可和审批手续的帮办代办。', 3),
  transport: dept('transport', '交通保障办', '负责水电气路保障、货车通行和物流运输协调。', 4),
  safety: dept('safety', '安全环保办', '负责安全生产和环保手续的指导与整改帮扶。', 5),
}
type DepartmentKey = keyof typeof departments

const routing: Record<AppealCategory, string> = {
  融资: departments.finance.id,
  用工: departments.labour.id,
  政策兑现: departments.industry.id,
  用地规划: departments.planning.id,
  审批手续: departments.planning.id,
  水电气路: departments.transport.id,
  物流通行: departments.transport.id,
  安全环保: departments.safety.id,
  市场拓展: departments.industry.id,
  其他: departments.industry.id,
}

const officer = (key: string, name: string, at: DepartmentKey) =>
  makeOfficer({ id: `t-officer-${key}`, name, title: `${departments[at].name}驻企特派员`, department_id: departments[at].id })

const officers = {
  industry: officer('industry-1', '林晓禾', 'industry'),
  industry2: officer('industry-2', '周安然', 'industry'),
  industry3: officer('industry-3', '方启明', 'industry'),
  finance: officer('finance', '许清秋', 'finance'),
  labour: officer('labour', '罗一帆', 'labour'),
  planning: officer('planning', '韦思远', 'planning'),
  transport: officer('transport', '贺长青', 'transport'),
  safety: officer('safety', '凌子墨', 'safety'),
}

const head = (at: DepartmentKey, name: string) =>
  makeHead({ id: `t-head-${at}`, name, title: `${departments[at].name}主任`, department_id: departments[at].id })

const heads: Record<DepartmentKey, UserRow> = {
  industry: head('industry', '秦守正'),
  finance: head('finance', '柏雨桐'),
  labour: head('labour', '梁季川'),
  planning: head('planning', '钟远山'),
  transport: head('transport', '乔铁峰'),
  safety: head('safety', '温如玉'),
}

const leaders = {
  secretary: makeLeader({ id: 't-leader-1', name: '严正清', title: '青禾镇党委书记' }),
  mayor: makeLeader({ id: 't-leader-2', name: '沈知行', title: '青禾镇镇长' }),
  parkDirector: makeLeader({ id: 't-leader-3', name: '章望舒', title: '青禾产业园管委会主任' }),
}

const admin = makeAdmin({
  id: 't-admin',
  name: '葛书言',
  title: '产业服务办督查室主任（系统管理员）',
  department_id: departments.industry.id,
})
const guest = makeGuest({ id: 't-guest', name: '访客（未绑定企业）' })

/** An enterprise of the town: every one has its officer, department and leader, and an owner. */
export type TownEnterprise = EnterpriseRow & { officer_id: string; department_id: string; leader_id: string; owner: UserRow }

interface FirmSpec {
  key: string
  name: string
  industry: string
  kind: EnterpriseKind
  park: string
  officer: UserRow
  department: DepartmentKey
  leader: UserRow
  owner: string
  tags?: string[]
}

let street = 0
function firm(spec: FirmSpec): TownEnterprise {
  street += 7
  const enterprise = makeEnterprise({
    id: `t-ent-${spec.key.toLowerCase()}`,
    name: spec.name,
    industry: spec.industry,
    kind: spec.kind,
    park: spec.park,
    address: `青禾镇${spec.park === '镇区' ? '兴禾路' : spec.park}${street}号`,
    legal_person: spec.owner,
    officer_id: spec.officer.id,
    department_id: departments[spec.department].id,
    leader_id: spec.leader.id,
    tags: JSON.stringify(spec.tags ?? []),
    team: `${departments[spec.department].name}帮扶小组`,
  })
  return {
    ...enterprise,
    officer_id: spec.officer.id,
    department_id: departments[spec.department].id,
    leader_id: spec.leader.id,
    owner: makeOwner(enterprise, { id: `t-owner-${spec.key.toLowerCase()}`, name: spec.owner }),
  }
}

const PARK = '青禾产业园'
const ZONE_PARK = '青禾开发区'

const enterprises = {
  grainFoods: firm({
    key: 'grainFoods',
    name: '青禾禾丰食品有限公司',
    industry: '食品',
    kind: '规上企业',
    park: '镇区',
    officer: officers.finance,
    department: 'finance',
    leader: leaders.mayor,
    owner: '田丰年',
    tags: ['一般纳税人'],
  }),
  medPack: firm({
    key: 'medPack',
    name: '青禾康瑞药用包装有限公司',
    industry: '药包材',
    kind: '规上企业',
    park: PARK,
    officer: officers.industry,
    department: 'industry',
    leader: leaders.secretary,
    owner: '陆明远',
    tags: ['一般纳税人', '资源综合利用'],
  }),
  vialWorks: firm({
    key: 'vialWorks',
    name: '青禾镇小瓶药包材加工厂',
    industry: '药包材',
    kind: '小微企业',
    park: '镇区',
    officer: officers.industry,
    department: 'industry',
    leader: leaders.secretary,
    owner: '苗秀芬',
  }),
  glassware: firm({
    key: 'glassware',
    name: '青禾晶亮玻璃制品有限公司',
    industry: '玻璃制品',
    kind: '小微企业',
    park: ZONE_PARK,
    officer: officers.safety,
    department: 'safety',
    leader: leaders.secretary,
    owner: '柯亮',
  }),
  bioMaterials: firm({
    key: 'bioMaterials',
    name: '青禾绿源生物材料有限公司',
    industry: '可降解材料',
    kind: '小微企业',
    park: PARK,
    officer: officers.industry2,
    department: 'industry',
    leader: leaders.secretary,
    owner: '麦青源',
  }),
  plasticDrums: firm({
    key: 'plasticDrums',
    name: '青禾恒通塑料制品有限公司',
    industry: '塑料制品',
    kind: '小微企业',
    park: PARK,
    officer: officers.planning,
    department: 'planning',
    leader: leaders.parkDirector,
    owner: '尚恒通',
  }),
  capsulePack: firm({
    key: 'capsulePack',
    name: '青禾安泰药用瓶厂',
    industry: '药包材',
    kind: '规上企业',
    park: '镇区',
    officer: officers.industry,
    department: 'industry',
    leader: leaders.secretary,
    owner: '齐安泰',
    tags: ['高新技术', '一般纳税人'],
  }),
  pharma: firm({
    key: 'pharma',
    name: '青禾百川制药有限公司',
    industry: '医药',
    kind: '规上企业',
    park: ZONE_PARK,
    officer: officers.industry3,
    department: 'industry',
    leader: leaders.secretary,
    owner: '欧百川',
    tags: ['高新技术', '专精特新', '一般纳税人'],
  }),
  freight: firm({
    key: 'freight',
    name: '青禾顺达物流有限公司',
    industry: '物流',
    kind: '物流企业',
    park: '镇区',
    officer: officers.transport,
    department: 'transport',
    leader: leaders.mayor,
    owner: '伍顺达',
  }),
  snackStall: firm({
    key: 'snackStall',
    name: '青禾镇老魏卤味店',
    industry: '食品',
    kind: '个体工商户',
    park: '镇区',
    officer: officers.labour,
    department: 'labour',
    leader: leaders.mayor,
    owner: '魏家和',
  }),
  specialPack: firm({
    key: 'specialPack',
    name: '青禾精诚药包材科技有限公司',
    industry: '药包材',
    kind: '规上企业',
    park: PARK,
    officer: officers.industry2,
    department: 'industry',
    leader: leaders.secretary,
    owner: '宁精诚',
    tags: ['专精特新', '一般纳税人'],
  }),
  machinery: firm({
    key: 'machinery',
    name: '青禾锐力机械有限公司',
    industry: '机械制造',
    kind: '小微企业',
    park: PARK,
    officer: officers.planning,
    department: 'planning',
    leader: leaders.parkDirector,
    owner: '常锐',
  }),
}

const sections = (who: string, what: string, how: string) =>
  `## 谁能享受\n${who}\n\n## 能享受什么\n${what}\n\n## 怎么办理\n${how}\n\n## 常见问题\n有疑问请先联系您的驻企特派员。\n\n## 咨询电话 / 责任部门\n青禾镇产业服务办\n\n## 原文链接\n（测试政策，无原文）`

/** How many days before seeding each policy was published, and for how long some still run. */
const POLICY_DATES: Record<string, { ageDays: number; runsDays?: number }> = {}
function policy(
  key: string,
  ageDays: number,
  fields: Partial<PolicyRow> & Pick<PolicyRow, 'title' | 'category' | 'summary'>,
  runsDays?: number,
): PolicyRow {
  const row = makePolicy({ id: `t-pol-${key}`, issuer: '青禾县人民政府', ...fields })
  POLICY_DATES[row.id] = { ageDays, runsDays }
  return row
}
const list = (items: string[]) => JSON.stringify(items)

const policies = {
  vatCreditRefund: policy('vat-credit-refund', 400, {
    title: '增值税留抵退税',
    category: '税费',
    summary: '一句话看懂：进项多、销项少而留在账上的增值税留抵税额，符合条件的可以申请退成现金。',
    tags: list(['留抵退税']),
    kinds: list(['规上企业', '小微企业', '个体工商户', '物流企业']),
    body: sections('增值税一般纳税人，纳税信用 A 级或 B 级。', '把留抵税额退回企业账户。', '在电子税务局提交退税申请。'),
  }),
  vatImmediateRefund: policy('vat-immediate-refund', 380, {
    title: '增值税即征即退（资源综合利用）',
    category: '税费',
    summary: '一句话看懂：用回收料生产的产品，缴纳的增值税可以按比例即征即退。',
    tags: list(['即征即退', '资源综合利用']),
    industries: list(['塑料制品', '药包材']),
    body: sections('以回收料为原料、符合目录的一般纳税人。', '已缴增值税按比例退还。', '向主管税务机关备案后按月申请。'),
  }),
  techUpgradeFund: policy('tech-upgrade-fund', 200, {
    title: '企业技术改造专项资金',
    category: '产业扶持',
    summary: '一句话看懂：更新设备、改造生产线的技改项目，可以申请专项资金补助。',
    tags: list(['技术改造', '设备更新']),
    kinds: list(['规上企业']),
    body: sections('规上工业企业，项目当年开工。', '按设备投资额的一定比例补助。', '向驻企特派员报名，由产业服务办统一申报。'),
  }),
  specialisedSme: policy('specialised-sme', 150, {
    title: '专精特新中小企业培育',
    category: '科技创新',
    summary: '一句话看懂：专注细分市场、创新能力强的中小企业，可申报专精特新并获得奖励。',
    tags: list(['专精特新', '梯度培育']),
    kinds: list(['规上企业', '小微企业']),
    body: sections('在细分领域深耕三年以上的中小企业。', '认定后给予一次性奖励。', '每年申报期内向产业服务办提交材料。'),
  }),
  reliefLoan: policy('relief-loan', 120, {
    title: '小微企业纾困贷款',
    category: '金融',
    summary: '一句话看懂：手机上申请，银行按纳税和信用核定额度，随借随还。',
    tags: list(['纾困', '资金周转']),
    kinds: list(['小微企业', '个体工商户']),
    body: sections('经营正常的小微企业和个体工商户。', '信用贷款额度，财政贴息。', '在合作银行的手机银行里申请。'),
  }),
  jobSubsidy: policy(
    'job-subsidy',
    60,
    {
      title: '稳岗扩岗补助',
      category: '用工社保',
      summary: '一句话看懂：新招用高校毕业生并参保的企业，每人可领一次性补助。',
      tags: list(['稳岗', '扩岗']),
      body: sections('新招用毕业两年内高校毕业生并缴纳社保的企业。', '按人数发放一次性补助。', '在社保网上服务平台申请。'),
    },
    45,
  ),
  proxyService: policy('proxy-service', 30, {
    title: '帮办代办：帮办员替您跑',
    category: '审批服务',
    summary: '一句话看懂：不会办、没空跑的审批事项，帮办员上门收材料、代为办理。',
    tags: list(['帮办代办']),
    body: sections('镇内各类企业和个体工商户。', '免费帮办代办。', '在小程序里选事项，点“请帮我办”。'),
  }),
}

/** The town's exhibition: opens on the day the town is seeded, runs three days. */
const exhibition = makeExhibition({
  id: 't-expo',
  name: '第一届青禾药包材与塑料制品展览会',
  theme: '青禾制造，包装健康',
  venue: '青禾会展中心',
  halls: list(['A馆 机械与模具', 'B馆 原料与辅料', 'C馆 药包材与塑料制品', '乡村振兴展区']),
  booth_count: 120,
  area_m2: 4_800,
  featured_policy_ids: list([policies.techUpgradeFund.id, policies.specialisedSme.id]),
})
const EXPO_DAYS = 3
/** Forum sessions by day of the exhibition (0 is the opening day). */
const FORUM = [
  { offset: 0, time: '09:30-11:30', title: '开幕式暨药包材产业发展论坛', place: '会展中心一层报告厅' },
  { offset: 1, time: '14:00-16:00', title: '采购商供需对接会', place: '会展中心二层会议室' },
]

const booth = (boothNo: string, hall: number, enterprise: TownEnterprise | null, products: string[], fields: Partial<ExhibitorRow> = {}) =>
  makeExhibitor(exhibition.id, {
    id: `t-booth-${boothNo.toLowerCase()}`,
    booth_no: boothNo,
    hall: JSON.parse(exhibition.halls)[hall],
    products: list(products),
    ...(enterprise
      ? { enterprise_id: enterprise.id, name: enterprise.name, contact_name: enterprise.owner.name, contact_phone: enterprise.owner.phone }
      : {}),
    ...fields,
  })

const booths = {
  capsulePack: booth('C101', 2, enterprises.capsulePack, ['口服液体药用瓶', '固体药用瓶', '滴眼剂瓶'], {
    intro: '药用瓶老厂，有自己的检测室。',
  }),
  medPack: booth('C102', 2, enterprises.medPack, ['药用塑料瓶', '瓶盖']),
  vialWorks: booth('C105', 2, enterprises.vialWorks, ['小批量药用瓶']),
  specialPack: booth('C108', 2, enterprises.specialPack, ['干燥剂瓶', '药用聚酯瓶']),
  plasticDrums: booth('C201', 2, enterprises.plasticDrums, ['化工桶', '周转箱']),
  bioMaterials: booth('B108', 1, enterprises.bioMaterials, ['全降解餐盒', '降解膜袋']),
  machinery: booth('A101', 0, enterprises.machinery, ['吹塑机', '吹塑模具']),
  snackStall: booth('R01', 3, enterprises.snackStall, ['卤味熟食'], { free_zone: 1 }),
  weavers: booth('R02', 3, null, ['手工编织篮'], { name: '青禾镇巧手编织合作社', free_zone: 1 }),
}
/** Firms from elsewhere fill the rest of the halls: 22 booths in all, more than one batch of codes (20). */
const visitingBooths = Array.from({ length: 13 }, (_, i) =>
  booth(`${'AB'[i % 2]}${String(110 + i)}`, i % 2, null, ['模具', '助剂'], { name: `外地测试展商${i + 1}` }),
)

const invitations = ['TVIP-QH01A7', 'TVIP-QH02B3', 'TVIP-QH03C6']

export const town = {
  name: '青禾镇',
  departments,
  routing,
  officers,
  heads,
  leaders,
  admin,
  guest,
  enterprises,
  policies,
  /** The officer most tests follow (产业服务办): covers medPack, vialWorks and capsulePack. */
  officer: officers.industry,
  /** The town's first leader (党委书记), the leader of most firms. */
  leader: leaders.secretary,
  /** The exhibition (its dates come from the seeding clock: see expoDates). */
  expo: {
    id: exhibition.id,
    code: exhibition.code,
    name: exhibition.name,
    venue: exhibition.venue,
    halls: JSON.parse(exhibition.halls) as string[],
    boothCount: exhibition.booth_count,
    areaM2: exhibition.area_m2,
    forumTitles: FORUM.map((f) => f.title),
    featuredPolicyIds: JSON.parse(exhibition.featured_policy_ids) as string[],
    days: EXPO_DAYS,
    booths,
    invitations,
  },
  /** Everything of a kind, in the town's order. */
  all: {
    departments: Object.values(departments),
    officers: Object.values(officers),
    staff: [...Object.values(officers), ...Object.values(heads), ...Object.values(leaders), admin],
    users: [...Object.values(officers), ...Object.values(heads), ...Object.values(leaders), admin, guest],
    enterprises: Object.values(enterprises),
    owners: Object.values(enterprises).map((e) => e.owner),
    policies: Object.values(policies),
    booths: [...Object.values(booths), ...visitingBooths],
  },
}
export type Town = typeof town

const day = (ms: number) => inZone(ms).format('YYYY-MM-DD')
const DAY = 86_400_000

/** The exhibition's days for a town seeded at `now`: from that Beijing day, for its three days. */
export function expoDates(now: number): { startsOn: string; endsOn: string } {
  const start = inZone(now).startOf('day')
  return { startsOn: start.format('YYYY-MM-DD'), endsOn: start.add(EXPO_DAYS - 1, 'day').format('YYYY-MM-DD') }
}

/**
 * Writes the town into an empty, migrated store, stamped with `now`: departments, routing for every
 * category, staff, enterprises with their owners, policies published before `now`, and the
 * exhibition opening that day. One transaction: a failure leaves nothing.
 */
export async function seedTown(db: Kysely<Database>, now: number): Promise<void> {
  if (APPEAL_CATEGORIES.some((c) => !routing[c])) throw new Error('the test town must route every category')
  await db.transaction().execute(async (trx) => {
    for (const d of town.all.departments) await insertDepartment(trx, d)
    for (const [category, departmentId] of Object.entries(routing))
      await trx.insertInto('routing_rules').values({ category, department_id: departmentId }).execute()
    for (const { owner: _owner, ...e } of town.all.enterprises) await insertEnterprise(trx, { ...e, created_at: now })
    for (const u of [...town.all.users, ...town.all.owners])
      await insertUser(trx, { ...u, created_at: now, owner_since: u.role === 'owner' ? now : null })
    for (const p of town.all.policies) {
      const { ageDays, runsDays } = POLICY_DATES[p.id]
      const published = day(now - ageDays * DAY)
      await upsertPolicy(trx, {
        ...p,
        published_at: published,
        effective_from: published,
        expires_at: runsDays === undefined ? null : day(now + runsDays * DAY),
        created_at: now,
        updated_at: now,
      })
    }
    const { startsOn, endsOn } = expoDates(now)
    const forum = FORUM.map(({ offset, ...session }) => ({
      day: inZone(Date.parse(`${startsOn}T12:00:00+08:00`))
        .add(offset, 'day')
        .format('YYYY-MM-DD'),
      ...session,
    }))
    await insertExhibition(trx, {
      ...exhibition,
      starts_on: startsOn,
      ends_on: endsOn,
      forum: JSON.stringify(forum),
      created_at: now,
      updated_at: now,
    })
    for (const b of town.all.booths) await insertExhibitor(trx, { ...b, created_at: now, updated_at: now })
    await insertInvitations(
      trx,
      invitations.map((code, i) => ({ code, exhibition_id: exhibition.id, note: `测试邀请${i + 1}`, created_at: now })),
    )
  })
}

/** The half-days each kind of visitor opens, by weekday (1 = Monday … 5 = Friday). */
const OPEN_HALVES: Record<'officer' | 'dept_head' | 'leader', { weekday: number; half: 'am' | 'pm' }[]> = {
  officer: [1, 2, 3, 4, 5].flatMap((weekday) =>
    (weekday === 1 ? ['pm' as const] : ['am' as const, 'pm' as const]).map((half) => ({ weekday, half })),
  ),
  dept_head: [
    { weekday: 2, half: 'pm' },
    { weekday: 4, half: 'pm' },
  ],
  leader: [{ weekday: 3, half: 'pm' }],
}

/** What `furnishTown` adds to the plan of the pharma firm: one milestone overdue, one ahead. */
export const townPlan = {
  enterprise: enterprises.pharma,
  overdue: { title: '药品生产质量体系整改', dueIn: -3 },
  ahead: { title: '新建制剂车间环评批复', dueIn: 25 },
}

/**
 * A lived-in town (as a demonstration would be), dated from `now`: every visitor's half-days open
 * for four weeks, the pharma firm's plan with an overdue milestone, and a few proven past visits.
 */
export async function furnishTown(db: Kysely<Database>, now: number): Promise<void> {
  const today = inZone(now).startOf('day')
  const visitors = [...town.all.officers, ...Object.values(heads), ...Object.values(leaders)]
  const slots: { host_id: string; day: string; half: string; created_at: number }[] = []
  for (let i = 0; i < 28; i++) {
    const date = today.add(i, 'day')
    for (const person of visitors) {
      for (const open of OPEN_HALVES[person.role as keyof typeof OPEN_HALVES]) {
        if (open.weekday === date.day())
          slots.push({ host_id: person.id, day: date.format('YYYY-MM-DD'), half: open.half, created_at: now })
      }
    }
  }
  await db.transaction().execute(async (trx) => {
    for (let i = 0; i < slots.length; i += 300)
      await trx
        .insertInto('visit_slots')
        .values(slots.slice(i, i + 300))
        .execute()
    for (const m of [townPlan.overdue, townPlan.ahead]) {
      const row = makeMilestone(townPlan.enterprise.id, admin.id, {
        title: m.title,
        due_on: today.add(m.dueIn, 'day').format('YYYY-MM-DD'),
        created_at: now,
        updated_at: now,
      })
      await trx.insertInto('plan_milestones').values(row).execute()
    }
    const past = [
      { daysAgo: 9, host: officers.industry, enterprise: enterprises.medPack, topic: '二期项目进度' },
      { daysAgo: 3, host: officers.finance, enterprise: enterprises.grainFoods, topic: '冷库扩建用电' },
      { daysAgo: 20, host: heads.industry, enterprise: enterprises.medPack, topic: '部门负责人月度走访' },
      { daysAgo: 40, host: leaders.secretary, enterprise: enterprises.pharma, topic: '季度座谈' },
    ]
    for (const [i, v] of past.entries()) {
      const at = today.subtract(v.daysAgo, 'day').hour(9).minute(30).valueOf()
      await insertVisit(
        trx,
        newVisitRow({
          id: `t-visit-${i + 1}`,
          enterprise_id: v.enterprise.id,
          host_id: v.host.id,
          host_role: v.host.role,
          kind: v.host.role === 'leader' ? 'meeting' : 'visit',
          origin: 'proactive',
          topic: v.topic,
          day: beijingDay(at),
          half: halfOf(at),
          state: 'done',
          checked_in_at: at,
          proven: 1,
          visited_at: at,
          version: 1,
          created_at: at,
          record: JSON.stringify({
            participants: '',
            situation: { production: '生产正常', employment: '用工稳定', funding: '', project: '' },
            asks: '无',
            appeals: [],
          }),
        }),
      )
    }
  })
}
