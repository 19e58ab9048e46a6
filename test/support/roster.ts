import writeXlsxFile from 'write-excel-file/node'
import { ROSTER_COLUMNS } from '../../cloud/domain/onboarding/roster'
import { makeCreditCode } from './factories'

/** A roster row by the template's column titles; a column left out is left empty. */
export type RosterRowSpec = Partial<Record<(typeof ROSTER_COLUMNS)[number]['title'], string | number>>

/** An .xlsx workbook of roster rows under the template's header, as base64 (what roster.import takes). */
export async function rosterWorkbook(
  rows: RosterRowSpec[],
  { header = ROSTER_COLUMNS.map((c) => c.title) as string[] } = {},
): Promise<string> {
  const data = [
    header.map((title) => ({ value: title })),
    ...rows.map((row) => header.map((title) => cellOf(row[title as keyof RosterRowSpec]))),
  ]
  return (await writeXlsxFile(data).toBuffer()).toString('base64')
}

function cellOf(value: string | number | undefined) {
  if (value === undefined || value === '') return null
  return typeof value === 'number' ? { value, type: Number } : { value, type: String }
}

const INDUSTRIES = ['食品', '药包材', '塑料制品', '机械制造', '物流', '玻璃制品', '可降解材料', '化工']
const KINDS = ['规上企业', '小微企业', '个体工商户', '物流企业']
const PARKS = ['新区产业园', '镇区', '东环路', '纬二路']

/**
 * `n` made-up enterprises of a town, each with a valid credit code of its own (division 139900,
 * which does not exist), covered by the named officers in turn and led by the named leader.
 */
export function rosterOf(n: number, officers: string[], leader?: string, { prefix = '新区' } = {}): RosterRowSpec[] {
  return Array.from({ length: n }, (_, i) => {
    const kind = KINDS[i % KINDS.length]
    return {
      企业名称: `${prefix}测试企业${String(i + 1).padStart(3, '0')}有限公司`,
      统一社会信用代码: makeCreditCode({ soleTrader: kind === '个体工商户' }),
      企业类型: kind,
      行业: INDUSTRIES[i % INDUSTRIES.length],
      园区或道路: PARKS[i % PARKS.length],
      详细地址: `${PARKS[i % PARKS.length]}${i + 1}号`,
      法定代表人: `法人${i + 1}`,
      资质: i % 5 === 0 ? '一般纳税人、高新技术' : '',
      联系人: `联系人${i + 1}`,
      联系人手机: `1370000${String(i).padStart(4, '0')}`,
      驻企特派员: officers[i % officers.length],
      ...(leader ? { 包抓领导: leader } : {}),
    }
  })
}
