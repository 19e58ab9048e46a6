import { creditCodeCheckChar } from '../../cloud/domain/credit-code'
import { fixedClock } from '../../cloud/domain/clock'
import {
  ATTEMPT_LIMITS,
  attemptWindow,
  bindingCodeFrom,
  CLAIM_CODE_ALPHABET,
  claimCodeFrom,
  codeStanding,
  formatClaimCode,
  isClaimCode,
  isOverLimit,
  normaliseClaimCode,
  tooManyAttempts,
} from '../../cloud/domain/onboarding/codes'
import {
  columnLetter,
  describeProblem,
  ROSTER_COLUMNS,
  validateRoster,
  type Cell,
  type RosterPerson,
} from '../../cloud/domain/onboarding/roster'
import { handoverProblem, staffManagementProblem, staffShapeProblem, STAFF_ROLE_CHOICES } from '../../cloud/domain/onboarding/staff'
import { ROLES, type Role } from '../../cloud/domain/roles'
import { newBindingCode, newClaimCode, hashCode } from '../../cloud/store/ids'
import { relationsOf } from '../../cloud/access/appeal-relations'
import type { AppealRow } from '../../cloud/store/repositories/appeals'
import { makeCreditCode, makeUser } from '../support/factories'

describe('one-time codes', () => {
  it('a claim code is 12 characters none of which can be misread, shown in fours and read back however typed', () => {
    for (let i = 0; i < 200; i++) {
      const code = newClaimCode()
      expect(isClaimCode(code)).toBe(true)
      expect(code).not.toMatch(/[01ILO]/)
      const shown = formatClaimCode(code)
      expect(shown).toMatch(/^[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}$/)
      expect(normaliseClaimCode(` ${shown.toLowerCase()} `)).toBe(code)
    }
    expect(isClaimCode('ABCD-EFGH-JKMN')).toBe(false)
    expect(isClaimCode('ABCDEFGHJKM0')).toBe(false)
  })

  it('bytes that would favour some characters are skipped; too few usable bytes is an error, not a short code', () => {
    // 248..255 would map onto the first eight characters a second time.
    expect(claimCodeFrom(Uint8Array.from([248, 255, ...Array.from({ length: 12 }, (_, i) => i)]))).toBe(CLAIM_CODE_ALPHABET.slice(0, 12))
    expect(() => claimCodeFrom(Uint8Array.from(Array.from({ length: 20 }, () => 250)))).toThrow(RangeError)
    expect(() => bindingCodeFrom(Uint32Array.from([4_294_967_295, 4_294_967_291, 1, 2, 3]))).toThrow(RangeError)
    expect(bindingCodeFrom(Uint32Array.from([4_294_967_295, 10, 21, 32, 43, 54, 65, 76, 87]))).toBe('01234567')
  })

  it('a binding code is eight digits; over many draws every digit turns up in every place', () => {
    const seen = Array.from({ length: 8 }, () => new Set<string>())
    for (let i = 0; i < 400; i++) {
      const code = newBindingCode()
      expect(code).toMatch(/^\d{8}$/)
      ;[...code].forEach((c, at) => seen[at].add(c))
    }
    expect(seen.map((s) => s.size)).toEqual(Array(8).fill(10))
  })

  it('what is stored is a hash that depends on the kind and, for a binding code, on its enterprise', () => {
    expect(hashCode('binding', '12345678', 'ent-a')).toMatch(/^[0-9a-f]{64}$/)
    expect(hashCode('binding', '12345678', 'ent-a')).not.toBe(hashCode('binding', '12345678', 'ent-b'))
    expect(hashCode('staff', 'ABCDEFGHJKMN')).not.toBe(hashCode('setup', 'ABCDEFGHJKMN'))
    expect(hashCode('staff', 'ABCDEFGHJKMN')).not.toContain('ABCDEFGHJKMN')
  })

  it('a code is live until it is used, revoked or expires, whichever comes first', () => {
    const code = { used_at: null, revoked_at: null, expires_at: 1000 }
    expect(codeStanding(code, 999)).toBe('live')
    expect(codeStanding(code, 1000)).toBe('expired')
    expect(codeStanding({ ...code, revoked_at: 5 }, 10)).toBe('revoked')
    expect(codeStanding({ ...code, used_at: 5, revoked_at: 6 }, 2000)).toBe('used')
  })

  it('ten tries a window; the eleventh is refused with the Beijing time the window ends', () => {
    const clock = fixedClock('2026-03-02T09:17:00+08:00')
    expect(attemptWindow('bindByPerson', clock.now())).toBe(Date.parse('2026-03-02T09:00:00+08:00'))
    expect([10, 11].map((n) => isOverLimit('bindByPerson', n))).toEqual([false, true])
    expect(ATTEMPT_LIMITS.bindByEnterprise.max).toBe(10)
    const error = tooManyAttempts('bindByPerson', clock.now())
    expect(error).toMatchObject({ code: 'RATE_LIMITED', status: 429 })
    expect(error.message).toContain('请在 10:00 之后再试')
    expect(tooManyAttempts('bindByEnterprise', clock.now()).message).toMatch(/^这家企业的绑定尝试次数过多/)
    // Just before midnight the next window is tomorrow's, and says so.
    expect(tooManyAttempts('claimByPerson', Date.parse('2026-03-02T23:30:00+08:00')).message).toContain('3月3日 00:00')
  })
})

