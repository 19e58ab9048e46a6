import { HOUR } from './time-units'
import type { DeadlinePromise } from './appeal/deadlines'
import { APPEAL_CATEGORIES, type AppealCategory } from './appeal/categories'
import { OPEN_STATES, stateLabel } from './appeal/rules'

/**
 * Open311 GeoReport v2 (https://wiki.open311.org/GeoReport_v2): how the city's 12345 system or an
 * open-data portal reads our cases. Deps are the appeal categories; a request is an appeal
 * with the standard's fields and statuses, and nothing that identifies a person or an enterprise.
 */
export const SERVICE_CODES: Record<AppealCategory, string> = {
  融资: 'financing',
  用工: 'employment',
  政策兑现: 'policy-benefits',
  用地规划: 'land-planning',
  审批手续: 'permits',
  水电气路: 'utilities',
  物流通行: 'logistics',
  安全环保: 'safety-environment',
  市场拓展: 'market',
  其他: 'other',
}

const SERVICE_DESCRIPTIONS: Record<AppealCategory, string> = {
  融资: '贷款、担保、融资对接等企业融资诉求',
  用工: '招工、用工、社保等诉求',
  政策兑现: '惠企政策申报与奖补资金兑现',
  用地规划: '项目用地、规划许可与不动产登记',
  审批手续: '营业执照、许可证、工程建设审批手续',
  水电气路: '供水、供电、供气与道路等基础设施',
  物流通行: '货车通行与物流运输保障',
  安全环保: '安全生产与生态环境手续',
  市场拓展: '展会、订单与市场开拓',
  其他: '其他企业诉求',
}

export interface Open311Service {
  service_code: string
  service_name: string
  description: string
  metadata: false
  type: 'realtime'
  keywords: string
  group: string
}

export const open311Services = (): Open311Service[] =>
  APPEAL_CATEGORIES.map((category) => ({
    service_code: SERVICE_CODES[category],
    service_name: category,
    description: SERVICE_DESCRIPTIONS[category],
    metadata: false,
    type: 'realtime',
    keywords: category,
    group: '企业诉求',
  }))

export const categoryOfServiceCode = (code: string): AppealCategory | undefined => APPEAL_CATEGORIES.find((c) => SERVICE_CODES[c] === code)

export interface AppealForOpen311 {
  id: string
  /** 诉求编号: the number the enterprise was given, so it can find its appeal in the public list. */
  number: string
  category: string
  /** What staff wrote for the public when accepting (公开摘要); never the owner's own words. */
  public_summary: string | null
  state: string
  department: string | null
  park: string
  submitted_at: number
  updated_at: number
  due_at: number | null
}

export interface Open311Request {
  service_request_id: string
  /** Beyond the standard's fields: the 诉求编号 (2026-11-0042), the id people quote. */
  service_request_number: string
  status: 'open' | 'closed'
  status_notes: string
  service_name: string
  service_code: string
  description: string
  agency_responsible: string
  service_notice: string
  requested_datetime: string
  updated_datetime: string
  expected_datetime: string | null
  address: string
  address_id: null
  zipcode: null
  lat: null
  long: null
  media_url: null
}

/** ISO 8601 with Beijing's offset, as the standard asks (W3C format). */
export function w3cTime(ms: number): string {
  return new Date(ms + 8 * HOUR).toISOString().replace(/\.\d{3}Z$/, '+08:00')
}

/**
 * An appeal as a GeoReport request. The description is only what staff wrote for the public (or the
 * category when they wrote nothing): an owner's own words can carry names, phones in any format,
 * ID numbers, and no masking catches them all. The park is the place.
 */
export function toOpen311Request(appeal: AppealForOpen311, promise: DeadlinePromise): Open311Request {
  const category = appeal.category as AppealCategory
  const open = (OPEN_STATES as readonly string[]).includes(appeal.state)
  return {
    service_request_id: appeal.id,
    service_request_number: appeal.number,
    status: open ? 'open' : 'closed',
    status_notes: stateLabel(appeal.state),
    service_name: appeal.category,
    service_code: SERVICE_CODES[category] ?? 'other',
    description: appeal.public_summary || `${appeal.category}类企业诉求`,
    agency_responsible: appeal.department ?? '',
    service_notice: `${promise.accept}，一般诉求${promise.close}`,
    requested_datetime: w3cTime(appeal.submitted_at),
    updated_datetime: w3cTime(appeal.updated_at),
    expected_datetime: open && appeal.due_at !== null ? w3cTime(appeal.due_at) : null,
    address: appeal.park,
    address_id: null,
    zipcode: null,
    lat: null,
    long: null,
    media_url: null,
  }
}
