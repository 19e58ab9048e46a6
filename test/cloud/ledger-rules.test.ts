import { HELP_KIND_IDS, HELP_KINDS } from '../../cloud/domain/appeal/help'
import { fixedClock } from '../../cloud/domain/clock'
import { helpAmount, helpAnswerProblem, HELP_ENTRY_STATES, type HelpEntryState } from '../../cloud/domain/ledger/help-entry'
import {
  askedFiguresProblem,
  DEFAULT_FIGURES,
  FIGURES,
  missingFigures,
  readAskedFigures,
  shownFigures,
  type AskedFigures,
} from '../../cloud/domain/ledger/indicator-figures'
import {
  addMonths,
  DEFAULT_DROP_THRESHOLD,
  dropWarns,
  monthOf,
  readDropThreshold,
  reportWindowProblem,
  revenueDrop,
  sameMonthLastYear,
  shortOrderFirms,
  warningDetail,
} from '../../cloud/domain/ledger/indicators'

describe('help ledger rules', () => {
  it.each([
    ['new_loan', 1600, { value: 16_000_000 }],
    ['subsidy', 0.5, { value: 5000 }],
    ['tax_refund_deferral', 2868, { value: 28_680_000 }],
    ['recruitment', 77, { value: 77 }],
    ['permit_completed', null, { value: null }],
    ['other', undefined, { value: null }],
  ] as const)('%s with %p stores %p', (kind, amount, expected) => {
    expect(helpAmount(kind, amount)).toEqual(expected)
  })

  it.each([
    ['new_loan', null, '请填写「新增贷款」的金额（万元）'],
    ['subsidy', 0, '请填写「补贴」的金额（万元）'],
    ['subsidy', -3, '请填写「补贴」的金额（万元）'],
    ['recruitment', undefined, '请填写「用工招录」的人数'],
    ['recruitment', 7.5, '人数应为整数'],
    ['permit_completed', 3, '「手续办结」不填金额或人数'],
    ['subsidy', 0.00001, '金额太小，请以万元填写'],
  ] as const)('%s with %p is refused: %s', (kind, amount, problem) => {
    expect(helpAmount(kind, amount)).toEqual({ problem })
  })

  it('every help kind has a rule for its amount', () => {
    for (const kind of HELP_KIND_IDS) {
      const result = helpAmount(kind, HELP_KINDS[kind].measure === 'none' ? null : 1)
      expect('value' in result).toBe(true)
    }
  })

  const table: [HelpEntryState, 'confirm' | 'dispute', string | null][] = [
    ['pending', 'confirm', null],
    ['pending', 'dispute', null],
    ['disputed', 'confirm', null],
    ['disputed', 'dispute', '已经对这条帮扶记录提出过异议'],
    ['confirmed', 'confirm', '这条帮扶记录已经确认过了'],
    ['confirmed', 'dispute', '这条帮扶记录已经确认，不能再提出异议'],
  ]
  it.each(table)('from %s, %s: %p', (state, answer, problem) => {
    expect(helpAnswerProblem(state, answer)).toBe(problem)
  })

  it('every state has a Chinese label', () => {
    for (const label of Object.values(HELP_ENTRY_STATES)) expect(label).toMatch(/[\u4e00-\u9fa5]/)
  })
})

