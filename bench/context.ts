import type { Kysely } from 'kysely'
import { ActionContext } from '../cloud/actions/context'
import { localContentCheck } from '../cloud/app/content-check'
import { cloudFileLinks } from '../cloud/app/file-links'
import { DEFAULT_DEADLINES } from '../cloud/domain/appeal/deadlines'
import type { Clock } from '../cloud/domain/clock'
import { logSender, readTemplateConfig } from '../cloud/notify/push'
import type { Database } from '../cloud/store/database'
import { findUserById } from '../cloud/store/repositories/users'

const quiet = { info: () => {}, error: () => {} }

/** What a use case receives, as a seeded or generated user, for calling it directly in a benchmark. */
export async function benchContext(db: Kysely<Database>, clock: Clock, userId: string): Promise<ActionContext> {
  const user = await findUserById(db, userId)
  if (!user) throw new Error(`no user ${userId}`)
  return {
    db,
    clock,
    deadlines: DEFAULT_DEADLINES,
    files: cloudFileLinks,
    push: { templates: readTemplateConfig({}), sender: logSender(quiet) },
    contentCheck: localContentCheck({}),
    devTokens: null,
    log: quiet,
    caller: { kind: 'user', user },
  }
}
