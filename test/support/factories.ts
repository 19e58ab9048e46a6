import { randomBytes } from 'node:crypto'
import type { Role } from '../../cloud/domain/roles'
import { ROLE_LABELS } from '../../cloud/domain/roles'
import { creditCodeCheckChar } from '../../cloud/domain/credit-code'
import { newSceneCode } from '../../cloud/domain/expo-scene'
import type { DepartmentRow } from '../../cloud/store/repositories/departments'
import type { EnterpriseRow } from '../../cloud/store/repositories/enterprises'
import type { ExhibitionRow, ExhibitorRow } from '../../cloud/store/repositories/exhibitions'
import type { PolicyRow } from '../../cloud/store/repositories/policies'
import type { UserRow } from '../../cloud/store/repositories/users'
import type { MilestoneRow } from '../../cloud/store/repositories/visits'

/**
 * Rows for tests, each valid as it is and different on every call; a test names what matters to it
 * and leaves the rest: `makeEnterprise({ kind: '小微企业' })`, `makeOfficer({ department_id })`.
 * Insert them with the store's repositories (insertUser, insertEnterprise …) or as a town
 * (test/support/town.ts). Times default to 0; a seeding function stamps its clock's time.
 */

let counter = 0
const next = () => ++counter
const pad = (n: number, width: number) => String(n).padStart(width, '0')

/**
 * The administrative division in positions 3–8 of the test credit codes: 1399xx is not a county of
 * 河北 (or anywhere), so no code made here can be a real registration.
 */
export const TEST_DIVISION = '139900'

/**
 * A valid GB 32100 credit code that differs on every call, in a division that does not exist: an
 * enterprise's (registered by 工商, type 1) or, with `soleTrader`, an individual business's (type 2).
 */
export function makeCreditCode({ soleTrader = false } = {}): string {
  const first17 = `9${soleTrader ? '2' : '1'}${TEST_DIVISION}${pad(next(), 9)}`
  return first17 + creditCodeCheckChar(first17)
}

/** A mobile number no two calls share (13 followed by nine digits), so a test can look for it in output. */
export function makePhone(): string {
  return `136${pad(next(), 8)}`
}

/** Twelve URL-safe characters, as the enterprise's own check-in code is. */
export function makeCheckinCode(): string {
  return randomBytes(9).toString('base64url')
}

/** An eight-character expo code (entrance or booth), as domain/expo-scene.ts makes them. */
export function makeSceneCode(): string {
  return newSceneCode((n) => randomBytes(n))
}

export function makeDepartment(overrides: Partial<DepartmentRow> = {}): DepartmentRow {
  const n = next()
  return {
    id: `dept-test-${n}`,
    name: `测试部门${n}`,
    remit: '负责测试用的企业诉求。',
    sort_order: n,
    ...overrides,
  }
}

export function makeUser(overrides: Partial<UserRow> = {}): UserRow {
  const n = next()
  return {
    id: `u-test-${n}`,
    name: `测试用户${n}`,
    role: 'owner',
    title: '',
    phone: makePhone(),
    department_id: null,
    enterprise_id: null,
    openid: null,
    created_at: 0,
    deactivated_at: null,
    primary_owner: 0,
    owner_since: null,
    ...overrides,
  }
}

/** A member of staff of the role, titled by it unless told otherwise. */
export function makeStaff(role: Exclude<Role, 'owner' | 'guest'>, overrides: Partial<UserRow> = {}): UserRow {
  return makeUser({ role, title: ROLE_LABELS[role], ...overrides })
}

/** 驻企特派员. Give a `department_id`: officers belong to one. */
export const makeOfficer = (overrides: Partial<UserRow> = {}) => makeStaff('officer', overrides)
/** 部门负责人. Give a `department_id`: a head heads one. */
export const makeHead = (overrides: Partial<UserRow> = {}) => makeStaff('dept_head', overrides)
/** 包抓领导: town-wide, in no department. */
export const makeLeader = (overrides: Partial<UserRow> = {}) => makeStaff('leader', overrides)
export const makeAdmin = (overrides: Partial<UserRow> = {}) => makeStaff('admin', overrides)

