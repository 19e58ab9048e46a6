import { coveredIndustries, matchPolicy, type EnterpriseProfile, type PolicyAudience } from '../../cloud/domain/policy-match'

const TODAY = '2026-03-02'
const audience = (overrides: Partial<PolicyAudience> = {}): PolicyAudience => ({
  industries: [],
  kinds: [],
  enterpriseTags: [],
  expiresAt: null,
  ...overrides,
})
const plastics: EnterpriseProfile = { industry: '塑料制品', kind: '小微企业', tags: [] }
const pharma: EnterpriseProfile = { industry: '药包材', kind: '规上企业', tags: ['高新技术', '一般纳税人'] }
const hauler: EnterpriseProfile = { industry: '物流', kind: '物流企业', tags: [] }
const farm: EnterpriseProfile = { industry: '现代农业', kind: '个体工商户', tags: [] }

/** Each dimension alone, then together, then expiry: [policy, enterprise, fits?, reason or why]. */
const TABLE: [string, PolicyAudience, EnterpriseProfile, boolean, string][] = [
  ['no dimension: for everyone', audience(), farm, true, '面向各类企业'],
  ['industry listed', audience({ industries: ['塑料制品'] }), plastics, true, '适用于塑料制品行业'],
  ['industry not listed', audience({ industries: ['玻璃制品'] }), plastics, false, '行业不符'],
  ['sector 制造业 covers plastics', audience({ industries: ['制造业'] }), plastics, true, '适用于塑料制品行业'],
  ['sector 制造业 does not cover farming', audience({ industries: ['制造业'] }), farm, false, '行业不符'],
  ['sector 交通运输 covers logistics', audience({ industries: ['交通运输'] }), hauler, true, '适用于物流行业'],
  ['kind listed', audience({ kinds: ['小微企业', '个体工商户'] }), plastics, true, '适用于小微企业'],
  ['kind not listed', audience({ kinds: ['规上企业'] }), plastics, false, '企业类型不符'],
  ['qualification held', audience({ enterpriseTags: ['高新技术', '专精特新'] }), pharma, true, '适用于高新技术企业'],
  ['qualification missing', audience({ enterpriseTags: ['专精特新'] }), pharma, false, '资质不符'],
  ['industry and kind both fit', audience({ industries: ['药包材'], kinds: ['规上企业'] }), pharma, true, '适用于药包材行业、规上企业'],
  ['industry fits, kind does not', audience({ industries: ['药包材'], kinds: ['小微企业'] }), pharma, false, '企业类型不符'],
  ['kind fits, industry does not', audience({ industries: ['食品'], kinds: ['规上企业'] }), pharma, false, '行业不符'],
  [
    'all three fit',
    audience({ industries: ['制造业'], kinds: ['规上企业'], enterpriseTags: ['高新技术'] }),
    pharma,
    true,
    '适用于药包材行业、规上企业、高新技术企业',
  ],
  ['expires today: still in force', audience({ expiresAt: TODAY }), farm, true, '面向各类企业'],
  ['expired yesterday', audience({ expiresAt: '2026-03-01' }), farm, false, '已过期'],
  ['expired, though everything else fits', audience({ industries: ['塑料制品'], expiresAt: '2025-12-31' }), plastics, false, '已过期'],
]

describe('which policies fit which enterprise', () => {
  it.each(TABLE)('%s', (_name, policy, enterprise, fits, words) => {
    const result = matchPolicy(policy, enterprise, TODAY)
    expect(result.matches).toBe(fits)
    expect(result.matches ? result.reason : result.why).toBe(words)
  })

  it('a match is specific when the policy named something the enterprise fitted', () => {
    expect(matchPolicy(audience({ kinds: ['小微企业'] }), plastics, TODAY)).toMatchObject({ specific: true })
    expect(matchPolicy(audience(), plastics, TODAY)).toMatchObject({ specific: false })
  })

  it('sectors spell out into the industries an audience query asks for', () => {
    expect(coveredIndustries(['制造业'])).toContain('药包材')
    expect(coveredIndustries(['物流', '交通运输'])).toEqual(['物流', '交通运输'])
    expect(coveredIndustries([])).toEqual([])
  })
})