describe('who manages staff: every manager role × every staff role × own or another department', () => {
  const OWN = 'd-own'
  const OTHER = 'd-other'
  const cases = ROLES.flatMap((managerRole) =>
    STAFF_ROLE_CHOICES.flatMap((targetRole) => [OWN, OTHER].map((department) => [managerRole, targetRole, department] as const)),
  )
  it.each(cases)('%s managing a %s of %s', (managerRole, targetRole, department) => {
    const problem = staffManagementProblem(
      { id: 'm', role: managerRole as Role, departmentId: OWN },
      { role: targetRole, departmentId: department },
    )
    const allowed = managerRole === 'admin' || (managerRole === 'dept_head' && targetRole === 'officer' && department === OWN)
    if (allowed) expect(problem).toBeNull()
    else expect(problem).toMatch(/[\u4e00-\u9fa5]/)
  })

  it('officers and heads need a department; leaders and admins may do without', () => {
    expect(STAFF_ROLE_CHOICES.map((r) => [r, staffShapeProblem(r, null) !== null])).toEqual([
      ['officer', true],
      ['dept_head', true],
      ['leader', false],
      ['admin', false],
    ])
    expect(STAFF_ROLE_CHOICES.every((r) => staffShapeProblem(r, OWN) === null)).toBe(true)
  })

  it('a head without a department manages nobody', () => {
    expect(
      staffManagementProblem({ id: 'm', role: 'dept_head', departmentId: null }, { role: 'officer', departmentId: OWN }),
    ).not.toBeNull()
  })

  it('a handover goes from an officer to another open officer account', () => {
    const officer = { id: 'a', role: 'officer' as Role }
    expect(handoverProblem(officer, { id: 'b', role: 'officer', active: true })).toBeNull()
    expect(handoverProblem(officer, { id: 'a', role: 'officer', active: true })).toMatch(/同一个人/)
    expect(handoverProblem(officer, { id: 'b', role: 'dept_head', active: true })).toMatch(/驻企特派员/)
    expect(handoverProblem(officer, { id: 'b', role: 'officer', active: false })).toMatch(/停用/)
    expect(handoverProblem({ id: 'a', role: 'leader' }, { id: 'b', role: 'officer', active: true })).toMatch(/只用于驻企特派员/)
  })
})

