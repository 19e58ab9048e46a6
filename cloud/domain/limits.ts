import { DAY } from './clock'
import { AppError } from './errors'

/**
 * How much one person may ask of the system in a day: far above what an owner needs, low enough
 * that a stuck button or a script cannot flood officers or the disk.
 */
export const DAILY_LIMITS = {
  appeals: 20,
  uploads: 60,
} as const

/** The start of the rolling day a limit counts over. */
export const limitWindowStart = (now: number) => now - DAY

/** Refuses the next one when `used` already reached the limit. */
export function checkDailyLimit(kind: keyof typeof DAILY_LIMITS, used: number): void {
  const limit = DAILY_LIMITS[kind]
  if (used < limit) return
  throw new AppError(
    'RATE_LIMITED',
    kind === 'appeals'
      ? `24 小时内已提交 ${limit} 条诉求，请稍后再提交；急事请直接打电话给您的驻企特派员`
      : `24 小时内已上传 ${limit} 个附件，请稍后再传`,
  )
}
