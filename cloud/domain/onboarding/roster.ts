import { CREDIT_CODE_MESSAGES, creditCodeProblem } from '../credit-code'
import { ENTERPRISE_KINDS, ENTERPRISE_TAGS, type EnterpriseKind } from '../policy-match'

/**
 * The enterprise roster (企业名录) as a workbook: its columns, and the check every row passes before
 * anything is written. Pure: the people a row may name are handed in.
 */
export const ROSTER_COLUMNS = [
  { key: 'name', title: '企业名称', required: true, width: 30, note: '营业执照上的名称' },
  { key: 'creditCode', title: '统一社会信用代码', required: true, width: 22, note: '18 位，本列须为“文本”格式，系统会核对校验位' },
  { key: 'kind', title: '企业类型', required: true, width: 12, note: '规上企业、小微企业、个体工商户、物流企业、货车司机 之一' },
  { key: 'industry', title: '行业', required: true, width: 12, note: '如 食品、药包材、塑料制品' },
  { key: 'park', title: '园区或道路', required: true, width: 14, note: '所在园区，或不在园区时所在的道路或片区' },
  { key: 'address', title: '详细地址', required: false, width: 28, note: '门牌号等' },
  { key: 'legalPerson', title: '法定代表人', required: false, width: 10, note: '' },
  {
    key: 'tags',
    title: '资质',
    required: false,
    width: 20,
    note: '高新技术、专精特新、科技型中小企业、一般纳税人、外贸、资源综合利用，多个用顿号分开',
  },
  { key: 'contactName', title: '联系人', required: false, width: 10, note: '企业的日常联系人' },
  { key: 'contactPhone', title: '联系人手机', required: false, width: 14, note: '11 位手机号' },
  { key: 'officer', title: '驻企特派员', required: true, width: 14, note: '姓名或手机号，须已在“人员管理”里添加' },
  { key: 'leader', title: '包抓领导', required: false, width: 14, note: '姓名或手机号，须已在“人员管理”里添加' },
] as const
export type RosterKey = (typeof ROSTER_COLUMNS)[number]['key']

/** At most this many enterprises in one workbook (a county has a few thousand). */
export const ROSTER_MAX_ROWS = 5000

/** The spreadsheet's column letter of the n-th column (0 → A). */
export const columnLetter = (index: number): string =>
  index < 26 ? String.fromCharCode(65 + index) : columnLetter(Math.floor(index / 26) - 1) + columnLetter(index % 26)

/** A person a row may name as its officer or leader, by name or by phone. */
export interface RosterPerson {
  id: string
  name: string
  phone: string
  role: 'officer' | 'leader'
}

/** One good row, ready to write. */
export interface RosterRow {
  /** The sheet's row number (the header is row 1). */
  row: number
  name: string
  creditCode: string
  kind: EnterpriseKind
  industry: string
  park: string
  address: string
  legalPerson: string
  tags: string[]
  contactName: string
  contactPhone: string
  officerId: string
  leaderId: string | null
}

/** A problem found, where it is: the sheet's row and column, in Chinese. */
export interface RosterProblem {
  row: number
  /** The column's title, or null for the whole row or file. */
  column: string | null
  /** A1-style column letter, when there is a column. */
  letter: string | null
  message: string
}

export type Cell = string | number | boolean | Date | null | undefined

const MOBILE = /^1\d{10}$/
const SEPARATORS = /[、,，;；\s]+/

/** A cell as text, trimmed; Excel's numbers back to their digits. */
function text(cell: Cell): string {
  if (cell === null || cell === undefined) return ''
  if (cell instanceof Date) return cell.toISOString().slice(0, 10)
  return String(cell).trim()
}

/** Finds a person by phone (exact) or name (exact, and only one of that name). */
function findPerson(people: RosterPerson[], role: RosterPerson['role'], value: string): { id: string } | { problem: string } {
  const label = role === 'officer' ? '驻企特派员' : '包抓领导'
  const digits = value.replace(/\D/g, '')
  const ofRole = people.filter((p) => p.role === role)
  if (MOBILE.test(digits) && digits === value.replace(/[\s-]/g, '')) {
    const byPhone = ofRole.find((p) => p.phone === digits)
    return byPhone ? { id: byPhone.id } : { problem: `找不到手机号为 ${digits} 的${label}，请先在“人员管理”里添加` }
  }
  const byName = ofRole.filter((p) => p.name === value)
  if (byName.length === 1) return { id: byName[0].id }
  if (byName.length > 1) return { problem: `有 ${byName.length} 位名叫「${value}」的${label}，请改填手机号` }
  return { problem: `找不到名叫「${value}」的${label}，请核对姓名或改填手机号；新同事请先在“人员管理”里添加` }
}

/**
 * Reads the sheet (first row: the column titles, in any order) into rows to write and problems by
 * row and column. A workbook with any problem writes nothing, so every problem is reported at once.
 */
