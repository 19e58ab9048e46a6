// 第四届沧县塑料中空制品展览会，取材于沧县杜生镇“助企帮办”的公开报道：沧州国际会展中心，十月底举办，
// 主题“赋能塑料升级，创造经济高地——塑料制品看沧县”；637 个展位、1.6 万平方米；展出机械设备、原料、模具、
// 助剂辅料、塑料制品 5 大类 5000 余种产品；VIP 观众邀请模式点对点邀请核心采购商；乡村振兴特色展区为 22 家
// 小微企业免费提供推介平台；举办产业高峰论坛。沧县康复药用包装材料厂正在布置展位（报道原文）。
// 展商里只有沧县康复药用包装材料厂是报道里的真实企业（报道说它正在布置本届展位），展位卡只写报道说到的
// 内容，联络由镇经济发展局代转；其余展商都是虚构的示例企业：镇内的取自 seeds/org.ts（联系人为其虚构的
// 负责人），外地展商、合作社、联系人、电话和邀请码均为虚构。
// 报道说展会“十月底”举办，没有写年份。演示库第一次启动（写入种子）的那天开幕、连办三天，
// 所以演示中扫到的码总是通向一届正在举办的展会，与哪一天运行无关。

export interface SeedExhibitor {
  boothNo: string
  hall: string
  /** A town enterprise from seeds/org.ts; its owner is the booth's contact and sees its leads. */
  enterpriseId?: string
  /** For a firm from elsewhere (no enterprise record). */
  name?: string
  contact?: { name: string; phone: string }
  products: string[]
  intro: string
  freeZone?: boolean
}

export const HALLS = {
  machines: '1号馆 机械设备与模具',
  materials: '2号馆 原料与助剂辅料',
  products: '3号馆 中空制品与药包材',
  rural: '乡村振兴特色展区',
} as const

export const exhibition = {
  id: 'expo-4',
  name: '第四届沧县塑料中空制品展览会',
  theme: '赋能塑料升级，创造经济高地——塑料制品看沧县',
  venue: '沧州国际会展中心',
  /** How many days it runs, from the day the demo is first started (see above). */
  runDays: 3,
  halls: Object.values(HALLS),
  boothCount: 637,
  areaM2: 16_000,
  /** Day offsets from the opening day. */
  forum: [
    { offset: 0, time: '09:30-11:30', title: '开幕式暨塑料产业高质量发展高峰论坛', place: '会展中心一层报告厅' },
    { offset: 0, time: '14:00-16:30', title: '药包材企业转型升级专题论坛', place: '会展中心二层会议室' },
    { offset: 1, time: '09:30-11:00', title: '乡村振兴特色展区推介会', place: '乡村振兴特色展区' },
    { offset: 1, time: '14:00-16:00', title: 'VIP 采购商供需对接会', place: '会展中心三层贵宾厅' },
  ],
  featuredPolicyIds: ['pol-tech-upgrade-fund', 'pol-specialized-sme', 'pol-relief-credit-plan', 'pol-proxy-service'],
}

