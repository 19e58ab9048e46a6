import { randomBytes } from 'node:crypto'
import { once } from '../../workflows/once'
import type { ParsedInput } from '../../contract'
import type { ExhibitionAdminView, ExhibitionView } from '../../contract/expo'
import { badRequest, notFound } from '../../domain/errors'
import { encodeScene, landingPath, newSceneCode } from '../../domain/expo-scene'
import { newId } from '../../store/ids'
import {
  countInvitations,
  findExhibitionById,
  findFeaturedPolicies,
  insertExhibition,
  listExhibitions,
  listExhibitors,
  updateExhibition,
} from '../../store/repositories/exhibitions'
import { todayOf, toExhibitionView, toExhibitorView } from '../../views/exhibition-view'
import { ActionContext, requireUser } from '../context'

export const newCode = () => newSceneCode((n) => randomBytes(n))

/** expo.adminList: every exhibition, the latest first. */
export async function listExhibitionsForAdmin(ctx: ActionContext): Promise<ExhibitionView[]> {
  const today = todayOf(ctx.clock.now())
  return (await listExhibitions(ctx.db)).map((row) => toExhibitionView(row, today))
}

/** expo.adminGet: an exhibition with its booths, each with the scene its code carries. */
export async function getExhibitionForAdmin(ctx: ActionContext, input: { id: string }): Promise<ExhibitionAdminView> {
  const row = await findExhibitionById(ctx.db, input.id)
  if (!row) throw notFound('没有这个展会')
  const [exhibitors, invitations] = await Promise.all([listExhibitors(ctx.db, row.id), countInvitations(ctx.db, row.id)])
  const entrance = encodeScene({ kind: 'exhibition', code: row.code })
  return {
    ...toExhibitionView(row, todayOf(ctx.clock.now())),
    featuredPolicyIds: JSON.parse(row.featured_policy_ids) as string[],
    entrance: { scene: entrance, path: landingPath(entrance) },
    exhibitors: exhibitors.map((e) => {
      const scene = encodeScene({ kind: 'booth', code: e.code })
      return { ...toExhibitorView(e), scene, path: landingPath(scene) }
    }),
    invitations,
  }
}

/** expo.save: an admin creates an exhibition (with its entrance code) or changes one. */
export async function saveExhibition(ctx: ActionContext, input: ParsedInput<'expo.save'>): Promise<ExhibitionAdminView> {
  const now = ctx.clock.now()
  const existing = input.id ? await findExhibitionById(ctx.db, input.id) : undefined
  if (input.id && !existing) throw notFound('没有这个展会')
  const published = await findFeaturedPolicies(ctx.db, input.featuredPolicyIds)
  const missing = input.featuredPolicyIds.find((id) => !published.some((p) => p.id === id))
  if (missing) throw badRequest(`「推荐政策」(featuredPolicyIds)：政策 ${missing} 不存在或未发布`, 'featuredPolicyIds')

  const fields = {
    name: input.name,
    theme: input.theme,
    venue: input.venue,
    starts_on: input.startsOn,
    ends_on: input.endsOn,
    halls: JSON.stringify(input.halls),
    booth_count: input.boothCount,
    area_m2: input.areaM2,
    forum: JSON.stringify(input.forum),
    featured_policy_ids: JSON.stringify(input.featuredPolicyIds),
    updated_at: now,
  }
  let id = existing?.id
  if (id) await updateExhibition(ctx.db, id, fields)
  else {
    const request = { userId: requireUser(ctx).id, clientRequestId: input.clientRequestId, action: 'expo.save', now }
    id = await once(ctx.db, request, async (trx) => {
      const created = newId('expo')
      await insertExhibition(trx, { id: created, code: newCode(), created_at: now, ...fields })
      return created
    })
  }
  return getExhibitionForAdmin(ctx, { id })
}
