// 演示镇：按沧县杜生镇“助企帮办”公开报道里的做法搭起来的一个示例乡镇：镇政府部门、驻企特派员、
// 部门负责人和包抓领导，以及药包材、塑料制品、玻璃制品、食品、现代农业、物流等行业的企业。每家企业有
// 一名驻企特派员、一个包抓部门和一名包抓领导（“五个一”、网格化包保）。
// 企业全部是虚构的示例企业（名称带“（示例）”），人名、电话、地址、邀请码都是虚构的；统一社会信用代码
// 是不可能属于真实登记的演示代码（见 demo-credit-codes.ts）。真实情况和演示数据的界线见 seeds/README.md。
import type { SeedOrg } from '../cloud/store/seed-types'
import { demoCreditCode } from './demo-credit-codes'

export const org: SeedOrg = {
  departments: [
    { id: 'dept-econ', name: '经济发展局', remit: '统筹企业诉求的汇聚、交办和督办（督查办设在本局），负责惠企政策宣讲、招商引资和项目服务。' },
    { id: 'dept-finance', name: '财政所', remit: '负责财政奖补资金兑付，协调税务部门办理退税、缓税等税费事项，组织银企对接和融资纾困。' },
    { id: 'dept-hrss', name: '人力资源和社会保障所', remit: '负责企业招工用工、职业技能培训、社保缴费与缓缴政策落实和劳动关系协调。' },
    { id: 'dept-land', name: '自然资源和规划所', remit: '负责项目用地、规划许可、不动产登记等手续的指导和协调，推动签约项目拿地即开工。' },
    { id: 'dept-approval', name: '行政审批服务中心', remit: '提供自然人、法人和工程建设三类帮办代办服务，办理营业执照、许可证和项目审批手续。' },
    { id: 'dept-safety', name: '安全生产和生态环境办', remit: '负责企业安全生产检查指导、环评和排污手续协调，以及安全环保问题的整改帮扶。' },
    { id: 'dept-logistics', name: '综合执法和交通物流保障办', remit: '负责货车通行、物流运输保障、企业周边道路和市场秩序等综合执法事项。' },
  ],
  users: [
    // 驻企特派员
    { id: 'u-officer-01', name: '张立新', role: 'officer', title: '经济发展局驻企特派员', phone: '13886812830', departmentId: 'dept-econ' },
    { id: 'u-officer-02', name: '刘静怡', role: 'officer', title: '经济发展局驻企特派员', phone: '18995545199', departmentId: 'dept-econ' },
    { id: 'u-officer-03', name: '赵宏伟', role: 'officer', title: '经济发展局项目专员、驻企特派员', phone: '13506002457', departmentId: 'dept-econ' },
    { id: 'u-officer-04', name: '孙丽娜', role: 'officer', title: '财政所会计、驻企特派员', phone: '13140892081', departmentId: 'dept-finance' },
    { id: 'u-officer-05', name: '马俊杰', role: 'officer', title: '财政所金融专干、驻企特派员', phone: '15223352400', departmentId: 'dept-finance' },
    { id: 'u-officer-06', name: '高雅琴', role: 'officer', title: '人社所劳动保障协理员、驻企特派员', phone: '18739806884', departmentId: 'dept-hrss' },
    { id: 'u-officer-07', name: '李建军', role: 'officer', title: '人社所就业专干、驻企特派员', phone: '15388869662', departmentId: 'dept-hrss' },
    { id: 'u-officer-08', name: '杨帆', role: 'officer', title: '自然资源和规划所科员、驻企特派员', phone: '18001109443', departmentId: 'dept-land' },
    { id: 'u-officer-09', name: '韩冬梅', role: 'officer', title: '自然资源和规划所科员、驻企特派员', phone: '13167104893', departmentId: 'dept-land' },
    { id: 'u-officer-10', name: '郭晓燕', role: 'officer', title: '行政审批服务中心帮办代办专员', phone: '13708382862', departmentId: 'dept-approval' },
    { id: 'u-officer-11', name: '吕明辉', role: 'officer', title: '行政审批服务中心帮办代办专员', phone: '15040642521', departmentId: 'dept-approval' },
    { id: 'u-officer-12', name: '魏国栋', role: 'officer', title: '安全生产监管员、驻企特派员', phone: '13807170648', departmentId: 'dept-safety' },
    { id: 'u-officer-13', name: '田雨欣', role: 'officer', title: '生态环境专干、驻企特派员', phone: '15035782556', departmentId: 'dept-safety' },
    { id: 'u-officer-14', name: '郑海涛', role: 'officer', title: '交通物流保障专干、驻企特派员', phone: '18139403760', departmentId: 'dept-logistics' },
    // 部门负责人（每个部门一名）
    { id: 'u-head-econ', name: '王立民', role: 'dept_head', title: '经济发展局局长', phone: '15598873549', departmentId: 'dept-econ' },
    { id: 'u-head-finance', name: '陈淑芬', role: 'dept_head', title: '财政所所长', phone: '13190880455', departmentId: 'dept-finance' },
    { id: 'u-head-hrss', name: '冯志刚', role: 'dept_head', title: '人力资源和社会保障所所长', phone: '15133080015', departmentId: 'dept-hrss' },
    { id: 'u-head-land', name: '于春雷', role: 'dept_head', title: '自然资源和规划所所长', phone: '18664101692', departmentId: 'dept-land' },
    { id: 'u-head-approval', name: '邢丽华', role: 'dept_head', title: '行政审批服务中心主任', phone: '15595845752', departmentId: 'dept-approval' },
    { id: 'u-head-safety', name: '牛建华', role: 'dept_head', title: '安全生产和生态环境办主任', phone: '18248033595', departmentId: 'dept-safety' },
    { id: 'u-head-logistics', name: '许长河', role: 'dept_head', title: '综合执法和交通物流保障办主任', phone: '15912085189', departmentId: 'dept-logistics' },
    // 包抓领导
    { id: 'u-leader-01', name: '崔永强', role: 'leader', title: '镇党委书记', phone: '13171433071' },
    { id: 'u-leader-02', name: '宋文博', role: 'leader', title: '镇长', phone: '15902131906' },
    { id: 'u-leader-03', name: '袁志明', role: 'leader', title: '沧东经济开发区管委会副主任（分管杜生工业园）', phone: '15228936900' },
    // 管理员（经济发展局督查办）
    { id: 'u-admin', name: '孟凡超', role: 'admin', title: '经济发展局督查办主任（系统管理员）', phone: '18711566583', departmentId: 'dept-econ' },
    // 尚未绑定企业的微信用户
    { id: 'u-guest', name: '新用户（未绑定）', role: 'guest', title: '未绑定企业的微信用户', phone: '15535948098' },
  ],
  enterprises: [
    {
      id: 'ent-001', name: '全丰食品有限公司（示例）', creditCode: demoCreditCode(1),
      industry: '食品', kind: '规上企业', park: '镇区', address: '沧县杜生镇兴业路18号', legalPerson: '赵全胜',
      officerId: 'u-officer-04', departmentId: 'dept-finance', leaderId: 'u-leader-02', tags: ['一般纳税人'], inviteCode: '694468',
      owner: { id: 'u-owner-001', name: '赵全胜', phone: '15610121235' },
    },
    {
      id: 'ent-002', name: '华晟药用包装有限公司（示例）', creditCode: demoCreditCode(2),
      industry: '药包材', kind: '规上企业', park: '杜生工业园', address: '沧县杜生镇杜生工业园纬二路6号', legalPerson: '王洪亮',
      officerId: 'u-officer-01', departmentId: 'dept-econ', leaderId: 'u-leader-01', tags: ['一般纳税人', '资源综合利用'], inviteCode: '683751',
      owner: { id: 'u-owner-002', name: '王洪亮', phone: '18055145600' },
    },
    {
      id: 'ent-003', name: '瑞丰药用塑料瓶厂（示例）', creditCode: demoCreditCode(3),
      industry: '药包材', kind: '小微企业', park: '镇区', address: '沧县杜生镇工业街27号', legalPerson: '张桂荣',
      officerId: 'u-officer-01', departmentId: 'dept-econ', leaderId: 'u-leader-01', inviteCode: '200504',
      owner: { id: 'u-owner-003', name: '张桂荣', phone: '15357974303' },
    },
    {
      id: 'ent-004', name: '晶华玻璃制品有限公司（示例）', creditCode: demoCreditCode(4),
      industry: '玻璃制品', kind: '小微企业', park: '沧东经济开发区', address: '沧县杜生镇沧东经济开发区经三路15号', legalPerson: '吴振兴',
      officerId: 'u-officer-12', departmentId: 'dept-safety', leaderId: 'u-leader-01', inviteCode: '939445',
      owner: { id: 'u-owner-004', name: '吴振兴', phone: '18732134769' },
    },
    {
      id: 'ent-005', name: '绿源降解材料科技有限公司（示例）', creditCode: demoCreditCode(5),
      industry: '可降解材料', kind: '小微企业', park: '杜生工业园', address: '沧县杜生镇杜生工业园纬一路9号', legalPerson: '常宏宇',
      officerId: 'u-officer-02', departmentId: 'dept-econ', leaderId: 'u-leader-01', inviteCode: '823451',
      owner: { id: 'u-owner-005', name: '常宏宇', phone: '13779744895' },
    },
    {
      id: 'ent-006', name: '宏达塑料桶厂（示例）', creditCode: demoCreditCode(6),
      industry: '塑料制品', kind: '小微企业', park: '镇区', address: '沧县杜生镇建设路41号', legalPerson: '陈树林',
      officerId: 'u-officer-02', departmentId: 'dept-econ', leaderId: 'u-leader-02', inviteCode: '699164',
      owner: { id: 'u-owner-006', name: '陈树林', phone: '13757068375' },
    },
    {
      id: 'ent-007', name: '新宇日化瓶厂（示例）', creditCode: demoCreditCode(7),
      industry: '塑料制品', kind: '小微企业', park: '镇区', address: '沧县杜生镇建设路66号', legalPerson: '杜志强',
      officerId: 'u-officer-06', departmentId: 'dept-hrss', leaderId: 'u-leader-02', inviteCode: '233754',
      owner: { id: 'u-owner-007', name: '杜志强', phone: '15079955179' },
    },
    {
      id: 'ent-008', name: '康宁医用塑料制品有限公司（示例）', creditCode: demoCreditCode(8),
      industry: '药包材', kind: '规上企业', park: '镇区', address: '沧县杜生镇商贸街88号', legalPerson: '李春和',
      officerId: 'u-officer-01', departmentId: 'dept-econ', leaderId: 'u-leader-01', tags: ['高新技术', '一般纳税人'], inviteCode: '196904',
      owner: { id: 'u-owner-008', name: '李春和', phone: '13167877239' },
    },
    {
      id: 'ent-009', name: '野趣户外用品有限公司（示例）', creditCode: demoCreditCode(9),
      industry: '塑料制品', kind: '小微企业', park: '杜生工业园', address: '沧县杜生镇杜生工业园经一路12号', legalPerson: '朱宝成',
      officerId: 'u-officer-10', departmentId: 'dept-approval', leaderId: 'u-leader-03', inviteCode: '510540',
      owner: { id: 'u-owner-009', name: '朱宝成', phone: '18053388998' },
    },
    {
      id: 'ent-010', name: '博远塑料周转箱厂（示例）', creditCode: demoCreditCode(10),
      industry: '塑料制品', kind: '小微企业', park: '杜生工业园', address: '沧县杜生镇杜生工业园纬二路20号', legalPerson: '范立国',
      officerId: 'u-officer-10', departmentId: 'dept-approval', leaderId: 'u-leader-03', inviteCode: '730296',
      owner: { id: 'u-owner-010', name: '范立国', phone: '15121660810' },
    },
    {
      id: 'ent-011', name: '仁和药业有限公司（示例）', creditCode: demoCreditCode(11),
      industry: '医药', kind: '规上企业', park: '沧东经济开发区', address: '沧县杜生镇沧东经济开发区纬四路8号', legalPerson: '霍振东',
      officerId: 'u-officer-03', departmentId: 'dept-econ', leaderId: 'u-leader-01', tags: ['高新技术', '专精特新', '一般纳税人'], inviteCode: '882776',
      owner: { id: 'u-owner-011', name: '霍思远', phone: '18533191991' },
    },
    {
      id: 'ent-012', name: '安达塑料助剂有限公司（示例）', creditCode: demoCreditCode(12),
      industry: '化工', kind: '规上企业', park: '沧东经济开发区', address: '沧县杜生镇沧东经济开发区经四路21号', legalPerson: '蒋福成',
      officerId: 'u-officer-12', departmentId: 'dept-safety', leaderId: 'u-leader-03', inviteCode: '754934',
      owner: { id: 'u-owner-012', name: '蒋福成', phone: '15965867606' },
    },
    {
      id: 'ent-013', name: '金塑改性材料有限公司（示例）', creditCode: demoCreditCode(13),
      industry: '塑料制品', kind: '规上企业', park: '沧东经济开发区', address: '沧县杜生镇沧东经济开发区纬三路16号', legalPerson: '贾松林',
      officerId: 'u-officer-08', departmentId: 'dept-land', leaderId: 'u-leader-03', tags: ['高新技术', '科技型中小企业', '一般纳税人'], inviteCode: '896125',
      owner: { id: 'u-owner-013', name: '贾明轩', phone: '18709880059' },
    },
    {
      id: 'ent-014', name: '固德新型建材有限公司（示例）', creditCode: demoCreditCode(14),
      industry: '建材', kind: '小微企业', park: '沧东经济开发区', address: '沧县杜生镇沧东经济开发区经五路7号', legalPerson: '任国泰',
      officerId: 'u-officer-08', departmentId: 'dept-land', leaderId: 'u-leader-03', inviteCode: '461362',
      owner: { id: 'u-owner-014', name: '任国泰', phone: '18268033152' },
    },
    {
      id: 'ent-015', name: '清源环保科技有限公司（示例）', creditCode: demoCreditCode(15),
      industry: '化工', kind: '小微企业', park: '沧东经济开发区', address: '沧县杜生镇沧东经济开发区经四路35号', legalPerson: '白晓峰',
      officerId: 'u-officer-13', departmentId: 'dept-safety', leaderId: 'u-leader-03', inviteCode: '503483',
      owner: { id: 'u-owner-015', name: '白晓峰', phone: '13385989503' },
    },
    {
      id: 'ent-016', name: '众合包装制品有限公司（示例）', creditCode: demoCreditCode(16),
      industry: '药包材', kind: '小微企业', park: '杜生工业园', address: '沧县杜生镇杜生工业园经二路5号', legalPerson: '林玉清',
      officerId: 'u-officer-09', departmentId: 'dept-land', leaderId: 'u-leader-03', inviteCode: '308215',
      owner: { id: 'u-owner-016', name: '林玉清', phone: '13620761826' },
    },
    {
      id: 'ent-017', name: '明达塑钢门窗厂（示例）', creditCode: demoCreditCode(17),
      industry: '建材', kind: '小微企业', park: '杜生工业园', address: '沧县杜生镇杜生工业园经二路17号', legalPerson: '唐建国',
      officerId: 'u-officer-09', departmentId: 'dept-land', leaderId: 'u-leader-03', inviteCode: '507936',
      owner: { id: 'u-owner-017', name: '唐建国', phone: '15839887708' },
    },
    {
      id: 'ent-018', name: '启航新材料有限公司（示例）', creditCode: demoCreditCode(18),
      industry: '新材料', kind: '小微企业', park: '沧东经济开发区', address: '沧县杜生镇沧东经济开发区纬三路28号', legalPerson: '葛玉龙',
      officerId: 'u-officer-08', departmentId: 'dept-land', leaderId: 'u-leader-03', inviteCode: '488915',
      owner: { id: 'u-owner-018', name: '葛玉龙', phone: '15614058935' },
    },
    {
      id: 'ent-019', name: '信诚检测技术有限公司（示例）', creditCode: demoCreditCode(19),
      industry: '检测服务', kind: '小微企业', park: '杜生工业园', address: '沧县杜生镇杜生工业园纬一路23号', legalPerson: '苏文军',
      officerId: 'u-officer-11', departmentId: 'dept-approval', leaderId: 'u-leader-03', inviteCode: '141114',
      owner: { id: 'u-owner-019', name: '苏文军', phone: '18607676191' },
    },
    {
      id: 'ent-020', name: '智成模具有限公司（示例）', creditCode: demoCreditCode(20),
      industry: '机械制造', kind: '小微企业', park: '杜生工业园', address: '沧县杜生镇杜生工业园经一路30号', legalPerson: '曹永森',
      officerId: 'u-officer-11', departmentId: 'dept-approval', leaderId: 'u-leader-03', inviteCode: '642914',
      owner: { id: 'u-owner-020', name: '曹永森', phone: '13392829101' },
    },
    {
      id: 'ent-021', name: '坚固钢结构有限公司（示例）', creditCode: demoCreditCode(21),
      industry: '建材', kind: '规上企业', park: '沧东经济开发区', address: '沧县杜生镇沧东经济开发区经五路19号', legalPerson: '鲍春生',
      officerId: 'u-officer-14', departmentId: 'dept-logistics', leaderId: 'u-leader-01', inviteCode: '288129',
      owner: { id: 'u-owner-021', name: '鲍春生', phone: '15824166598' },
    },
    {
      id: 'ent-022', name: '畅达商品混凝土有限公司（示例）', creditCode: demoCreditCode(22),
      industry: '建材', kind: '规上企业', park: '沧东经济开发区', address: '沧县杜生镇沧东经济开发区经五路23号', legalPerson: '齐志国',
      officerId: 'u-officer-14', departmentId: 'dept-logistics', leaderId: 'u-leader-01', inviteCode: '361973',
      owner: { id: 'u-owner-022', name: '齐志国', phone: '13053131510' },
    },
    {
      id: 'ent-023', name: '通达物流有限公司（示例）', creditCode: demoCreditCode(23),
      industry: '物流', kind: '物流企业', park: '镇区', address: '沧县杜生镇物流园路2号', legalPerson: '潘立群',
      officerId: 'u-officer-14', departmentId: 'dept-logistics', leaderId: 'u-leader-02', inviteCode: '800827',
      owner: { id: 'u-owner-023', name: '潘立群', phone: '18814992564' },
    },
    {
      id: 'ent-024', name: '顺畅货运有限公司（示例）', creditCode: demoCreditCode(24),
      industry: '物流', kind: '物流企业', park: '镇区', address: '沧县杜生镇物流园路9号', legalPerson: '谢东升',
      officerId: 'u-officer-05', departmentId: 'dept-finance', leaderId: 'u-leader-02', inviteCode: '302305',
      owner: { id: 'u-owner-024', name: '谢东升', phone: '15561437911' },
    },
    {
      id: 'ent-025', name: '华光玻璃制品有限公司（示例）', creditCode: demoCreditCode(25),
      industry: '玻璃制品', kind: '规上企业', park: '镇区', address: '沧县杜生镇振兴路52号', legalPerson: '邓宝华',
      officerId: 'u-officer-13', departmentId: 'dept-safety', leaderId: 'u-leader-01', inviteCode: '145369',
      owner: { id: 'u-owner-025', name: '邓宝华', phone: '15892294797' },
    },
    {
      id: 'ent-026', name: '明珠药用玻璃瓶厂（示例）', creditCode: demoCreditCode(26),
      industry: '玻璃制品', kind: '小微企业', park: '镇区', address: '沧县杜生镇振兴路77号', legalPerson: '石春明',
      officerId: 'u-officer-12', departmentId: 'dept-safety', leaderId: 'u-leader-02', inviteCode: '819132',
      owner: { id: 'u-owner-026', name: '石春明', phone: '15693535513' },
    },
    {
      id: 'ent-027', name: '瑞康药用包装有限公司（示例）', creditCode: demoCreditCode(27),
      industry: '药包材', kind: '规上企业', park: '杜生工业园', address: '沧县杜生镇杜生工业园纬二路31号', legalPerson: '黄振江',
      officerId: 'u-officer-03', departmentId: 'dept-econ', leaderId: 'u-leader-01', tags: ['专精特新', '一般纳税人'], inviteCode: '956466',
      owner: { id: 'u-owner-027', name: '黄振江', phone: '13520162943' },
    },
    {
      id: 'ent-028', name: '康泰医用塑料制品厂（示例）', creditCode: demoCreditCode(28),
      industry: '药包材', kind: '小微企业', park: '镇区', address: '沧县杜生镇民生路15号', legalPerson: '胡秀兰',
      officerId: 'u-officer-07', departmentId: 'dept-hrss', leaderId: 'u-leader-02', inviteCode: '439152',
      owner: { id: 'u-owner-028', name: '胡秀兰', phone: '13549810739' },
    },
    {
      id: 'ent-029', name: '恒益中空吹塑制品有限公司（示例）', creditCode: demoCreditCode(29),
      industry: '塑料制品', kind: '规上企业', park: '杜生工业园', address: '沧县杜生镇杜生工业园经一路3号', legalPerson: '彭立恒',
      officerId: 'u-officer-02', departmentId: 'dept-econ', leaderId: 'u-leader-01', tags: ['一般纳税人', '外贸'], inviteCode: '812007',
      owner: { id: 'u-owner-029', name: '彭立恒', phone: '18256965359' },
    },
    {
      id: 'ent-030', name: '博宇塑料机械有限公司（示例）', creditCode: demoCreditCode(30),
      industry: '机械制造', kind: '小微企业', park: '沧东经济开发区', address: '沧县杜生镇沧东经济开发区纬四路26号', legalPerson: '董宇航',
      officerId: 'u-officer-03', departmentId: 'dept-econ', leaderId: 'u-leader-03', inviteCode: '292302',
      owner: { id: 'u-owner-030', name: '董宇航', phone: '15594275891' },
    },
    {
      id: 'ent-031', name: '德润食品有限公司（示例）', creditCode: demoCreditCode(31),
      industry: '食品', kind: '小微企业', park: '镇区', address: '沧县杜生镇兴业路45号', legalPerson: '罗建平',
      officerId: 'u-officer-04', departmentId: 'dept-finance', leaderId: 'u-leader-02', inviteCode: '471559',
      owner: { id: 'u-owner-031', name: '罗建平', phone: '18030106315' },
    },
    {
      id: 'ent-032', name: '绿丰现代农业科技有限公司（示例）', creditCode: demoCreditCode(32),
      industry: '现代农业', kind: '小微企业', park: '镇区', address: '沧县杜生镇民生路108号', legalPerson: '梁玉山',
      officerId: 'u-officer-05', departmentId: 'dept-finance', leaderId: 'u-leader-02', inviteCode: '276213',
      owner: { id: 'u-owner-032', name: '梁玉山', phone: '15560498386' },
    },
    {
      id: 'ent-033', name: '红星塑料瓶盖加工部（示例）', creditCode: demoCreditCode(33, 'individual'),
      industry: '塑料制品', kind: '个体工商户', park: '镇区', address: '沧县杜生镇工业街9号', legalPerson: '侯淑珍',
      officerId: 'u-officer-07', departmentId: 'dept-hrss', leaderId: 'u-leader-02', inviteCode: '690601',
      owner: { id: 'u-owner-033', name: '侯淑珍', phone: '15837923184' },
    },
    {
      id: 'ent-034', name: '王记熟食店（示例）', creditCode: demoCreditCode(34, 'individual'),
      industry: '食品', kind: '个体工商户', park: '镇区', address: '沧县杜生镇商贸街16号', legalPerson: '王德福',
      officerId: 'u-officer-04', departmentId: 'dept-finance', leaderId: 'u-leader-02', inviteCode: '550326',
      owner: { id: 'u-owner-034', name: '王德福', phone: '18716350301' },
    },
    {
      id: 'ent-035', name: '福来玻璃工艺品加工部（示例）', creditCode: demoCreditCode(35, 'individual'),
      industry: '玻璃制品', kind: '个体工商户', park: '镇区', address: '沧县杜生镇振兴路12号', legalPerson: '秦来福',
      officerId: 'u-officer-06', departmentId: 'dept-hrss', leaderId: 'u-leader-02', inviteCode: '648725',
      owner: { id: 'u-owner-035', name: '秦来福', phone: '18956729060' },
    },
    {
      id: 'ent-036', name: '丰收农资经销部（示例）', creditCode: demoCreditCode(36, 'individual'),
      industry: '现代农业', kind: '个体工商户', park: '镇区', address: '沧县杜生镇民生路36号', legalPerson: '程国庆',
      officerId: 'u-officer-05', departmentId: 'dept-finance', leaderId: 'u-leader-02', inviteCode: '129516',
      owner: { id: 'u-owner-036', name: '程国庆', phone: '13691405176' },
    },
  ],
}
