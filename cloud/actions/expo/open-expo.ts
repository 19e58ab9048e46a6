import type { ParsedInput } from '../../contract'
import type { ExpoLanding } from '../../contract/expo'
import { scanDay, scanHour } from '../../domain/expo'
import { parseScene } from '../../domain/expo-scene'
import {
  findExhibitionByCode,
  findExhibitionById,
  findExhibitorByCode,
  findFeaturedPolicies,
  findVisitor,
  isFollowing,
  recordScan,
} from '../../store/repositories/exhibitions'
import { ActionContext, requireUser } from '../context'
import { toPolicySummary } from '../../views/policy-view'
import { todayOf, toExhibitionView, toExhibitorView, toVisitorView } from '../../views/exhibition-view'

const NOT_FOUND = {
  malformed: '这个二维码无法识别，可能不是展会的码，或没有扫完整。',
  unknown: '没有找到这个展位或展会，可能主办方已调整了展位。',
} as const

/**
 * expo.open: what a scanned code leads to: the exhibition (an entrance code) or a booth's exhibitor
 * card, with what the caller has done here already. The scan is counted once per person per code per
 * day (the store's unique key decides). A scene that leads nowhere is an answer, not an error, so
 * the page can say so kindly.
 */
export async function openExpo(ctx: ActionContext, input: ParsedInput<'expo.open'>): Promise<ExpoLanding> {
  const user = requireUser(ctx)
  const scene = parseScene(input.scene)
  if (!scene) return { found: false, reason: 'malformed', message: NOT_FOUND.malformed, exhibitionName: null }

  const booth = scene.kind === 'booth' ? await findExhibitorByCode(ctx.db, scene.code) : undefined
  const exhibition = booth
    ? await findExhibitionById(ctx.db, booth.exhibition_id)
    : scene.kind === 'exhibition'
      ? await findExhibitionByCode(ctx.db, scene.code)
      : undefined
  if (!exhibition) return { found: false, reason: 'unknown', message: NOT_FOUND.unknown, exhibitionName: null }

  const now = ctx.clock.now()
  const view = toExhibitionView(exhibition, todayOf(now))
  if (view.phase === 'expired')
    return { found: false, reason: 'expired', message: `${exhibition.name}已经结束，感谢您的关注。`, exhibitionName: exhibition.name }

  const counted = await recordScan(ctx.db, {
    exhibition_id: exhibition.id,
    target: booth?.id ?? exhibition.id,
    exhibitor_id: booth?.id ?? null,
    user_id: user.id,
    day: scanDay(now),
    hour_start: scanHour(now),
    at: now,
  })
  const [registration, following, policies] = await Promise.all([
    findVisitor(ctx.db, exhibition.id, user.id),
    booth ? isFollowing(ctx.db, booth.id, user.id) : Promise.resolve(false),
    findFeaturedPolicies(ctx.db, JSON.parse(exhibition.featured_policy_ids) as string[]),
  ])
  return {
    found: true,
    exhibition: view,
    booth: booth ? toExhibitorView(booth) : null,
    counted,
    registration: registration ? toVisitorView(registration) : null,
    following,
    ownBooth: user.role === 'owner' && booth?.enterprise_id != null && booth.enterprise_id === user.enterprise_id,
    canAppeal: user.role === 'owner' && user.enterprise_id !== null,
    policies: policies.map((row) => toPolicySummary(row, todayOf(now))),
  }
}
