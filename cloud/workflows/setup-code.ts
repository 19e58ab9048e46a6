import { inTransaction, type Db } from '../store/database'
import { countActiveAdmins } from '../store/repositories/users'
import { issueCode, type IssuedCode } from './access-codes'
import { recordAudit } from './audit'

/**
 * The operator's one-time setup code (npm run admin:setup): a WeChat user who enters it in the app
 * becomes an admin. Made from the command line, so by nobody in the app (audited as the operator);
 * it expires in a day and is spent on use. Answers how many admins the town has already, so the
 * operator sees when the code is a recovery rather than the first admin.
 */
export async function createSetupCode(db: Db, now: number): Promise<IssuedCode & { admins: number }> {
  return inTransaction(db, async (trx) => {
    const issued = await issueCode(trx, { kind: 'setup' }, null, now)
    await recordAudit(
      trx,
      null,
      [{ entity: 'staff', entityId: 'setup', action: 'setup-code', summary: '运维人员在命令行生成了管理员设置码' }],
      now,
    )
    return { ...issued, admins: await countActiveAdmins(trx) }
  })
}