describe('monthly indicators', () => {
  it.each([
    ['2026-03', -12, '2025-03'],
    ['2026-01', -1, '2025-12'],
    ['2025-12', 1, '2026-01'],
    ['2026-03', -11, '2025-04'],
    ['2026-03', 0, '2026-03'],
    ['2026-03', -27, '2023-12'],
  ])('%s moved %i months is %s', (month, n, expected) => {
    expect(addMonths(month, n)).toBe(expected)
  })

  it('the same month last year', () => {
    expect(sameMonthLastYear('2026-02')).toBe('2025-02')
    expect(sameMonthLastYear('2026-12')).toBe('2025-12')
  })

  it('a moment falls in its Beijing month', () => {
    // 16:30 UTC on the last day of February is already 1 March in Beijing.
    expect(monthOf(fixedClock('2026-02-28T16:30:00Z').now())).toBe('2026-03')
    expect(monthOf(fixedClock('2026-02-28T15:59:59Z').now())).toBe('2026-02')
  })

  describe('the report window: from the month itself to the end of the month after', () => {
    const clock = fixedClock('2026-03-02T09:00:00+08:00')
    it.each([
      ['2026-03', null],
      ['2026-02', null],
      ['2026-01', '2026-01 的填报已截止（次月底截止）'],
      ['2025-03', '2025-03 的填报已截止（次月底截止）'],
      ['2026-04', '还不能填报未来月份的数据'],
    ])('on 2 March, %s: %p', (month, problem) => {
      expect(reportWindowProblem(month, clock.now())).toBe(problem)
    })

    it('closes at midnight Beijing time as the second month ends', () => {
      const edge = fixedClock('2026-03-31T23:59:59.999+08:00')
      expect(reportWindowProblem('2026-02', edge.now())).toBeNull()
      edge.advance(1)
      expect(reportWindowProblem('2026-02', edge.now())).toMatch(/已截止/)
      expect(reportWindowProblem('2026-03', edge.now())).toBeNull()
    })

    it('opens at midnight Beijing time on the month’s first day', () => {
      const edge = fixedClock('2026-03-31T23:59:59.999+08:00')
      expect(reportWindowProblem('2026-04', edge.now())).toMatch(/未来/)
      edge.advance(1)
      expect(reportWindowProblem('2026-04', edge.now())).toBeNull()
    })
  })

  it.each([
    [800, 1000, 20],
    [790, 1000, 21],
    [1200, 1000, -20],
    [0, 1000, 100],
    [666, 1000, 33.4],
    [100, null, null],
    [100, 0, null],
  ])('产值 %p against %p last year fell %p %', (current, lastYear, drop) => {
    expect(revenueDrop(current, lastYear)).toBe(drop)
  })

  it.each([
    [20, 20, false],
    [20.1, 20, true],
    [21, 20, true],
    [-30, 20, false],
    [null, 20, false],
    [15, 10, true],
  ])('a drop of %p warns at a threshold of %p: %p', (drop, threshold, warns) => {
    expect(dropWarns(drop, threshold)).toBe(warns)
  })

  it.each([
    [undefined, DEFAULT_DROP_THRESHOLD],
    ['15', 15],
    ['12.5', 12.5],
    ['0', DEFAULT_DROP_THRESHOLD],
    ['100', DEFAULT_DROP_THRESHOLD],
    ['-5', DEFAULT_DROP_THRESHOLD],
    ['abc', DEFAULT_DROP_THRESHOLD],
    ['', DEFAULT_DROP_THRESHOLD],
  ])('the threshold setting %p reads as %p', (value, threshold) => {
    expect(readDropThreshold(value)).toBe(threshold)
  })

  it('the default threshold is 20 %', () => {
    expect(DEFAULT_DROP_THRESHOLD).toBe(20)
  })

  describe('three firms of one industry short of orders', () => {
    const short = (id: string) => ({ enterpriseId: id, orders: 'short' as const })
    const enough = (id: string) => ({ enterpriseId: id, orders: 'enough' as const })
    it('two are not enough', () => {
      expect(shortOrderFirms([short('a'), short('b'), enough('c')])).toEqual([])
    })
    it('three name all three', () => {
      expect(shortOrderFirms([short('a'), enough('x'), short('b'), short('c')])).toEqual(['a', 'b', 'c'])
    })
    it('four name all four', () => {
      expect(shortOrderFirms(['a', 'b', 'c', 'd'].map(short))).toEqual(['a', 'b', 'c', 'd'])
    })
    it('a firm counts once', () => {
      expect(shortOrderFirms([short('a'), short('a'), short('b')])).toEqual([])
    })
    it('none reported', () => {
      expect(shortOrderFirms([])).toEqual([])
    })
  })

  it('a warning says what was seen', () => {
    expect(warningDetail('revenue_drop', { month: '2026-02', drop: 35, threshold: 20 })).toBe(
      '2026-02 产值同比下降 35%（预警线 20%），请走访了解情况',
    )
    expect(warningDetail('short_orders', { month: '2026-02', industry: '药包材', firms: 3 })).toBe(
      '2026-02 药包材行业 3 家企业报告订单不足，请走访了解情况',
    )
  })
})

describe('which figures a town asks for', () => {
  it.each([
    [undefined, DEFAULT_FIGURES],
    ['not json', DEFAULT_FIGURES],
    ['null', DEFAULT_FIGURES],
    ['[1,2]', DEFAULT_FIGURES],
    ['{"tax":"off"}', { ...DEFAULT_FIGURES, tax: 'off' }],
    ['{"tax":"never","power":"required"}', { ...DEFAULT_FIGURES, power: 'required' }],
    ['{"tax":"toString","orders":"constructor"}', DEFAULT_FIGURES],
    ['{"revenue":"optional","extra":"off","__proto__":{"tax":"off"}}', { ...DEFAULT_FIGURES, revenue: 'optional' }],
  ])('the setting %p reads as %p', (stored, expected) => {
    expect(readAskedFigures(stored)).toEqual(expected)
  })

  it('the form shows what is asked for, in order; a report lacks only the required figures not given', () => {
    const asked: AskedFigures = { revenue: 'required', employees: 'off', tax: 'optional', orders: 'required', power: 'off' }
    expect(shownFigures(asked)).toEqual(['revenue', 'tax', 'orders'])
    expect(missingFigures(asked, {})).toEqual(['revenue', 'orders'])
    expect(missingFigures(asked, { revenue: 0, orders: null, tax: undefined })).toEqual(['orders'])
    expect(missingFigures(asked, { revenue: 1, orders: 'short' })).toEqual([])
    expect(missingFigures(DEFAULT_FIGURES, { revenue: 1, employees: 2, tax: 0, orders: 'enough' })).toEqual([])
  })

  it('a town must ask for at least one figure', () => {
    const none = Object.fromEntries(FIGURES.map((f) => [f, 'off'])) as AskedFigures
    expect(askedFiguresProblem(none)).toBe('至少填报一项经营数据')
    for (const f of FIGURES) expect(askedFiguresProblem({ ...none, [f]: 'optional' })).toBeNull()
  })

  it('with no 产值 in either month there is no drop', () => {
    expect(revenueDrop(null, 100)).toBeNull()
    expect(revenueDrop(80, null)).toBeNull()
    expect(revenueDrop(80, 100)).toBe(20)
    expect(shortOrderFirms([1, 2, 3].map((n) => ({ enterpriseId: `e${n}`, orders: null })))).toEqual([])
  })
})
