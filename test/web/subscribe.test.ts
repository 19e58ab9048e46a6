import Taro from '@tarojs/taro'
import { setTransport } from '../../src/api/client'
import { askToSubscribe, loadSubscriptionTemplates } from '../../src/api/subscribe'

const taro = Taro as unknown as { requestSubscribeMessage: jest.Mock }
const TEMPLATES = [
  { kind: 'appeal_update', id: 'tmpl-update', label: '诉求办理进度' },
  { kind: 'appeal_task', id: 'tmpl-task', label: '诉求待办提醒' },
  { kind: 'policy_new', id: 'tmpl-policy', label: '惠企政策推送' },
]

describe('asking to subscribe', () => {
  const calls: [string, unknown][] = []
  beforeEach(async () => {
    calls.length = 0
    jest.clearAllMocks()
    process.env.TARO_ENV = 'weapp'
    setTransport(async (action, payload) => {
      calls.push([action, payload])
      return action === 'subscription.templates' ? { ok: true, data: TEMPLATES } : { ok: true, data: {} }
    })
    await loadSubscriptionTemplates()
  })

  it('asks WeChat for the templates of the moment and records each answer', async () => {
    taro.requestSubscribeMessage.mockResolvedValue({
      errMsg: 'requestSubscribeMessage:ok',
      'tmpl-update': 'accept',
      'tmpl-policy': 'reject',
    })
    askToSubscribe(['appeal_update', 'policy_new'])
    expect(taro.requestSubscribeMessage).toHaveBeenCalledWith({ tmplIds: ['tmpl-update', 'tmpl-policy'], entityIds: [] })
    await new Promise((resolve) => setImmediate(resolve))
    expect(calls.at(-1)).toEqual([
      'subscription.grant',
      {
        results: [
          { template: 'appeal_update', accepted: true },
          { template: 'policy_new', accepted: false },
        ],
      },
    ])
  })

  it('a dismissed dialog records nothing and breaks nothing', async () => {
    taro.requestSubscribeMessage.mockRejectedValue({ errMsg: 'requestSubscribeMessage:fail cancel' })
    askToSubscribe(['appeal_task'])
    await new Promise((resolve) => setImmediate(resolve))
    expect(calls.map(([action]) => action)).toEqual(['subscription.templates'])
  })

  it('in the browser build it asks nothing', async () => {
    process.env.TARO_ENV = 'h5'
    askToSubscribe(['appeal_update'])
    expect(taro.requestSubscribeMessage).not.toHaveBeenCalled()
  })
})
