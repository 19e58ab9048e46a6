import { attemptWindow, isOverLimit, tooManyAttempts, type AttemptScope } from '../domain/onboarding/codes'
import type { Db } from '../store/database'
import { countAttempt, forgetOldAttempts } from '../store/repositories/attempts'

/**
 * Counts a try against each of the limits named, before the code it carries is looked at, and
 * refuses it (429, saying when to try again) when it is over any of them. Called on the store
 * itself, outside the transaction of what the try does: a wrong try rolls back its own work but
 * stays counted. Tries over the limit are counted too, so hammering does not reopen the window.
 */
export async function countTry(db: Db, now: number, limits: { scope: AttemptScope; subject: string }[]): Promise<void> {
  for (const { scope, subject } of limits) {
    const window = attemptWindow(scope, now)
    await forgetOldAttempts(db, scope, subject, window)
    const n = await countAttempt(db, scope, subject, window)
    if (isOverLimit(scope, n)) throw tooManyAttempts(scope, now)
  }
}
