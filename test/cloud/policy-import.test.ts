import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { importPolicies } from '../../cloud/workflows/import-policies'
import type { Store } from '../../cloud/store/connect'
import { findPolicyById } from '../../cloud/store/repositories/policies'
import { makeStore, memoryLog } from '../support/services'
import { town } from '../support/town'

const explainer = (id: string, kinds = '[规上企业]') => `---
id: ${id}
title: 规上企业用电补贴
issuer: 沧县发展和改革局
category: 产业扶持
publishedAt: 2026-03-01
effectiveFrom: 2026-03-01
summary: 一句话看懂：规上企业今年的用电可申请补贴。
kinds: ${kinds}
---
## 谁能享受
规上企业。

## 能享受什么
用电补贴。

## 怎么办理
向驻企特派员报名。
`

describe('npm run policies:import', () => {
  let store: Store
  let dir: string
  const now = Date.parse('2026-03-02T09:00:00+08:00')
  const count = async () =>
    Number(
      (
        await store.db
          .selectFrom('policies')
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    )
  const above = town.all.enterprises.filter((e) => e.kind === '规上企业').length

  beforeEach(async () => {
    store = await makeStore()
    dir = mkdtempSync(join(tmpdir(), 'bangban-import-'))
  })
  afterEach(async () => {
    await store.close()
    rmSync(dir, { recursive: true, force: true })
  })

  it('publishes new explainers and tells their enterprises once; importing again updates and tells nobody', async () => {
    writeFileSync(join(dir, 'power.md'), explainer('pol-power-subsidy'))
    const before = await count()
    expect(await importPolicies(store.db, dir, now, memoryLog())).toEqual({ created: 1, updated: 0, notified: above })
    expect(await count()).toBe(before + 1)

    writeFileSync(join(dir, 'power.md'), explainer('pol-power-subsidy').replace('用电补贴。', '用电补贴（修订）。'))
    expect(await importPolicies(store.db, dir, now + 1000, memoryLog())).toEqual({ created: 0, updated: 1, notified: 0 })
    expect((await findPolicyById(store.db, 'pol-power-subsidy'))?.body).toContain('修订')
  })

  it('keeps an admin’s withdrawal when the file is imported again', async () => {
    writeFileSync(join(dir, 'power.md'), explainer('pol-power-subsidy'))
    await importPolicies(store.db, dir, now, memoryLog())
    await store.db.updateTable('policies').set({ status: 'withdrawn' }).where('id', '=', 'pol-power-subsidy').execute()
    await importPolicies(store.db, dir, now, memoryLog())
    expect((await findPolicyById(store.db, 'pol-power-subsidy'))?.status).toBe('withdrawn')
  })

  it('one malformed file is named with its field, and nothing at all is imported', async () => {
    writeFileSync(join(dir, 'a-good.md'), explainer('pol-good-one'))
    writeFileSync(join(dir, 'b-bad.md'), explainer('pol-bad-one', '[大企业]'))
    const before = await count()
    await expect(importPolicies(store.db, dir, now, memoryLog())).rejects.toThrow(/^b-bad\.md: kinds\.0/)
    expect(await count()).toBe(before)
    expect(await findPolicyById(store.db, 'pol-good-one')).toBeUndefined()
  })
})
