import type { CheckinCode } from '../../contract'
import { AppError, forbidden } from '../../domain/errors'
import { newCheckinCode } from '../../store/ids'
import { findEnterpriseById, updateEnterprise } from '../../store/repositories/enterprises'
import { ActionContext, requireUser } from '../context'

/** The page a check-in code opens, on WeChat as the mini-program code's page and on H5 in the QR's link. */
export const CHECKIN_PAGE = 'packageVisit/pages/checkin/index'

/** The local host draws the QR code of the H5 link at this path (see server/code-routes.ts). */
export const localCheckinImage = (code: string) => `/codes/checkin/${encodeURIComponent(code)}.png`

/**
 * enterprise.checkinCode: the owner's own 企业走访码, to show or print. On CloudBase it is a
 * mini-program code that opens the check-in page; locally a QR code of the H5 link.
 */
export async function enterpriseCheckinCode(ctx: ActionContext): Promise<CheckinCode> {
  const user = requireUser(ctx)
  if (!user.enterprise_id) throw forbidden('请先绑定企业')
  const enterprise = await findEnterpriseById(ctx.db, user.enterprise_id)
  if (!enterprise) throw forbidden('绑定的企业已不存在，请联系驻企特派员')
  let code = enterprise.checkin_code
  if (!code) {
    code = newCheckinCode()
    await updateEnterprise(ctx.db, enterprise.id, { checkin_code: code })
  }
  let image: string
  try {
    image = ctx.codeImages ? await ctx.codeImages.image(code, CHECKIN_PAGE) : localCheckinImage(code)
  } catch (error) {
    ctx.log.error('check-in code image failed', { enterpriseId: enterprise.id, error: String(error) })
    throw new AppError('INTERNAL', '走访码生成失败，请稍后再试')
  }
  return { enterpriseName: enterprise.name, code, image }
}
