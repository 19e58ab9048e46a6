import { once } from '../../workflows/once'
import type { ParsedInput } from '../../contract'
import type { ExhibitionAdminView } from '../../contract/expo'
import { AppError, badRequest, notFound } from '../../domain/errors'
import { isUniqueViolation } from '../../store/constraint'
import { inTransaction } from '../../store/database'
import { newId } from '../../store/ids'
import { findEnterpriseById } from '../../store/repositories/enterprises'
import {
  findExhibitionById,
  findExhibitorByBooth,
  findExhibitorById,
  insertExhibitor,
  listExhibitors,
  updateExhibitor,
} from '../../store/repositories/exhibitions'
import { ActionContext, requireUser } from '../context'
import { getExhibitionForAdmin, newCode } from './admin-exhibitions'

/**
 * expo.saveExhibitor: an admin puts an exhibitor on a booth (with the booth's code) or changes it.
 * A booth holds one exhibitor; an exhibition holds no more exhibitors than it has booths.
 */
export async function saveExhibitor(ctx: ActionContext, input: ParsedInput<'expo.saveExhibitor'>): Promise<ExhibitionAdminView> {
  const now = ctx.clock.now()
  const exhibition = await findExhibitionById(ctx.db, input.exhibitionId)
  if (!exhibition) throw notFound('没有这个展会')
  const existing = input.id ? await findExhibitorById(ctx.db, input.id) : undefined
  if (input.id && (!existing || existing.exhibition_id !== exhibition.id)) throw notFound('这个展会没有这个展商')
  if (input.enterpriseId && !(await findEnterpriseById(ctx.db, input.enterpriseId)))
    throw badRequest('「参展企业」(enterpriseId)：没有这家企业', 'enterpriseId')
  // Checked inside the create's transaction: a doubled submit then finds the booth taken by the
  // exhibitor its twin put there, and answers that one (once) rather than a conflict.
  const checkBooth = async (db: typeof ctx.db) => {
    const onBooth = await findExhibitorByBooth(db, exhibition.id, input.boothNo)
    if (onBooth && onBooth.id !== existing?.id)
      throw new AppError('CONFLICT', `「展位号」(boothNo)：${input.boothNo} 展位已安排给${onBooth.name}`, 'boothNo')
    if (!existing && (await listExhibitors(db, exhibition.id)).length >= exhibition.booth_count) {
      throw badRequest(`「展位号」(boothNo)：本届展会的 ${exhibition.booth_count} 个展位已全部安排`, 'boothNo')
    }
  }

  const fields = {
    enterprise_id: input.enterpriseId ?? null,
    name: input.name,
    booth_no: input.boothNo,
    hall: input.hall,
    products: JSON.stringify(input.products),
    intro: input.intro,
    contact_name: input.contactName,
    contact_phone: input.contactPhone,
    free_zone: input.freeZone ? 1 : 0,
    updated_at: now,
  }
  try {
    if (existing)
      await inTransaction(ctx.db, async (trx) => {
        await checkBooth(trx)
        await updateExhibitor(trx, existing.id, fields)
      })
    else
      await once(
        ctx.db,
        { userId: requireUser(ctx).id, clientRequestId: input.clientRequestId, action: 'expo.saveExhibitor', now },
        async (trx) => {
          await checkBooth(trx)
          const id = newId('exh')
          await insertExhibitor(trx, {
            id,
            exhibition_id: exhibition.id,
            code: newCode(),
            wxacode_file_id: null,
            created_at: now,
            ...fields,
          })
          return id
        },
      )
  } catch (error) {
    // Two saves onto one free booth at once both pass the check on PostgreSQL; the booth's unique
    // constraint (exhibitors_booth_unique) stops the second.
    if (isUniqueViolation(error) && /exhibitors_booth_unique|exhibitors\.booth_no/.test(String((error as Error).message)))
      throw new AppError('CONFLICT', `「展位号」(boothNo)：${input.boothNo} 展位刚刚安排给了其他展商，请刷新后再试`, 'boothNo')
    throw error
  }
  return getExhibitionForAdmin(ctx, { id: exhibition.id })
}
