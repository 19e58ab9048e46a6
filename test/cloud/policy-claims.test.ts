import { claimGrantProblem, claimStage } from '../../cloud/domain/policy-claim'
import type { Store } from '../../cloud/store/connect'
import { apiAs } from '../support/api'
import { makeServices, makeStore } from '../support/services'
import { town } from '../support/town'

describe('政策兑现 stages', () => {
  it.each([
    [undefined, null, 'unclaimed'],
    [{ help_entry_id: null }, null, 'applied'],
    [{ help_entry_id: 'help-1' }, 'pending', 'granted'],
    [{ help_entry_id: 'help-1' }, 'disputed', 'granted'],
    [{ help_entry_id: 'help-1' }, 'confirmed', 'confirmed'],
  ] as const)('claim %o with a grant %s is %s', (claim, grant, stage) => {
    expect(claimStage(claim, grant)).toBe(stage)
  })
  it('grants only an application not yet granted', () => {
    expect(claimGrantProblem('applied')).toBeNull()
    expect(claimGrantProblem('unclaimed')).toMatch('尚未申报')
    expect(claimGrantProblem('granted')).toMatch('已经兑现')
    expect(claimGrantProblem('confirmed')).toMatch('已经兑现')
  })
})

/** 企业技术改造专项资金 is for 规上 firms: medPack (林晓禾's) fits, grainFoods (the finance officer's) fits too. */
describe('政策兑现: applied → granted → confirmed, and who has not applied', () => {
  let store: Store
  let setup: ReturnType<typeof makeServices>
  let api: ReturnType<typeof apiAs>
  const policyId = town.policies.techUpgradeFund.id
  const medPack = town.enterprises.medPack
  const officer = town.officer.id

  beforeEach(async () => {
    store = await makeStore()
    setup = makeServices(store, { now: '2026-03-02T09:00:00+08:00' })
    api = apiAs(setup.services)
  })
  afterEach(() => store.close())

  const grant = (id: string, extra: Record<string, unknown> = {}) => ({
    id,
    amount: 12,
    givenOn: '2026-03-01',
    note: '技改补助已拨付',
    ...extra,
  })

  it('the owner applies once, the officer is told, grants it into the help ledger, and it counts once the owner confirms', async () => {
    const before = await api.call(officer, 'claim.list', { policyId })
    expect(before.counts.unclaimed).toBeGreaterThan(0)
    expect(before.items.find((i) => i.enterpriseId === medPack.id)).toMatchObject({ stage: 'unclaimed', stageLabel: '应享未享' })
    // The officer sees only firms they cover; the finance officer's grainFoods is not in the list.
    expect(before.items.map((i) => i.enterpriseId)).not.toContain(town.enterprises.grainFoods.id)

    const applied = await api.call(medPack.owner.id, 'claim.apply', { clientRequestId: 'claim-request-0001', policyId })
    expect(applied).toMatchObject({ stage: 'applied', enterpriseId: medPack.id, appliedAt: setup.clock.now() })
    const again = await api.call(medPack.owner.id, 'claim.apply', { clientRequestId: 'claim-request-0002', policyId })
    expect(again.claimId).toBe(applied.claimId)
    const told = await store.db.selectFrom('messages').selectAll().where('kind', '=', 'claim.apply').execute()
    expect(told.map((m) => m.user_id)).toEqual([officer])
    expect(await store.db.selectFrom('outbox').select('id').where('user_id', '=', officer).execute()).toHaveLength(1)

    const granted = await api.call(officer, 'claim.grant', grant(applied.claimId!))
    expect(granted).toMatchObject({ stage: 'granted', grantedAmount: 120_000 })
    expect((await api.fail(officer, 'claim.grant', grant(applied.claimId!))).status).toBe(409)

    const help = await api.call(medPack.owner.id, 'help.list', { state: 'pending' })
    const entry = help.items.find((h) => h.note.includes('企业技术改造专项资金'))!
    expect(entry).toMatchObject({ kind: 'subsidy', amount: 120_000 })
    await api.call(medPack.owner.id, 'help.confirm', { id: entry.id })
    expect(await api.call(medPack.owner.id, 'claim.status', { policyId })).toMatchObject({ stage: 'confirmed', stageLabel: '企业已确认' })

    const after = await api.call(officer, 'claim.list', { policyId, stage: 'confirmed' })
    expect(after.items.map((i) => i.enterpriseId)).toEqual([medPack.id])
    expect(after.counts.unclaimed).toBe(before.counts.unclaimed - 1)
  })

  it('refuses what does not fit: a grant before an application, a future day, a zero amount, another officer, a draft policy', async () => {
    const applied = await api.call(officer, 'claim.apply', { policyId, enterpriseId: medPack.id })
    // Staff recording it tell nobody: they are the one who follows up.
    expect(await store.db.selectFrom('messages').select('id').where('kind', '=', 'claim.apply').execute()).toHaveLength(0)
    expect((await api.fail(officer, 'claim.grant', grant(applied.claimId!, { givenOn: '2026-03-03' }))).body).toMatchObject({
      error: { field: 'givenOn' },
    })
    expect((await api.fail(officer, 'claim.grant', grant(applied.claimId!, { amount: 0 }))).body).toMatchObject({
      error: { field: 'amount' },
    })
    expect((await api.fail(town.officers.finance.id, 'claim.grant', grant(applied.claimId!))).status).toBe(404)
    expect((await api.fail(town.officers.finance.id, 'claim.apply', { policyId, enterpriseId: medPack.id })).status).toBe(404)
    expect((await api.fail(medPack.owner.id, 'claim.grant', grant(applied.claimId!))).status).toBe(403)
    expect((await api.fail(medPack.owner.id, 'claim.apply', { policyId: 'no-such-policy' })).status).toBe(404)
    expect((await api.fail(town.enterprises.grainFoods.owner.id, 'claim.status', { policyId, enterpriseId: medPack.id })).status).toBe(404)
    // Nothing was granted by the refusals.
    expect(await store.db.selectFrom('help_entries').select('id').where('kind', '=', 'subsidy').execute()).toHaveLength(0)
  })

  it('an expired policy takes no application', async () => {
    setup.clock.set('2030-01-01T09:00:00+08:00')
    const expired = town.policies.jobSubsidy.id
    const refused = await api.fail(medPack.owner.id, 'claim.apply', { policyId: expired })
    expect(refused.body).toMatchObject({ error: { field: 'policyId' } })
  })
})
