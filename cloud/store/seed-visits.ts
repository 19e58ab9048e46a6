import type { Kysely } from 'kysely'
import { OPEN_HALVES, PAST_VISITS, PLANS } from '../../seeds/visits'
import { inZone } from '../domain/clock'
import { beijingDay, halfOf } from '../domain/visit/calendar'
import type { Database } from './database'
import { newId } from './ids'
import { newVisitRow } from './repositories/visits'

/** The weeks of half-days opened at seeding: enough to book during a demo. */
const WEEKS_OPEN = 4

/** Availability for every visitor, the plans' milestones and some proven visits, relative to `now`. */
export async function seedVisits(trx: Kysely<Database>, now: number): Promise<void> {
  const visitors = await trx.selectFrom('users').select(['id', 'role']).where('role', 'in', ['officer', 'dept_head', 'leader']).execute()
  const today = inZone(now).startOf('day')
  const slots = []
  for (let i = 0; i < WEEKS_OPEN * 7; i++) {
    const date = today.add(i, 'day')
    for (const person of visitors) {
      for (const open of OPEN_HALVES[person.role as keyof typeof OPEN_HALVES]) {
        if (open.weekday === date.day())
          slots.push({ host_id: person.id, day: date.format('YYYY-MM-DD'), half: open.half, created_at: now })
      }
    }
  }
  for (let i = 0; i < slots.length; i += 300)
    await trx
      .insertInto('visit_slots')
      .values(slots.slice(i, i + 300))
      .execute()

  for (const plan of PLANS) {
    for (const m of plan.milestones) {
      await trx
        .insertInto('plan_milestones')
        .values({
          id: newId('ms'),
          enterprise_id: plan.enterpriseId,
          title: m.title,
          due_on: today.add(m.dueIn, 'day').format('YYYY-MM-DD'),
          done_at: m.doneDaysAgo === undefined ? null : now - m.doneDaysAgo * 86_400_000,
          note: m.note ?? '',
          created_by: 'u-admin',
          created_at: now,
          updated_at: now,
        })
        .execute()
    }
  }

  for (const plan of PLANS) {
    const members = (plan.team ?? []).map((m, position) => ({
      id: newId('tm'),
      enterprise_id: plan.enterpriseId,
      name: m.name,
      duty: m.duty,
      position,
      updated_by: 'u-admin',
      updated_at: now,
    }))
    if (members.length) await trx.insertInto('enterprise_team_members').values(members).execute()
    for (const g of plan.goals ?? [])
      await trx
        .insertInto('enterprise_goals')
        .values({
          id: newId('goal'),
          enterprise_id: plan.enterpriseId,
          label: g.label,
          target: g.target,
          unit: g.unit,
          due_on: today.add(g.dueIn, 'day').format('YYYY-MM-DD'),
          actual: g.actual ?? null,
          reported_at: g.actual === undefined ? null : now,
          created_by: 'u-admin',
          created_at: now,
          updated_at: now,
        })
        .execute()
  }

  for (const v of PAST_VISITS) {
    const at = today.subtract(v.daysAgo, 'day').hour(9).minute(30).valueOf()
    const host = visitors.find((p) => p.id === v.hostId)!
    await trx
      .insertInto('visits')
      .values(
        newVisitRow({
          id: newId('vis'),
          enterprise_id: v.enterpriseId,
          host_id: v.hostId,
          host_role: host.role,
          kind: host.role === 'leader' ? 'meeting' : 'visit',
          origin: 'proactive',
          topic: v.topic,
          day: beijingDay(at),
          half: halfOf(at),
          state: 'done',
          checked_in_at: at,
          proven: 1,
          visited_at: at,
          version: 1,
          created_at: at,
          record: JSON.stringify({
            participants: '',
            situation: { production: v.production, employment: v.employment, funding: '', project: '' },
            asks: v.asks,
            appeals: [],
          }),
        }),
      )
      .execute()
  }
}
