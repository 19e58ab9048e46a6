import type { UserRow } from '../../cloud/store/repositories/users'
import type { EnterpriseRow } from '../../cloud/store/repositories/enterprises'
import type { PolicyRow } from '../../cloud/store/repositories/policies'
import { creditCodeCheckChar } from '../../cloud/domain/credit-code'

let counter = 0
const next = () => ++counter

/** A valid credit code that differs on every call. */
export function makeCreditCode(): string {
  const serial = String(next()).padStart(9, '0')
  const first17 = `91130921${serial}`
  return first17 + creditCodeCheckChar(first17)
}

export function makeUser(overrides: Partial<UserRow> = {}): UserRow {
  const n = next()
  return {
    id: `u-test-${n}`,
    name: `测试用户${n}`,
    role: 'owner',
    title: '',
    phone: '13800000000',
    department_id: null,
    enterprise_id: null,
    openid: null,
    created_at: 0,
    ...overrides,
  }
}

export function makeEnterprise(overrides: Partial<EnterpriseRow> = {}): EnterpriseRow {
  const n = next()
  return {
    id: `ent-test-${n}`,
    name: `测试企业${n}有限公司`,
    credit_code: makeCreditCode(),
    industry: '塑料制品',
    kind: '小微企业',
    park: '杜生工业园',
    address: '沧县杜生镇',
    legal_person: '张三',
    officer_id: null,
    department_id: null,
    leader_id: null,
    invite_code: '123456',
    tags: '[]',
    team: '',
    checkin_code: `code-${n}`,
    created_at: 0,
    ...overrides,
  }
}

export function makePolicy(overrides: Partial<PolicyRow> = {}): PolicyRow {
  const n = next()
  return {
    id: `pol-test-${n}`,
    title: `测试政策${n}`,
    issuer: '沧县人民政府',
    doc_no: null,
    category: '税费',
    summary: '一句话看懂：测试用的政策',
    body: '## 谁能享受\n所有企业',
    industries: '[]',
    kinds: '[]',
    tags: '[]',
    enterprise_tags: '[]',
    published_at: '2022-06-01',
    effective_from: '2022-06-01',
    expires_at: null,
    status: 'published',
    created_at: 0,
    updated_at: 0,
    ...overrides,
  }
}
