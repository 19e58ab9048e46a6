import type autocannon from 'autocannon'
import { APPEAL_CATEGORIES } from '../cloud/domain/appeal/categories'

export interface Owner {
  token: string
  /** One of the enterprise's own appeals, for appeal.get. */
  appealId: string
}

export type Action = 'appeal.listMine' | 'appeal.get' | 'policy.list' | 'appeal.inbox' | 'appeal.create'
export type Recorder = (action: Action, status: number, body: string) => void

/**
 * One connection's round of requests: 30% lists, 20% details, 20% policies, 20% inboxes and 10%
 * filings, each from the next owner or officer in turn; filings go round every owner, so none
 * nears the daily limit, each with a request id of its own.
 */
export function trafficMix(owners: Owner[], officers: string[]) {
  let turn = 0
  let filed = 0
  let recorder: Recorder = () => {}
  const nextOwner = () => owners[turn++ % owners.length]
  const call = (action: Action, payload: () => { token: string; body: unknown }): autocannon.Request => ({
    method: 'POST',
    path: `/api/${action}`,
    setupRequest: (request) => {
      const { token, body } = payload()
      return { ...request, headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` }, body: JSON.stringify(body) }
    },
    onResponse: (status, body) => recorder(action, status, body),
  })
  const listMine = call('appeal.listMine', () => ({ token: nextOwner().token, body: { filter: 'all', limit: 20 } }))
  const get = call('appeal.get', () => {
    const owner = nextOwner()
    return { token: owner.token, body: { id: owner.appealId } }
  })
  const policies = call('policy.list', () => ({ token: nextOwner().token, body: { limit: 20 } }))
  const inbox = call('appeal.inbox', () => ({ token: officers[turn++ % officers.length], body: { filter: 'open', limit: 20 } }))
  const create = call('appeal.create', () => {
    const n = filed++
    const body = {
      clientRequestId: `load-${n}-${Date.now()}`,
      category: APPEAL_CATEGORIES[n % APPEAL_CATEGORIES.length],
      title: `压测诉求${n}`,
      description: '压测生成的诉求内容，衡量负载下的写入。',
      contactName: '张三',
      contactPhone: '13900000000',
    }
    return { token: owners[n % owners.length].token, body }
  })
  return {
    requests: [listMine, get, policies, inbox, listMine, create, get, policies, inbox, listMine],
    filed: () => filed,
    onResponse: (next: Recorder) => (recorder = next),
  }
}
