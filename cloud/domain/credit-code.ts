/**
 * Unified social credit code (统一社会信用代码), GB 32100-2015.
 *
 * 18 characters from a 31-character alphabet (digits and upper-case letters without I, O, Z, S, V).
 * The 18th character is a check digit over the first 17, weighted by 3^i mod 31.
 */
const ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY'
const WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28]
const SHAPE = /^[0-9A-HJ-NPQRTUWXY]{18}$/

/** The check character for the first 17 characters of a code. */
export function creditCodeCheckChar(first17: string): string {
  let sum = 0
  for (let i = 0; i < 17; i++) {
    const value = ALPHABET.indexOf(first17[i])
    if (value < 0) throw new RangeError(`invalid credit code character: ${first17[i]}`)
    sum += value * WEIGHTS[i]
  }
  return ALPHABET[(31 - (sum % 31)) % 31]
}

export type CreditCodeProblem = 'length' | 'characters' | 'checkDigit'

/** Why a code is not valid, or null when it is. Lower case is accepted and normalised by callers. */
export function creditCodeProblem(code: string): CreditCodeProblem | null {
  if (code.length !== 18) return 'length'
  if (!SHAPE.test(code)) return 'characters'
  return creditCodeCheckChar(code.slice(0, 17)) === code[17] ? null : 'checkDigit'
}

export function isValidCreditCode(code: string): boolean {
  return creditCodeProblem(code) === null
}

export const CREDIT_CODE_MESSAGES: Record<CreditCodeProblem, string> = {
  length: '统一社会信用代码应为 18 位',
  characters: '统一社会信用代码只能包含数字和大写字母（不含 I、O、Z、S、V）',
  checkDigit: '统一社会信用代码校验位不正确，请核对后重新输入',
}
