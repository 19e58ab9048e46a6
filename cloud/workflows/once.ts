import { AppError } from '../domain/errors'
import { inTransaction, type Db } from '../store/database'
import { findReceipt, insertReceipt } from '../store/repositories/receipts'

/**
 * Runs a create-like request once per person and client request id (made by the app once per
 * form): a retried or doubled submit answers what the first one made. The receipt is written in
 * the same transaction as what it records, so of two submits racing, one commits and the other
 * rolls back (on the receipt's key, or on a check the first one's row fails) and answers the first
 * one's result.
 */
export async function once(
  db: Db,
  request: { userId: string; clientRequestId: string; action: string; now: number },
  create: (trx: Db) => Promise<string>,
): Promise<string> {
  const done = async () => {
    const receipt = await findReceipt(db, request.userId, request.clientRequestId)
    if (receipt && receipt.action !== request.action) throw new AppError('CONFLICT', '这个请求编号已用于另一项操作，请刷新页面后重试')
    return receipt?.result_id
  }
  const earlier = await done()
  if (earlier) return earlier
  try {
    return await inTransaction(db, async (trx) => {
      const resultId = await create(trx)
      await insertReceipt(trx, {
        user_id: request.userId,
        client_request_id: request.clientRequestId,
        action: request.action,
        result_id: resultId,
        created_at: request.now,
      })
      return resultId
    })
  } catch (error) {
    // The other of two racing submits committed first: whatever this one tripped on (the receipt's
    // key, or a check that the first one's row now fails, such as a phone already in use), answer
    // what that one made.
    const raced = await done()
    if (raced) return raced
    throw error
  }
}