export function validateRoster(sheet: Cell[][], people: RosterPerson[]): { rows: RosterRow[]; problems: RosterProblem[] } {
  const problems: RosterProblem[] = []
  const header = (sheet[0] ?? []).map(text)
  const at = new Map<RosterKey, number>()
  for (const column of ROSTER_COLUMNS) {
    const index = header.indexOf(column.title)
    if (index >= 0) at.set(column.key, index)
    else if (column.required)
      problems.push({ row: 1, column: column.title, letter: null, message: `缺少「${column.title}」列，请用模板的表头` })
  }
  if (problems.length) return { rows: [], problems }

  const body = sheet.slice(1)
  const lastFilled = body.reduce((last, cells, i) => (cells.some((c) => text(c) !== '') ? i : last), -1)
  const dataRows = body.slice(0, lastFilled + 1)
  if (dataRows.length === 0)
    return { rows: [], problems: [{ row: 2, column: null, letter: null, message: '表格里没有企业，请从第 2 行起每行填一家' }] }
  if (dataRows.length > ROSTER_MAX_ROWS)
    return {
      rows: [],
      problems: [
        { row: ROSTER_MAX_ROWS + 2, column: null, letter: null, message: `一次最多导入 ${ROSTER_MAX_ROWS} 家企业，请分成几个文件` },
      ],
    }

  const rows: RosterRow[] = []
  const seen = new Map<string, number>()
  dataRows.forEach((cells, i) => {
    const row = i + 2
    if (cells.every((c) => text(c) === '')) return
    const rowProblems: RosterProblem[] = []
    const problem = (key: RosterKey, message: string) => {
      const index = at.get(key)!
      const title = ROSTER_COLUMNS.find((c) => c.key === key)!.title
      rowProblems.push({ row, column: title, letter: columnLetter(index), message })
    }
    const raw = (key: RosterKey): Cell => (at.has(key) ? cells[at.get(key)!] : undefined)
    const value = (key: RosterKey) => text(raw(key))
    const required = (key: RosterKey, max: number) => {
      const v = value(key)
      if (!v) problem(key, '不能为空')
      else if (v.length > max) problem(key, `不能超过 ${max} 个字`)
      return v
    }
    const optional = (key: RosterKey, max: number) => {
      const v = value(key)
      if (v.length > max) problem(key, `不能超过 ${max} 个字`)
      return v
    }

    const name = required('name', 60)
    let creditCode = ''
    if (typeof raw('creditCode') === 'number') {
      problem('creditCode', 'Excel 把代码当成了数字（末几位会丢失），请把这一列设为“文本”后重新填写')
    } else {
      creditCode = value('creditCode').toUpperCase().replace(/\s/g, '')
      const codeProblem = creditCode ? creditCodeProblem(creditCode) : null
      if (!creditCode) problem('creditCode', '不能为空')
      else if (codeProblem) problem('creditCode', CREDIT_CODE_MESSAGES[codeProblem])
      else if (seen.has(creditCode)) problem('creditCode', `与第 ${seen.get(creditCode)} 行的代码重复`)
      else seen.set(creditCode, row)
    }
    const kind = value('kind')
    if (!kind) problem('kind', '不能为空')
    else if (!(ENTERPRISE_KINDS as readonly string[]).includes(kind)) problem('kind', `应为 ${ENTERPRISE_KINDS.join('、')} 之一`)
    const industry = required('industry', 20)
    const park = required('park', 30)
    const address = optional('address', 60)
    const legalPerson = optional('legalPerson', 20)
    const tags = value('tags').split(SEPARATORS).filter(Boolean)
    const unknownTags = tags.filter((t) => !(ENTERPRISE_TAGS as readonly string[]).includes(t))
    if (unknownTags.length) problem('tags', `不认识「${unknownTags.join('、')}」，可填：${ENTERPRISE_TAGS.join('、')}，多个用顿号分开`)
    const contactName = optional('contactName', 20)
    const contactPhone = value('contactPhone').replace(/[\s-]/g, '')
    if (contactPhone && !MOBILE.test(contactPhone)) problem('contactPhone', '应为 11 位手机号')

    let officerId = ''
    const officer = value('officer')
    if (!officer) problem('officer', '不能为空，请填特派员的姓名或手机号')
    else {
      const found = findPerson(people, 'officer', officer)
      if ('problem' in found) problem('officer', found.problem)
      else officerId = found.id
    }
    let leaderId: string | null = null
    const leader = value('leader')
    if (leader) {
      const found = findPerson(people, 'leader', leader)
      if ('problem' in found) problem('leader', found.problem)
      else leaderId = found.id
    }

    if (rowProblems.length) problems.push(...rowProblems)
    else
      rows.push({
        row,
        name,
        creditCode,
        kind: kind as EnterpriseKind,
        industry,
        park,
        address,
        legalPerson,
        tags: [...new Set(tags)],
        contactName,
        contactPhone,
        officerId,
        leaderId,
      })
  })
  return { rows, problems }
}

/** A problem as one line: 第 3 行 B 列「统一社会信用代码」：校验位不正确. */
export function describeProblem(p: RosterProblem): string {
  const where = p.column ? `${p.letter ? ` ${p.letter} 列` : ''}「${p.column}」` : ''
  return `第 ${p.row} 行${where}：${p.message}`
}
