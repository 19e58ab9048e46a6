import type { AppealCategory } from '../cloud/domain/appeal/categories'

/**
 * Where an appeal of each category goes first (派单规则). The enterprise's own officer is the default
 * handler; this names the department that answers for the category. Every category must appear.
 */
export const routing: Record<AppealCategory, string> = {
  融资: 'dept-finance',
  用工: 'dept-hrss',
  政策兑现: 'dept-econ',
  用地规划: 'dept-land',
  审批手续: 'dept-approval',
  水电气路: 'dept-logistics',
  物流通行: 'dept-logistics',
  安全环保: 'dept-safety',
  市场拓展: 'dept-econ',
  其他: 'dept-econ',
}
