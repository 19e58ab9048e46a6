import type { ServiceItem } from '../cloud/domain/service-catalogue'

/** The 帮办代办 catalogue (自然人, 法人, 工程建设). */
export const serviceCatalogue: ServiceItem[] = [
  {
    id: 'svc-sole-trader-registration',
    group: '自然人',
    name: '个体工商户设立登记',
    purpose: '开个小店、做点小生意，先领营业执照。',
    materials: ['经营者身份证', '经营场所使用证明（房产证或租赁合同）', '个体工商户名称和经营范围'],
    steps: ['帮办员上门或电话核对材料', '帮办员代为网上申报或到窗口提交', '审核通过后领取营业执照，可送证上门'],
    timeLimit: '以县行政审批局窗口公布的承诺时限为准，帮办员受理时告知',
    department: '沧县行政审批局',
  },
  {
    id: 'svc-company-registration',
    group: '法人',
    name: '企业设立登记',
    purpose: '新办公司，领取营业执照、刻章、申领发票一次办好。',
    materials: ['股东和法定代表人身份证', '公司名称、注册资本和经营范围', '住所使用证明', '公司章程'],
    steps: ['帮办员核对材料并指导填写', '帮办员代为提交设立登记', '执照、印章、发票一并办理，办结后送达'],
    timeLimit: '以县行政审批局窗口公布的承诺时限为准，帮办员受理时告知',
    department: '沧县行政审批局',
  },
  {
    id: 'svc-construction-permit',
    group: '工程建设',
    name: '建筑工程施工许可（含安全质量监督）',
    purpose: '项目开工前的施工许可和安全质量监督手续，合并为一个事项一次办理。',
    materials: ['用地和规划手续', '施工合同和监理合同', '施工图审查合格书', '安全和质量保证措施'],
    steps: ['帮办员提前对接项目，梳理要件', '可适用容缺受理和告知承诺制的，先受理后补齐', '帮办员代为提交，办结后送证'],
    timeLimit: '材料齐全的即时办理（两个事项合并为一个事项、10 个要件）',
    department: '沧县住房和城乡建设局',
  },
]
