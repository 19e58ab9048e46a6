import { actions } from '../../cloud/contract'
import {
  EMPTY_FORM,
  helpPayload,
  requestFor,
  splitStaffMoves,
  STAFF_MOVE_ORDER,
  STAFF_MOVES,
  type MoveForm,
} from '../../src/pages/appeal-detail/staff-moves'
import { OWNER_MOVE_ORDER, ownerRequestFor } from '../../src/pages/appeal-detail/owner-moves'

/**
 * The forms of the appeal page, checked against the server's own contract: every request a filled
 * form makes is one the API accepts, and a missing choice is named before the round trip.
 */
const appeal = { id: 'ap-1', version: 3 }
const FILLED: MoveForm = {
  text: '已联系供电公司，本周内完成勘查',
  officerId: 'u-officer-any',
  departmentId: 'dept-any',
  date: '2026-12-10',
  redirectTo: '请向县行政审批局咨询',
  helpKind: 'new_loan',
  helpAmount: '200',
  approve: true,
  summary: '企业新厂房用电增容，协调供电部门',
  office: '县自然资源和规划局',
  solved: true,
}

describe('appeal page actions', () => {
  it.each(STAFF_MOVE_ORDER)('%s: a filled form makes a request the contract accepts', (action) => {
    const request = requestFor(action, appeal, FILLED)
    if ('missing' in request) throw new Error(request.missing)
    expect(request.action).toBe(`appeal.${action}`)
    const parsed = actions[request.action].input.safeParse(request.payload)
    expect(parsed.error?.issues ?? []).toEqual([])
    expect(request.payload).toMatchObject(appeal)
  })

  const PICKED = ['requestExtension', 'decideExtension', 'redispatch', 'assign', 'transfer', 'reviewReturn', 'ruleContest', 'spotCheck']

  it.each(PICKED as (typeof STAFF_MOVE_ORDER)[number][])('%s: an unpicked choice is named in Chinese, before any call', (action) => {
    expect(requestFor(action, appeal, { ...EMPTY_FORM, text: '说明' })).toEqual({ missing: expect.stringMatching(/^请选择/) })
  })

  it("the other actions need no pick: their text rules are the server's", () => {
    const free = STAFF_MOVE_ORDER.filter((a) => !PICKED.includes(a))
    expect(
      free.every((a) => STAFF_MOVES[a].picks.every((p: string) => ['date', 'help', 'redirect', 'summary', 'office', 'solved'].includes(p))),
    ).toBe(true)
    for (const action of free) expect(requestFor(action, appeal, EMPTY_FORM)).toHaveProperty('action', `appeal.${action}`)
  })

  it('accept carries the public summary, and a close date with its reason only when one was picked (a complex appeal)', () => {
    expect(requestFor('accept', appeal, EMPTY_FORM)).toEqual({
      action: 'appeal.accept',
      payload: { ...appeal, note: '', publicSummary: '' },
    })
    expect(requestFor('accept', appeal, { ...EMPTY_FORM, summary: '用电增容', date: '2026-12-10', text: '需供电公司排期' })).toEqual({
      action: 'appeal.accept',
      payload: { ...appeal, publicSummary: '用电增容', closeBy: '2026-12-10', reason: '需供电公司排期' },
    })
  })

  it('a spot check that finds a rating given under pressure records what the enterprise says now', () => {
    expect(requestFor('spotCheck', appeal, { ...EMPTY_FORM, approve: false, text: '企业说是被要求打的好评' })).toEqual({
      missing: '请选择企业现在的评价',
    })
    const request = requestFor('spotCheck', appeal, {
      ...EMPTY_FORM,
      approve: false,
      rating: 'unsatisfied',
      text: '企业说是被要求打的好评',
    })
    expect(request).toEqual({
      action: 'appeal.spotCheck',
      payload: { ...appeal, verdict: 'pressured', rating: 'unsatisfied', note: '企业说是被要求打的好评' },
    })
    if ('missing' in request) throw new Error(request.missing)
    expect(actions[request.action].input.safeParse(request.payload).success).toBe(true)
  })

  it.each(OWNER_MOVE_ORDER)('owner %s: a filled form makes a request the contract accepts', (move) => {
    const request = ownerRequestFor(move, appeal, { text: '营业执照复印件已拍照上传', attachmentIds: ['up-1'] })
    expect(request.action).toBe(`appeal.${move}`)
    const parsed = actions[request.action].input.safeParse(request.payload)
    expect(parsed.error?.issues ?? []).toEqual([])
  })

  it('改派 without an officer leaves the choice to the head of the department', () => {
    const request = requestFor('redispatch', appeal, { ...EMPTY_FORM, departmentId: 'dept-other' })
    expect(request).toEqual({ action: 'appeal.redispatch', payload: { ...appeal, departmentId: 'dept-other', note: '' } })
  })

  it('help amounts: 万元 become yuan, people stay people, kinds without a measure send no amount', () => {
    expect(helpPayload('new_loan', '200')).toEqual({ helpKind: 'new_loan', helpAmount: 2_000_000 })
    expect(helpPayload('new_loan', '1.5')).toEqual({ helpKind: 'new_loan', helpAmount: 15_000 })
    expect(helpPayload('recruitment', '35')).toEqual({ helpKind: 'recruitment', helpAmount: 35 })
    expect(helpPayload('permit_completed', '12')).toEqual({ helpKind: 'permit_completed' })
    expect(helpPayload('new_loan', '')).toEqual({ helpKind: 'new_loan' })
    expect(helpPayload(undefined, '5')).toEqual({})
  })

  it('the staff bar offers the move that carries the appeal on as its button, the rest behind 更多', () => {
    expect(splitStaffMoves(['accept', 'requestInfo', 'return', 'dispute', 'transfer'])).toEqual({
      primary: 'accept',
      more: ['requestInfo', 'return', 'dispute', 'transfer'],
    })
    expect(splitStaffMoves(['progress', 'requestInfo', 'resolve', 'requestExtension', 'escalate'])).toEqual({
      primary: 'resolve',
      more: ['progress', 'requestInfo', 'requestExtension', 'escalate'],
    })
    // A move not in the preference still leads when it is the only kind there is.
    expect(splitStaffMoves(['progress', 'escalate'])).toEqual({ primary: 'progress', more: ['escalate'] })
    expect(splitStaffMoves([])).toEqual({ primary: undefined, more: [] })
  })
})
