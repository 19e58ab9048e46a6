/**
 * A visit takes half a day: the morning or the afternoon, as officers plan their rounds.
 * No imports: the mini-program shows the same labels.
 */
export const HALVES = ['am', 'pm'] as const
export type Half = (typeof HALVES)[number]
export const HALF_LABELS: Record<Half, string> = { am: '上午', pm: '下午' }
