import type { ParsedInput } from '../../contract'
import type { ExpoLead, ExpoLeads } from '../../contract/expo'
import { notFound } from '../../domain/errors'
import { VISITOR_KIND_LABELS, type VisitorKind } from '../../domain/expo'
import { findExhibitionById, findExhibitorById, listBoothsOfEnterprise, listLeads } from '../../store/repositories/exhibitions'
import { ActionContext, requireUser } from '../context'

/**
 * expo.leads: an exhibitor's owner sees who scanned its booth or follows it. Each visitor's name,
 * company and phone appear only if they agreed to share them when registering; the others are
 * counted and dated, nothing more. Another enterprise's booth answers like a missing one.
 */
export async function expoLeads(ctx: ActionContext, input: ParsedInput<'expo.leads'>): Promise<ExpoLeads> {
  const user = requireUser(ctx)
  if (!user.enterprise_id) throw notFound('贵企业还没有参展记录')
  const booth = input.exhibitorId
    ? await findExhibitorById(ctx.db, input.exhibitorId)
    : (await listBoothsOfEnterprise(ctx.db, user.enterprise_id))[0]
  if (!booth || booth.enterprise_id !== user.enterprise_id) throw notFound(input.exhibitorId ? '没有这个展位' : '贵企业还没有参展记录')
  const exhibition = (await findExhibitionById(ctx.db, booth.exhibition_id))!

  const { scans, follows, visitors } = await listLeads(ctx.db, booth)
  const people = new Set([...scans.map((s) => s.user_id), ...follows.map((f) => f.user_id)])
  // The exhibitor's own people checking their code are not leads.
  people.delete(user.id)
  const leads: ExpoLead[] = [...people].map((userId) => {
    const scan = scans.find((s) => s.user_id === userId)
    const follow = follows.find((f) => f.user_id === userId)
    const visitor = visitors.find((v) => v.user_id === userId)
    const shared = visitor?.share_contact === 1
    return {
      at: Math.max(Number(scan?.last_at ?? 0), follow?.created_at ?? 0),
      scanDays: Number(scan?.days ?? 0),
      following: follow !== undefined,
      name: shared ? visitor.name : null,
      company: shared ? visitor.company : null,
      phone: shared ? visitor.phone : null,
      kindLabel: visitor ? VISITOR_KIND_LABELS[visitor.kind as VisitorKind] : null,
    }
  })
  leads.sort((a, b) => Number(b.name !== null) - Number(a.name !== null) || b.at - a.at)
  return {
    exhibitor: { id: booth.id, name: booth.name, boothNo: booth.booth_no, exhibitionName: exhibition.name },
    scans: scans.filter((s) => s.user_id !== user.id).reduce((sum, s) => sum + Number(s.days), 0),
    follows: follows.filter((f) => f.user_id !== user.id).length,
    leads,
  }
}
