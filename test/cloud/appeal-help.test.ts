import { formatHelp, HELP_KIND_IDS, HELP_KINDS } from '../../cloud/domain/appeal/help'

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

  it('every kind has a Chinese label and a measure', () => {
    for (const kind of HELP_KIND_IDS) {
      expect(HELP_KINDS[kind].label).toMatch(/[\u4e00-\u9fa5]/)
      expect(['yuan', 'people', 'none']).toContain(HELP_KINDS[kind].measure)
    }
  })
})
