import type { ParsedInput, VisitHost, VisitSlots } from '../../contract'
import { badRequest, forbidden } from '../../domain/errors'
import { ROLE_LABELS } from '../../domain/roles'
import { beijingDay, daysFrom, isFuture, slotKey, slotLabel, weekDays, type Half } from '../../domain/visit/calendar'
import { inTransaction } from '../../store/database'
import { findEnterpriseById } from '../../store/repositories/enterprises'
import { findUsersByIds, listDepartmentHeads, type UserRow } from '../../store/repositories/users'
import { listHeldSlots, listOpenSlots, replaceSlots } from '../../store/repositories/visits'
import { ActionContext, requireUser } from '../context'
import { KIND_LABELS } from '../../views/visit-view'

/** How far ahead owners can book. */
export const BOOKING_DAYS = 21

/** The people who visit an owner's enterprise: its officer, its department's head and its leader (座谈). */
export async function hostsOfEnterprise(ctx: Pick<ActionContext, 'db'>, enterpriseId: string): Promise<UserRow[]> {
  const enterprise = await findEnterpriseById(ctx.db, enterpriseId)
  if (!enterprise) return []
  const heads = enterprise.department_id ? await listDepartmentHeads(ctx.db, enterprise.department_id) : []
  const named = await findUsersByIds(
    ctx.db,
    [enterprise.officer_id, enterprise.leader_id].filter((id): id is string => id !== null),
  )
  const order = ['officer', 'dept_head', 'leader']
  return [...named, ...heads].sort((a, b) => order.indexOf(a.role) - order.indexOf(b.role))
}

/**
 * visit.slots: for an owner, their visitors with every half-day of the next three weeks they opened,
 * and whether it is still free; for staff, their own.
 */
export async function visitSlots(ctx: ActionContext): Promise<VisitSlots> {
  const user = requireUser(ctx)
  const now = ctx.clock.now()
  const hosts = user.role === 'owner' ? (user.enterprise_id ? await hostsOfEnterprise(ctx, user.enterprise_id) : []) : [user]
  const days = daysFrom(beijingDay(now), BOOKING_DAYS)
  const ids = hosts.map((h) => h.id)
  const [open, held] = await Promise.all([
    listOpenSlots(ctx.db, ids, days[0], days.at(-1)!),
    listHeldSlots(ctx.db, ids, days[0], days.at(-1)!),
  ])
  return {
    hosts: hosts.map((host): VisitHost => {
      const kind = host.role === 'leader' ? 'meeting' : 'visit'
      return {
        id: host.id,
        name: host.name,
        title: host.title,
        phone: host.phone,
        role: host.role,
        roleLabel: ROLE_LABELS[host.role],
        kind,
        kindLabel: KIND_LABELS[kind],
        slots: open
          .filter((s) => s.host_id === host.id && isFuture(s.day, s.half as Half, now))
          .map((s) => ({
            day: s.day,
            half: s.half as Half,
            label: slotLabel(s.day, s.half as Half, beijingDay(now)),
            free: !held.has(slotKey(host.id, s.day, s.half as Half)),
          })),
      }
    }),
  }
}

/** visit.setAvailability: a visitor sets the half-days of one week that owners may book. */
export async function setAvailability(ctx: ActionContext, input: ParsedInput<'visit.setAvailability'>): Promise<VisitSlots> {
  const user = requireUser(ctx)
  if (user.role === 'admin') throw forbidden('管理员不承担走访，无需设置可预约时间')
  const days = weekDays(input.weekOf)
  const index = input.slots.findIndex((s) => !days.includes(s.day))
  if (index >= 0) throw badRequest(`「日期」(slots.${index}.day)：${input.slots[index].day} 不在这一周`, `slots.${index}.day`)
  const unique = [...new Map(input.slots.map((s) => [`${s.day}|${s.half}`, s])).values()]
  // Half-days already booked stay open: closing them would not undo the booking.
  await inTransaction(ctx.db, async (trx) => {
    const held = await listHeldSlots(trx, [user.id], days[0], days[6])
    const kept = (await listOpenSlots(trx, [user.id], days[0], days[6])).filter((s) => held.has(slotKey(user.id, s.day, s.half as Half)))
    const all = [
      ...new Map([...unique, ...kept.map((s) => ({ day: s.day, half: s.half as Half }))].map((s) => [`${s.day}|${s.half}`, s])).values(),
    ]
    await replaceSlots(trx, user.id, days, all, ctx.clock.now())
  })
  return visitSlots(ctx)
}