/** A WeChat user not bound to any enterprise yet. */
export function makeGuest(overrides: Partial<UserRow> = {}): UserRow {
  return makeUser({ role: 'guest', title: '未绑定企业的微信用户', ...overrides })
}

/**
 * The person who speaks for the enterprise (企业用户), bound to it: its primary owner unless told
 * otherwise (`primary_owner: 0` for a co-owner; an enterprise has at most one primary owner).
 */
export function makeOwner(enterprise: Pick<EnterpriseRow, 'id' | 'name'>, overrides: Partial<UserRow> = {}): UserRow {
  return makeUser({
    role: 'owner',
    title: `${enterprise.name} 负责人`,
    enterprise_id: enterprise.id,
    primary_owner: 1,
    owner_since: 0,
    ...overrides,
  })
}

/** An enterprise with a valid credit code of its kind (个体工商户 are registered as type 2). */
export function makeEnterprise(overrides: Partial<EnterpriseRow> = {}): EnterpriseRow {
  const n = next()
  return {
    id: `ent-test-${n}`,
    name: `测试企业${n}有限公司`,
    credit_code: makeCreditCode({ soleTrader: overrides.kind === '个体工商户' }),
    industry: '塑料制品',
    kind: '小微企业',
    park: '测试产业园',
    address: `测试镇测试路${n}号`,
    legal_person: '张三',
    officer_id: null,
    department_id: null,
    leader_id: null,
    tags: '[]',
    team: '',
    checkin_code: makeCheckinCode(),
    created_at: 0,
    deactivated_at: null,
    contact_name: '',
    contact_phone: '',
    ...overrides,
  }
}

export function makePolicy(overrides: Partial<PolicyRow> = {}): PolicyRow {
  const n = next()
  return {
    id: `pol-test-${n}`,
    title: `测试政策${n}`,
    issuer: '测试县人民政府',
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

/** An exhibition with its entrance code; dates are Beijing days. */
export function makeExhibition(overrides: Partial<ExhibitionRow> = {}): ExhibitionRow {
  const n = next()
  return {
    id: `expo-test-${n}`,
    code: makeSceneCode(),
    name: `测试展览会${n}`,
    theme: '',
    venue: '测试会展中心',
    starts_on: '2026-03-02',
    ends_on: '2026-03-04',
    halls: '[]',
    booth_count: 100,
    area_m2: 1000,
    forum: '[]',
    featured_policy_ids: '[]',
    created_at: 0,
    updated_at: 0,
    ...overrides,
  }
}

/** A booth of an exhibition: a firm from elsewhere unless given an `enterprise_id`. */
export function makeExhibitor(exhibitionId: string, overrides: Partial<ExhibitorRow> = {}): ExhibitorRow {
  const n = next()
  const boothNo = overrides.booth_no ?? `T${pad(n, 3)}`
  return {
    id: `${exhibitionId}-${boothNo.toLowerCase()}`,
    exhibition_id: exhibitionId,
    code: makeSceneCode(),
    enterprise_id: null,
    name: `外地测试展商${n}`,
    booth_no: boothNo,
    hall: '1号馆',
    products: '["测试产品"]',
    intro: '',
    contact_name: `联系人${n}`,
    contact_phone: makePhone(),
    free_zone: 0,
    wxacode_file_id: null,
    created_at: 0,
    updated_at: 0,
    ...overrides,
  }
}

/** A milestone of an enterprise's plan (一企一策), open unless given `done_at`. */
export function makeMilestone(enterpriseId: string, createdBy: string, overrides: Partial<MilestoneRow> = {}): MilestoneRow {
  const n = next()
  return {
    id: `ms-test-${n}`,
    enterprise_id: enterpriseId,
    title: `测试节点${n}`,
    due_on: '2026-03-20',
    done_at: null,
    note: '',
    created_by: createdBy,
    created_at: 0,
    updated_at: 0,
    ...overrides,
  }
}
