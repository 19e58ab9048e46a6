/** What an appeal is about. Routing to a department is data (routing_rules), keyed by these. */
export const APPEAL_CATEGORIES = [
  '融资',
  '用工',
  '政策兑现',
  '用地规划',
  '审批手续',
  '水电气路',
  '物流通行',
  '安全环保',
  '市场拓展',
  '其他',
] as const
export type AppealCategory = (typeof APPEAL_CATEGORIES)[number]

/** Where an appeal came from: filed by the owner, found on a visit, at the exhibition, or a proxy-service request. */
export const APPEAL_SOURCES = ['owner', 'visit', 'exhibition', 'proxy'] as const
export type AppealSource = (typeof APPEAL_SOURCES)[number]
