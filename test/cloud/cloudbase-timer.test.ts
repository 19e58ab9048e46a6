import { readFileSync } from 'node:fs'
import { isTimerRun, SWEEP_EVERY_MINUTES, timerJobs, TRIGGER_NAME } from '../../cloud/cloudbase/timer'

describe('the cloud function timer', () => {
  const tick = { Type: 'Timer', TriggerName: TRIGGER_NAME, Time: '2026-03-02T01:05:00Z', Message: '' }

  it('is a run with no caller, named as config.json names its one trigger', async () => {
    expect(isTimerRun(tick, undefined)).toBe(true)
    expect(isTimerRun(tick, '')).toBe(true)
    expect(isTimerRun({ ...tick, TriggerName: 'sweep' }, undefined)).toBe(false)
    expect(isTimerRun({ action: 'auth.me' }, undefined)).toBe(false)
    expect(isTimerRun(null, undefined)).toBe(false)
    const config = JSON.parse(readFileSync('cloud/functions/api/config.json', 'utf8'))
    expect(config.triggers).toEqual([expect.objectContaining({ name: TRIGGER_NAME, type: 'timer' })])
  })

  it('is never a call from the mini-program, whatever its data says: that call carries an OPENID', () => {
    // What wx-server-sdk hands the function for Taro.cloud.callFunction({ name: 'api', data }):
    // the data itself, plus userInfo, with the caller's OPENID in getWXContext().
    const spoof = { Type: 'Timer', TriggerName: TRIGGER_NAME, userInfo: { appId: 'wx0000000000000000', openId: 'o-guest' } }
    expect(isTimerRun(spoof, 'o-guest')).toBe(false)
  })

  it('dispatches the outbox every minute and sweeps every few minutes', () => {
    const minute = (n: number) => Date.parse('2026-03-02T01:00:00Z') + n * 60_000
    const sweeps = Array.from({ length: 30 }, (_, n) => timerJobs(minute(n)).sweep).filter(Boolean).length
    expect(sweeps).toBe(30 / SWEEP_EVERY_MINUTES)
    expect(timerJobs(minute(0))).toEqual({ dispatch: true, sweep: true })
    expect(timerJobs(minute(1))).toEqual({ dispatch: true, sweep: false })
  })
})
