import { formatHelp, helpGivenTo, HELP_KIND_IDS, HELP_KINDS } from '../../cloud/domain/appeal/help'

describe('help delivered', () => {
  it.each([
    ['new_loan', 160_000_000, '新增贷款 1.6 亿元'],
    ['tax_refund_deferral', 28_680_000, '退税/缓税 2868 万元'],
    ['subsidy', 5000, '补贴 5000 元'],
    ['recruitment', 77, '用工招录 77 人'],
    ['permit_completed', null, '手续办结'],
    ['new_loan', null, '新增贷款'],
  ] as const)('%s %p reads %s', (kind, amount, text) => {
    expect(formatHelp(kind, amount)).toBe(text)
  })

  it.each([
    [11, 'new_loan', 160_000_000, '为 11 家企业新增贷款 1.6 亿元'],
    [3, 'permit_completed', null, '为 3 家企业办结手续'],
    [1, 'other', null, '为 1 家企业提供其他帮扶'],
    [2, 'recruitment', 77, '为 2 家企业用工招录 77 人'],
  ] as const)('the bulletin says help to %d firms of %s (%p) as %s', (firms, kind, amount, text) => {
    expect(helpGivenTo(firms, kind, amount)).toBe(text)
  })

  it('every kind has a Chinese label and a measure', () => {
    for (const kind of HELP_KIND_IDS) {
      expect(HELP_KINDS[kind].label).toMatch(/[\u4e00-\u9fa5]/)
      expect(['yuan', 'people', 'none']).toContain(HELP_KINDS[kind].measure)
    }
  })
})
