import type { Kysely } from 'kysely'
import { createHash } from 'node:crypto'
import { exhibition, exhibitors, invitations } from '../../seeds/exhibition'
import { inZone } from '../domain/clock'
import { newSceneCode } from '../domain/expo-scene'
import type { Database } from './database'
import { insertExhibition, insertExhibitor, insertInvitations } from './repositories/exhibitions'
import type { SeedEnterprise } from './seed-types'

/** Seeded codes are derived from the booth, so the demo's links stay the same from one seed to the next. */
const seedCode = (subject: string) => newSceneCode((n) => createHash('sha256').update(`bangban-expo:${subject}`).digest().subarray(0, n))

/** Opens on the day of seeding and runs its days: whenever the demo is first started, its codes lead to an open exhibition. */
export function seededDates(now: number): { startsOn: string; endsOn: string } {
  const today = inZone(now).startOf('day')
  return { startsOn: today.format('YYYY-MM-DD'), endsOn: today.add(exhibition.runDays - 1, 'day').format('YYYY-MM-DD') }
}

/** The 4th exhibition, its booths and its VIP invitations (inside the seed's transaction). */
export async function seedExhibition(trx: Kysely<Database>, now: number, enterprises: SeedEnterprise[]): Promise<void> {
  const { startsOn, endsOn } = seededDates(now)
  const dayAfter = (offset: number) =>
    inZone(Date.parse(`${startsOn}T12:00:00+08:00`))
      .add(offset, 'day')
      .format('YYYY-MM-DD')
  await insertExhibition(trx, {
    id: exhibition.id,
    code: seedCode(exhibition.id),
    name: exhibition.name,
    theme: exhibition.theme,
    venue: exhibition.venue,
    starts_on: startsOn,
    ends_on: endsOn,
    halls: JSON.stringify(exhibition.halls),
    booth_count: exhibition.boothCount,
    area_m2: exhibition.areaM2,
    forum: JSON.stringify(exhibition.forum.map(({ offset, ...session }) => ({ day: dayAfter(offset), ...session }))),
    featured_policy_ids: JSON.stringify(exhibition.featuredPolicyIds),
    created_at: now,
    updated_at: now,
  })
  for (const booth of exhibitors) {
    const enterprise = booth.enterpriseId ? enterprises.find((e) => e.id === booth.enterpriseId) : undefined
    if (booth.enterpriseId && !enterprise) throw new Error(`seed exhibitor ${booth.boothNo}: no enterprise ${booth.enterpriseId}`)
    const contact = enterprise ? { name: enterprise.owner.name, phone: enterprise.owner.phone } : booth.contact!
    await insertExhibitor(trx, {
      id: `exh-4-${booth.boothNo.toLowerCase()}`,
      exhibition_id: exhibition.id,
      code: seedCode(`${exhibition.id}:${booth.boothNo}`),
      enterprise_id: enterprise?.id ?? null,
      name: enterprise?.name ?? booth.name!,
      booth_no: booth.boothNo,
      hall: booth.hall,
      products: JSON.stringify(booth.products),
      intro: booth.intro,
      contact_name: contact.name,
      contact_phone: contact.phone,
      free_zone: booth.freeZone ? 1 : 0,
      wxacode_file_id: null,
      created_at: now,
      updated_at: now,
    })
  }
  await insertInvitations(
    trx,
    invitations.map((i) => ({ code: i.code, exhibition_id: exhibition.id, note: i.note, created_at: now })),
  )
}