describe('who stands how to an appeal, for the moves onboarding adds', () => {
  const appeal = { enterprise_id: 'ent-1', created_by: 'u-filer', handler_id: 'u-officer', department_id: 'd-routed' } as AppealRow
  const has = (user: ReturnType<typeof makeUser>, relation: string, context = {}) =>
    relationsOf(appeal, user, context).has(relation as never)

  it('rating (enterprise-owner): the owner who filed it, or the primary owner; never a co-owner, nor another enterprise’s primary owner', () => {
    expect(has(makeUser({ id: 'u-filer', role: 'owner', enterprise_id: 'ent-1' }), 'enterprise-owner')).toBe(true)
    expect(has(makeUser({ role: 'owner', enterprise_id: 'ent-1', primary_owner: 1 }), 'enterprise-owner')).toBe(true)
    expect(has(makeUser({ role: 'owner', enterprise_id: 'ent-1', primary_owner: 0 }), 'enterprise-owner')).toBe(false)
    expect(has(makeUser({ role: 'owner', enterprise_id: 'ent-2', primary_owner: 1 }), 'enterprise-owner')).toBe(false)
    // The filer who has since left the enterprise rates nothing.
    expect(has(makeUser({ id: 'u-filer', role: 'guest', enterprise_id: null }), 'enterprise-owner')).toBe(false)
  })

  it('handing over (staff-manager): admins, leaders, and the head of the handler’s own department', () => {
    const context = { handlerDepartmentId: 'd-officer' }
    expect(has(makeUser({ role: 'admin' }), 'staff-manager', context)).toBe(true)
    expect(has(makeUser({ role: 'leader' }), 'staff-manager', context)).toBe(true)
    expect(has(makeUser({ role: 'dept_head', department_id: 'd-officer' }), 'staff-manager', context)).toBe(true)
    // The head of the department the appeal was routed to is not the officer's manager.
    expect(has(makeUser({ role: 'dept_head', department_id: 'd-routed' }), 'staff-manager', context)).toBe(false)
    expect(has(makeUser({ role: 'dept_head', department_id: 'd-officer' }), 'staff-manager')).toBe(false)
    expect(has(makeUser({ id: 'u-officer', role: 'officer', department_id: 'd-officer' }), 'staff-manager', context)).toBe(false)
    expect(has(makeUser({ role: 'owner', enterprise_id: 'ent-1', primary_owner: 1 }), 'staff-manager', context)).toBe(false)
  })
})

