import { canViewAppeal, seesIdentity, type AppealScope, type Viewer } from '../../cloud/domain/appeal/visibility'
import { ROLES, type Role } from '../../cloud/domain/roles'

const appeal: AppealScope = {
  enterpriseId: 'ent-1',
  handlerId: 'u-handler',
  departmentId: 'dept-a',
  enterpriseOfficerId: 'u-officer-of-ent',
}

const viewer = (role: Role, overrides: Partial<Viewer> = {}): Viewer => ({
  id: 'u-x',
  role,
  enterpriseId: null,
  departmentId: null,
  ...overrides,
})

describe('who may see an appeal', () => {
  it.each<[string, Viewer, boolean]>([
    ['the owner of the enterprise', viewer('owner', { enterpriseId: 'ent-1' }), true],
    ['an owner of another enterprise', viewer('owner', { enterpriseId: 'ent-2' }), false],
    ['an owner with no enterprise', viewer('owner'), false],
    ['the handler', viewer('officer', { id: 'u-handler', departmentId: 'dept-z' }), true],
    ["the enterprise's own officer", viewer('officer', { id: 'u-officer-of-ent', departmentId: 'dept-z' }), true],
    ['an officer of the routed department', viewer('officer', { departmentId: 'dept-a' }), true],
    ['an officer elsewhere', viewer('officer', { departmentId: 'dept-z' }), false],
    ['an officer with no department', viewer('officer'), false],
    ['the head of the routed department', viewer('dept_head', { departmentId: 'dept-a' }), true],
    ['the head of another department', viewer('dept_head', { departmentId: 'dept-z' }), false],
    ['a head who holds it himself', viewer('dept_head', { id: 'u-handler', departmentId: 'dept-z' }), true],
    ['a leader', viewer('leader'), true],
    ['an admin', viewer('admin'), true],
    ['a guest, even claiming the enterprise', viewer('guest', { enterpriseId: 'ent-1' }), false],
  ])('%s: %s', (_who, v, expected) => {
    expect(canViewAppeal(appeal, v)).toBe(expected)
  })

  it('covers every role', () => {
    for (const role of ROLES) expect(typeof canViewAppeal(appeal, viewer(role))).toBe('boolean')
  })
})

describe('a complaint about staff, and an anonymous appeal', () => {
  const complaint: AppealScope = { ...appeal, handlerId: null, departmentId: null, conduct: true, accusedId: 'u-officer-of-ent' }

  it.each<[string, Viewer, boolean]>([
    ['the officer it names, though the enterprise’s own', viewer('officer', { id: 'u-officer-of-ent', departmentId: 'dept-a' }), false],
    ['the person it names, even a leader', viewer('leader', { id: 'u-officer-of-ent' }), false],
    ['the enterprise', viewer('owner', { enterpriseId: 'ent-1' }), true],
    ['an admin (the 督查 office)', viewer('admin'), true],
    ['a leader', viewer('leader'), true],
    ['the head of the enterprise’s department', viewer('dept_head', { departmentId: 'dept-a' }), false],
  ])('complaint: %s: %s', (_who, v, expected) => {
    expect(canViewAppeal(complaint, v)).toBe(expected)
  })

  it('the 纪检 department it was routed to sees it, never the person named within it', () => {
    const routed = { ...complaint, departmentId: 'dept-discipline', accusedId: 'u-discipline-officer' }
    expect(canViewAppeal(routed, viewer('dept_head', { departmentId: 'dept-discipline' }))).toBe(true)
    expect(canViewAppeal(routed, viewer('officer', { id: 'u-discipline-officer', departmentId: 'dept-discipline' }))).toBe(false)
  })

  it('anonymous: the enterprise’s officer does not follow it; the department handling it does; only the enterprise, leaders and admins see who it is', () => {
    const anonymous = { ...appeal, handlerId: null, anonymous: true }
    expect(canViewAppeal(anonymous, viewer('officer', { id: 'u-officer-of-ent', departmentId: 'dept-z' }))).toBe(false)
    expect(canViewAppeal(anonymous, viewer('officer', { departmentId: 'dept-a' }))).toBe(true)
    expect(ROLES.filter(seesIdentity)).toEqual(['owner', 'leader', 'admin'])
  })
})
