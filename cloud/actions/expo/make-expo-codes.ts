import { printUrl } from '../../app/expo-codes'
import type { ParsedInput } from '../../contract'
import type { ExpoCodes } from '../../contract/expo'
import { notFound } from '../../domain/errors'
import { encodeScene, landingPath } from '../../domain/expo-scene'
import { findExhibitionById, listExhibitors, updateExhibitor } from '../../store/repositories/exhibitions'
import { ActionContext } from '../context'

/** wxacode.getUnlimited takes a moment each: a call makes this many, and the admin asks again for the rest. */
export const CODES_PER_CALL = 20

/**
 * expo.codes: the booth codes of an exhibition. On CloudBase each booth's mini-program code is made
 * once and kept (its fileID); locally the answer carries the signed link of the printable sheet,
 * which draws QR codes of the H5 landing page with the same scenes.
 */
export async function makeExpoCodes(ctx: ActionContext, input: ParsedInput<'expo.codes'>): Promise<ExpoCodes> {
  const exhibition = await findExhibitionById(ctx.db, input.id)
  if (!exhibition) throw notFound('没有这个展会')
  const exhibitors = await listExhibitors(ctx.db, exhibition.id)
  let made = 0
  const codes: ExpoCodes['codes'] = []
  for (const e of exhibitors) {
    const scene = encodeScene({ kind: 'booth', code: e.code })
    let image = e.wxacode_file_id
    if (!image && ctx.codeImages && made < CODES_PER_CALL) {
      image = await ctx.codeImages.image(scene)
      await updateExhibitor(ctx.db, e.id, { wxacode_file_id: image })
      made++
    }
    codes.push({ boothNo: e.booth_no, name: e.name, scene, path: landingPath(scene), image })
  }
  return {
    printUrl: printUrl(ctx.files, exhibition.id),
    codes,
    pending: ctx.codeImages ? codes.filter((c) => !c.image).length : 0,
  }
}
