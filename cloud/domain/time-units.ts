/** Lengths of time in milliseconds, as every timestamp in the product is. */
export const MINUTE = 60_000
export const HOUR = 60 * MINUTE
export const DAY = 24 * HOUR