export const exhibitors: SeedExhibitor[] = [
  {
    boothNo: 'A101',
    hall: HALLS.machines,
    enterpriseId: 'ent-030',
    products: ['全自动中空吹塑机', '注吹一体机', '吹塑模具'],
    intro: '本地塑料机械厂，做药用瓶和化工桶吹塑设备，可上门调机。',
  },
  {
    boothNo: 'A118',
    hall: HALLS.machines,
    name: '浙江峦岙精工模具有限公司（示例）',
    contact: { name: '吴海波', phone: '13905762231' },
    products: ['药用瓶模具', '多腔吹塑模具', '模具修复'],
    intro: '外地展商，专做多腔吹塑模具。',
  },
  {
    boothNo: 'A126',
    hall: HALLS.machines,
    name: '江苏港兴吹塑机械有限公司（示例）',
    contact: { name: '钱建伟', phone: '13862175508' },
    products: ['大型储罐吹塑机', '托盘吹塑机'],
    intro: '外地展商，大型中空吹塑设备。',
  },
  {
    boothNo: 'B101',
    hall: HALLS.materials,
    enterpriseId: 'ent-013',
    products: ['改性聚乙烯粒子', '医用级聚丙烯', '色母粒'],
    intro: '改性塑料原料，医用级料有检测报告。',
  },
  {
    boothNo: 'B108',
    hall: HALLS.materials,
    enterpriseId: 'ent-005',
    products: ['全降解餐盒', '全降解吸管', '降解膜袋', '刀叉勺'],
    intro: '全降解餐具和膜袋，可按外卖平台要求定制。',
  },
  {
    boothNo: 'B115',
    hall: HALLS.materials,
    name: '山东鲁辰助剂有限公司（示例）',
    contact: { name: '孔令军', phone: '15853710946' },
    products: ['抗氧剂', '爽滑剂', '抗静电剂'],
    intro: '外地展商，塑料助剂辅料。',
  },
  // The one real firm: only what the report says of it, reached through the town's office.
  {
    boothNo: 'C101',
    hall: HALLS.products,
    name: '沧县康复药用包装材料厂',
    contact: { name: '杜生镇经济发展局（代为联络）', phone: '18711566583' },
    products: ['药用包装材料'],
    intro:
      '杜生镇的药用包装材料企业。据报道，企业下半年与江浙地区的老客户重新达成合作意向，将减免客户订单的研发费用，完善检测中心的技术手段，加大新产品研发力度。',
  },
  {
    boothNo: 'C102',
    hall: HALLS.products,
    enterpriseId: 'ent-002',
    products: ['药用塑料瓶', '保健品包装瓶', '瓶盖'],
    intro: '规上药包材企业，塑料工业协会会员单位。',
  },
  {
    boothNo: 'C103',
    hall: HALLS.products,
    enterpriseId: 'ent-008',
    products: ['口服液体药用塑料瓶', '固体药用塑料瓶', '药用滴眼剂瓶'],
    intro: '医用塑料制品，自有检测室。',
  },
  {
    boothNo: 'C105',
    hall: HALLS.products,
    enterpriseId: 'ent-003',
    products: ['药用塑料瓶', '塑料瓶盖'],
    intro: '药包材小微企业，小批量订单可接。',
  },
  {
    boothNo: 'C108',
    hall: HALLS.products,
    enterpriseId: 'ent-027',
    products: ['药用聚酯瓶', '干燥剂瓶'],
    intro: '药用包装，洁净车间生产。',
  },
  { boothNo: 'C112', hall: HALLS.products, enterpriseId: 'ent-028', products: ['医用塑料瓶', '输液瓶配件'], intro: '医用塑料制品。' },
  { boothNo: 'C116', hall: HALLS.products, enterpriseId: 'ent-016', products: ['药品包装盒', '塑料托盘'], intro: '药包材配套包装。' },
  {
    boothNo: 'C201',
    hall: HALLS.products,
    enterpriseId: 'ent-029',
    products: ['化工桶', '中空吹塑托盘', '吹塑工具箱'],
    intro: '中空吹塑制品，大件可定制。',
  },
  { boothNo: 'C205', hall: HALLS.products, enterpriseId: 'ent-006', products: ['塑料桶', '塑料壶'], intro: '塑料桶、塑料壶，量大可议价。' },
  { boothNo: 'C208', hall: HALLS.products, enterpriseId: 'ent-007', products: ['日化瓶', '塑料喷壶'], intro: '日化瓶和喷壶，可来样定制。' },
  { boothNo: 'C212', hall: HALLS.products, enterpriseId: 'ent-010', products: ['吹塑板', '塑料周转箱'], intro: '杜生工业园入驻企业。' },
  {
    boothNo: 'C216',
    hall: HALLS.products,
    enterpriseId: 'ent-009',
    products: ['吹塑折叠桌', '户外桌椅', '野营装备'],
    intro: '杜生工业园入驻企业，户外吹塑家具。',
  },
  {
    boothNo: 'R01',
    hall: HALLS.rural,
    enterpriseId: 'ent-032',
    products: ['设施蔬菜', '金丝小枣', '农产品礼盒'],
    intro: '现代农业，乡村振兴特色展区免费展位。',
    freeZone: true,
  },
  {
    boothNo: 'R02',
    hall: HALLS.rural,
    enterpriseId: 'ent-031',
    products: ['速冻面点', '卤味熟食'],
    intro: '本地食品企业，乡村振兴特色展区免费展位。',
    freeZone: true,
  },
  {
    boothNo: 'R03',
    hall: HALLS.rural,
    name: '杜生镇巧手编织专业合作社（示例）',
    contact: { name: '刘秀珍', phone: '15831762054' },
    products: ['手工编织篮', '塑料藤编收纳'],
    intro: '“百企帮百家”：企业把半成品送到行动不便的脱贫户家中加工，合作社统一收货推介。',
    freeZone: true,
  },
]

/** VIP invitations sent point to point to core buyers (VIP 观众邀请模式). */
export const invitations = [
  { code: 'VIP4-A7K2M9', note: '江浙老客户·药用瓶采购' },
  { code: 'VIP4-B3Q8W5', note: '江浙老客户·口服液瓶采购' },
  { code: 'VIP4-C6T4N2', note: '京津冀外卖平台·降解餐具采购' },
  { code: 'VIP4-D9H5R7', note: '省内化工企业·化工桶采购' },
  { code: 'VIP4-E2P7X3', note: '户外用品经销商' },
  { code: 'VIP4-F8J3V6', note: '医药集团采购中心' },
  { code: 'VIP4-G4M6Y8', note: '商超采购·农产品礼盒' },
  { code: 'VIP4-H5R9Z4', note: '物流企业·周转箱采购' },
]
