import { readFileSync, readdirSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { org } from '../../seeds/org'
import { routing } from '../../seeds/routing'
import type { Clock } from '../domain/clock'
import { isValidCreditCode } from '../domain/credit-code'
import { newCheckinCode } from './ids'
import type { Store } from './connect'
import { countDepartments, insertDepartment } from './repositories/departments'
import { insertEnterprise } from './repositories/enterprises'
import { upsertPolicy } from './repositories/policies'
import { insertUser } from './repositories/users'
import { parsePolicyFile } from './policy-file'
import { seedIndicators } from './seed-indicators'
import { seedVisits } from './seed-visits'
import { seedExhibition } from './seed-exhibition'
import type { SeedOrg } from './seed-types'

export const SEEDS_DIR = resolve(__dirname, '../../seeds')

/** Reads every policy explainer under a folder, in file-name order. */
export function readPolicyFiles(dir: string, now: number) {
  return readdirSync(dir)
    .filter((name) => name.endsWith('.md'))
    .sort()
    .map((name) => parsePolicyFile(name, readFileSync(join(dir, name), 'utf8'), now))
}

/**
 * Fills an empty store with the town's departments, people, enterprises and policies, in one
 * transaction. A store that already has departments is left alone: answers whether it seeded.
 * `demo` adds what a demonstration needs to feel lived in (open visit slots, plans, past visits,
 * a year of monthly figures),
 * dated from the clock; tests build their own.
 */
export async function seedIfEmpty(store: Store, clock: Clock, data: SeedOrg = org, { demo = false } = {}): Promise<boolean> {
  if ((await countDepartments(store.db)) > 0) return false
  const now = clock.now()
  const policies = readPolicyFiles(join(SEEDS_DIR, 'policies'), now)
  await store.db.transaction().execute(async (trx) => {
    for (const [index, d] of data.departments.entries()) {
      await insertDepartment(trx, { id: d.id, name: d.name, remit: d.remit, sort_order: index })
    }
    for (const e of data.enterprises) {
      if (!isValidCreditCode(e.creditCode)) throw new Error(`seed enterprise ${e.id}: invalid credit code ${e.creditCode}`)
      await insertEnterprise(trx, {
        id: e.id,
        name: e.name,
        credit_code: e.creditCode,
        industry: e.industry,
        kind: e.kind,
        park: e.park,
        address: e.address,
        legal_person: e.legalPerson,
        officer_id: e.officerId,
        department_id: e.departmentId,
        leader_id: e.leaderId,
        tags: JSON.stringify(e.tags ?? []),
        team: e.team ?? `${data.departments.find((d) => d.id === e.departmentId)?.name ?? ''}帮扶小组`,
        checkin_code: newCheckinCode(),
        created_at: now,
        deactivated_at: null,
        contact_name: e.owner.name,
        contact_phone: e.owner.phone,
      })
    }
    const staff = data.users.map((u) => ({
      id: u.id,
      name: u.name,
      role: u.role,
      title: u.title,
      phone: u.phone,
      department_id: u.departmentId ?? null,
      enterprise_id: null,
      openid: null,
      created_at: now,
      deactivated_at: null,
      primary_owner: 0,
      owner_since: null,
    }))
    const owners = data.enterprises.map((e) => ({
      id: e.owner.id,
      name: e.owner.name,
      role: 'owner' as const,
      title: `${e.name} 负责人`,
      phone: e.owner.phone,
      department_id: null,
      enterprise_id: e.id,
      openid: null,
      created_at: now,
      deactivated_at: null,
      // Each demo enterprise has one owner, its primary one.
      primary_owner: 1,
      owner_since: now,
    }))
    for (const user of [...staff, ...owners]) await insertUser(trx, user)
    for (const policy of policies) await upsertPolicy(trx, policy)
    for (const [category, departmentId] of Object.entries(routing)) {
      await trx.insertInto('routing_rules').values({ category, department_id: departmentId }).execute()
    }
    // The county's exhibition (展会扫码) is the town's own data, like its policies.
    await seedExhibition(trx, now, data.enterprises)
    if (demo) {
      await seedVisits(trx, now)
      await seedIndicators(trx, now, data.enterprises)
    }
  })
  return true
}
