import { inZone, systemClock } from '../cloud/domain/clock'
import { createSetupCode } from '../cloud/workflows/setup-code'
import { runWithStore } from './with-store'

/**
 * `npm run admin:setup`: prints a one-time setup code for the store named by DATABASE_URL (the local
 * SQLite file by default). A WeChat user enters it in the mini-program (我的 → 工作人员加入) and
 * becomes an admin. The code expires in 24 hours and works once; only its hash is stored.
 */
runWithStore(async (store) => {
  const { code, expiresAt, admins } = await createSetupCode(store.db, systemClock.now())
  console.log('管理员设置码（一次有效）：')
  console.log(`\n    ${code}\n`)
  console.log(`有效期至 ${inZone(expiresAt).format('YYYY-MM-DD HH:mm')}（北京时间）。`)
  console.log('请在微信里打开助企帮办小程序：我的 → 工作人员加入，输入此码和您的姓名，即成为管理员。')
  if (admins > 0) console.log(`注意：已有 ${admins} 名管理员。此码会再添一名管理员，用于管理员全部失联时恢复。`)
})
