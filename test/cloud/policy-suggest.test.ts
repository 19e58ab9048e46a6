import type { AppealCategory } from '../../cloud/domain/appeal/categories'
import { suggestPolicies } from '../../cloud/domain/policy-suggest'
import { bigrams, likeness } from '../../cloud/domain/similarity'
import type { Store } from '../../cloud/store/connect'
import { apiAs } from '../support/api'
import { makeServices, makeStore } from '../support/services'
import { town } from '../support/town'

const policy = (id: string, title: string, summary: string, category: string, tags: string[] = []) => ({
  id,
  title,
  summary,
  category,
  tags,
})
const LIBRARY = [
  policy('p-defer', '制造业中小微企业缓税', '制造业中小微企业上半年的部分税费可以晚交，缓缴期间不收滞纳金。', '税费', ['制造业', '缓税']),
  policy('p-credit', '增值税留抵退税', '买进多、卖出少攒下的增值税留抵税额，符合条件的可以直接退成现金。', '税费', ['大规模留抵退税']),
  policy('p-loan', '中小企业纾困计划', '手机上申请，银行按纳税和征信定额度，不提款不付息。', '金融', ['纾困', '资金周转']),
  policy('p-jobs', '一次性留工补助', '受疫情影响的中小微企业，按参保职工人数领取补助，用于稳定岗位。', '用工社保', ['稳岗']),
]

describe('bigrams and likeness', () => {
  it('Han text gives its character pairs; Latin words and numbers are single tokens', () => {
    expect([...bigrams('留抵退税')]).toEqual(['留抵', '抵退', '退税'])
    expect([...bigrams('800 kVA 变压器')]).toEqual(['800', 'kva', '变压', '压器'])
    expect([...bigrams('，。！')]).toEqual([])
  })

  it('likeness is 1 for the same text, 0 for nothing shared, and symmetric', () => {
    const a = bigrams('厂区门前道路坑洼，货车进出困难')
    const b = bigrams('厂门口道路坑洼，大货车进不来')
    expect(likeness(a, a)).toBe(1)
    expect(likeness(a, bigrams('招不到熟练工人'))).toBe(0)
    expect(likeness(a, b)).toBeCloseTo(likeness(b, a))
    expect(likeness(a, b)).toBeGreaterThan(0.2)
  })
})

describe('policy suggestions while an owner types', () => {
  const cases: [string, AppealCategory | undefined, string[]][] = [
    ['我们是制造业小企业，听说税可以晚交，怎么办理', '政策兑现', ['p-defer']],
    ['进项多销项少，增值税留抵的钱能退吗', undefined, ['p-credit']],
    ['资金周转困难，想找银行申请额度', '融资', ['p-loan']],
    ['疫情期间工人留不住，有没有留工补助', '用工', ['p-jobs']],
    ['新厂房用电增容，变压器容量不够', '水电气路', []],
    ['', '融资', []],
  ]
  it.each(cases)('%s (%s) → %j', (text, category, expected) => {
    expect(
      suggestPolicies(text, category, LIBRARY)
        .map((p) => p.id)
        .slice(0, Math.max(expected.length, 1)),
    ).toEqual(expected)
  })

  it('never more than the limit, and never a policy for its category alone', () => {
    expect(suggestPolicies('增值税 留抵 退税 缓税 纾困 留工补助 制造业', undefined, LIBRARY, 2)).toHaveLength(2)
    expect(suggestPolicies('想咨询一下', '融资', LIBRARY)).toEqual([])
  })
})

describe('policy.suggest', () => {
  let store: Store
  beforeEach(async () => {
    store = await makeStore()
  })
  afterEach(() => store.close())

  const { vatCreditRefund, vatImmediateRefund } = town.policies
  const owner = town.enterprises.grainFoods.owner.id

  it('answers the stored explainers in force that fit, as summaries', async () => {
    const api = apiAs(makeServices(store).services)
    const found = await api.call(owner, 'policy.suggest', { text: '进项多销项少，增值税留抵的钱能不能退', category: '政策兑现' })
    expect(found[0]).toMatchObject({ id: vatCreditRefund.id, title: vatCreditRefund.title, expired: false })
    expect(found.length).toBeLessThanOrEqual(3)
    expect(await api.call(owner, 'policy.suggest', { text: '' })).toEqual([])
    const tooLong = await api.fail(owner, 'policy.suggest', { text: '长'.repeat(1200) })
    expect(tooLong).toMatchObject({ status: 400, body: { error: { field: 'text' } } })
  })

  it('does not suggest a withdrawn or expired policy', async () => {
    const api = apiAs(makeServices(store).services)
    // Both would be suggested while in force and published.
    expect((await api.call(owner, 'policy.suggest', { text: '增值税留抵退税和即征即退' })).map((p) => p.id)).toEqual(
      expect.arrayContaining([vatCreditRefund.id, vatImmediateRefund.id]),
    )
    await store.db.updateTable('policies').set({ expires_at: '2026-01-31' }).where('id', '=', vatCreditRefund.id).execute()
    await store.db.updateTable('policies').set({ status: 'withdrawn' }).where('id', '=', vatImmediateRefund.id).execute()
    const found = await api.call(owner, 'policy.suggest', { text: '增值税留抵退税和即征即退' })
    expect(found.map((p) => p.id)).not.toContain(vatCreditRefund.id)
    expect(found.map((p) => p.id)).not.toContain(vatImmediateRefund.id)
  })
})
