import { creditCodeCheckChar, creditCodeProblem, isValidCreditCode } from '../../cloud/domain/credit-code'

// Codes printed on real business licences (published by the companies themselves).
const REAL_CODES = ['91350100M000100Y43', '91440300708461136T', '9144030071526726XG', '91110000802100433B']
const ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY'

describe('统一社会信用代码 (GB 32100)', () => {
  it.each(REAL_CODES)('accepts the real code %s', (code) => {
    expect(creditCodeProblem(code)).toBeNull()
    expect(creditCodeCheckChar(code.slice(0, 17))).toBe(code[17])
  })

  it.each(REAL_CODES)('rejects %s with any other check character', (code) => {
    for (const c of ALPHABET.replace(code[17], '')) {
      expect(creditCodeProblem(code.slice(0, 17) + c)).toBe('checkDigit')
    }
  })

  it('catches a single changed character anywhere in the first 17', () => {
    const code = REAL_CODES[1]
    for (let i = 0; i < 17; i++) {
      const replacement = code[i] === '0' ? '1' : '0'
      const changed = code.slice(0, i) + replacement + code.slice(i + 1)
      expect(isValidCreditCode(changed)).toBe(false)
    }
  })

  it('catches two adjacent characters swapped', () => {
    const code = REAL_CODES[1]
    for (let i = 0; i < 16; i++) {
      if (code[i] === code[i + 1]) continue
      const swapped = code.slice(0, i) + code[i + 1] + code[i] + code.slice(i + 2)
      expect(isValidCreditCode(swapped)).toBe(false)
    }
  })

  it('names the problem: length, then characters, then the check digit', () => {
    expect(creditCodeProblem('')).toBe('length')
    expect(creditCodeProblem('91440300708461136')).toBe('length')
    expect(creditCodeProblem('91440300708461136TT')).toBe('length')
    expect(creditCodeProblem('9144030070846113IT')).toBe('characters') // I is not in the alphabet
    expect(creditCodeProblem('91440300708461136t')).toBe('characters') // callers upper-case first
    expect(creditCodeProblem('91440300708461136X')).toBe('checkDigit')
  })

  it('a check value of 31 becomes 0', () => {
    // Search a prefix whose weighted sum is a multiple of 31: its check character must be '0'.
    const prefix = '9113092100000000'
    const hit = [...ALPHABET].map((c) => prefix + c).find((p) => creditCodeCheckChar(p) === '0')
    expect(hit).toBeDefined()
    expect(isValidCreditCode(`${hit}0`)).toBe(true)
  })
})