describe('the roster workbook, row by row', () => {
  const people: RosterPerson[] = [
    { id: 'o1', name: '林晓禾', phone: '13600000001', role: 'officer' },
    { id: 'o2', name: '周安然', phone: '13600000002', role: 'officer' },
    { id: 'o3', name: '周安然', phone: '13600000003', role: 'officer' },
    { id: 'l1', name: '严正清', phone: '13600000009', role: 'leader' },
  ]
  const header: string[] = ROSTER_COLUMNS.map((c) => c.title)
  const at = (title: string) => header.indexOf(title)
  const row = (values: Record<string, Cell>): Cell[] => header.map((title) => values[title] ?? null)
  const good = (code = makeCreditCode()) => ({
    企业名称: '青禾示例有限公司',
    统一社会信用代码: code,
    企业类型: '小微企业',
    行业: '食品',
    园区或道路: '镇区',
    驻企特派员: '林晓禾',
  })

  it('a good row becomes what is written; names and phones find people, blank cells are empty', () => {
    const code = makeCreditCode()
    const { rows, problems } = validateRoster(
      [
        header,
        row({ ...good(code.toLowerCase()), 资质: '高新技术、一般纳税人，高新技术', 联系人手机: 13600000010, 包抓领导: '13600000009' }),
      ],
      people,
    )
    expect(problems).toEqual([])
    expect(rows).toEqual([
      {
        row: 2,
        name: '青禾示例有限公司',
        creditCode: code,
        kind: '小微企业',
        industry: '食品',
        park: '镇区',
        address: '',
        legalPerson: '',
        tags: ['高新技术', '一般纳税人'],
        contactName: '',
        contactPhone: '13600000010',
        officerId: 'o1',
        leaderId: 'l1',
      },
    ])
  })

  it('every problem is reported by row and column, in Chinese, and no row is taken when any is wrong', () => {
    const first = makeCreditCode()
    const wrongCheck = first.slice(0, 17) + (creditCodeCheckChar(first.slice(0, 17)) === '0' ? '1' : '0')
    const { rows, problems } = validateRoster(
      [
        header,
        row(good(first)),
        row({ ...good(wrongCheck) }),
        row({ ...good(), 驻企特派员: '不存在的人' }),
        row({ ...good(first) }),
        row({ ...good(), 企业名称: '' }),
        row({ ...good(), 企业类型: '大型企业', 资质: '五星' }),
        row({ ...good(), 驻企特派员: '周安然' }),
        row({ ...good(), 统一社会信用代码: Number('911399000000000546') }),
        row({ ...good(), 联系人手机: '1234', 包抓领导: '林晓禾' }),
      ],
      people,
    )
    expect(rows.map((r) => r.row)).toEqual([2])
    expect(problems.map(describeProblem)).toEqual([
      '第 3 行 B 列「统一社会信用代码」：统一社会信用代码校验位不正确，请核对后重新输入',
      '第 4 行 K 列「驻企特派员」：找不到名叫「不存在的人」的驻企特派员，请核对姓名或改填手机号；新同事请先在“人员管理”里添加',
      '第 5 行 B 列「统一社会信用代码」：与第 2 行的代码重复',
      '第 6 行 A 列「企业名称」：不能为空',
      '第 7 行 C 列「企业类型」：应为 规上企业、小微企业、个体工商户、物流企业、货车司机 之一',
      '第 7 行 H 列「资质」：不认识「五星」，可填：高新技术、专精特新、科技型中小企业、一般纳税人、外贸、资源综合利用，多个用顿号分开',
      '第 8 行 K 列「驻企特派员」：有 2 位名叫「周安然」的驻企特派员，请改填手机号',
      '第 9 行 B 列「统一社会信用代码」：Excel 把代码当成了数字（末几位会丢失），请把这一列设为“文本”后重新填写',
      '第 10 行 J 列「联系人手机」：应为 11 位手机号',
      '第 10 行 L 列「包抓领导」：找不到名叫「林晓禾」的包抓领导，请核对姓名或改填手机号；新同事请先在“人员管理”里添加',
    ])
  })

  it('columns may come in any order; a missing required column is named; an empty sheet says so', () => {
    const reordered = [...header].reverse()
    const values = good()
    const { problems } = validateRoster([reordered, reordered.map((t) => (values as Record<string, Cell>)[t] ?? null)], people)
    expect(problems).toEqual([])
    const missing = validateRoster([header.filter((t) => t !== '驻企特派员')], people)
    expect(missing.problems.map(describeProblem)).toEqual(['第 1 行「驻企特派员」：缺少「驻企特派员」列，请用模板的表头'])
    expect(validateRoster([header, [], []], people).problems.map((p) => p.message)).toEqual(['表格里没有企业，请从第 2 行起每行填一家'])
    expect(validateRoster([], people).problems.length).toBe(ROSTER_COLUMNS.filter((c) => c.required).length)
  })

  it('blank rows in the middle are skipped and keep the sheet’s numbering', () => {
    const { rows, problems } = validateRoster([header, row(good()), [], row({ ...good(), 企业名称: '' })], people)
    expect(rows.map((r) => r.row)).toEqual([2])
    expect(problems.map((p) => [p.row, p.column])).toEqual([[4, '企业名称']])
    expect(at('企业名称')).toBe(0)
  })

  it('column letters run A…Z, AA…', () => {
    expect([0, 1, 11, 25, 26, 27, 51, 52].map(columnLetter)).toEqual(['A', 'B', 'L', 'Z', 'AA', 'AB', 'AZ', 'BA'])
  })
})
