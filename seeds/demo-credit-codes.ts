import { creditCodeCheckChar } from '../cloud/domain/credit-code'

/**
 * Unified social credit codes (GB 32100-2015) for the demo town that can never belong to a real
 * registration, yet pass both of their check characters, so binding an enterprise can be tried.
 *
 *   9 1 139900 MA0 0000n c C
 *   │ │ │      └────┬───┘ │ └ the code's own check character (GB 32100)
 *   │ │ │           │     └── the organisation code's check character (GB 11714)
 *   │ │ │           └──────── an eight-character organisation code: MA0 and a serial
 *   │ │ └──────────────────── the registering authority's division code: 139900, which no county
 *   │ │                        has (Hebei's prefectures are 1301–1311), so no authority issues it
 *   │ └────────────────────── 1 an enterprise, 2 an individual business (个体工商户)
 *   └──────────────────────── 9 registered by the market regulator
 */
const DEMO_DIVISION = '139900'

const VALUE = (c: string) => (/\d/.test(c) ? Number(c) : c.charCodeAt(0) - 55)
const ORG_WEIGHTS = [3, 7, 9, 10, 5, 8, 4, 2]

/** GB 11714: the check character of an eight-character organisation code. */
export function orgCodeCheckChar(org8: string): string {
  const sum = [...org8].reduce((total, c, i) => total + VALUE(c) * ORG_WEIGHTS[i], 0)
  const check = 11 - (sum % 11)
  return check === 10 ? 'X' : check === 11 ? '0' : String(check)
}

export function demoCreditCode(serial: number, kind: 'enterprise' | 'individual' = 'enterprise'): string {
  const org8 = `MA0${String(serial).padStart(5, '0')}`
  const first17 = `9${kind === 'individual' ? '2' : '1'}${DEMO_DIVISION}${org8}${orgCodeCheckChar(org8)}`
  return first17 + creditCodeCheckChar(first17)
}
