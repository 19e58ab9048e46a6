import { readFileSync } from 'node:fs'
import { isTimerRun, SWEEP_EVERY_MINUTES, TICK_SECONDS, timerJobs, TRIGGER_NAME } from '../../cloud/cloudbase/timer'

describe('the cloud function timer', () => {
  const tick = { Type: 'Timer', TriggerName: TRIGGER_NAME, Time: '2026-03-02T01:05:00Z', Message: '' }

  it('is a run with no caller, named as config.json names its one trigger', async () => {
    expect(isTimerRun(tick, undefined)).toBe(true)
    expect(isTimerRun(tick, '')).toBe(true)
    expect(isTimerRun({ ...tick, TriggerName: 'sweep' }, undefined)).toBe(false)
    expect(isTimerRun({ action: 'auth.me' }, undefined)).toBe(false)
    expect(isTimerRun(null, undefined)).toBe(false)
    const config = JSON.parse(readFileSync('cloud/functions/api/config.json', 'utf8'))
    expect(config.triggers).toEqual([{ name: TRIGGER_NAME, type: 'timer', config: `*/${TICK_SECONDS} * * * * * *` }])
  })

  it('is never a call from the mini-program, whatever its data says: that call carries an OPENID', () => {
    // What wx-server-sdk hands the function for Taro.cloud.callFunction({ name: 'api', data }):
    // the data itself, plus userInfo, with the caller's OPENID in getWXContext().
    const spoof = { Type: 'Timer', TriggerName: TRIGGER_NAME, userInfo: { appId: 'wx0000000000000000', openId: 'o-guest' } }
    expect(isTimerRun(spoof, 'o-guest')).toBe(false)
  })

  it('dispatches the outbox every tick and sweeps once every few minutes', () => {
    const start = Date.parse('2026-03-02T01:00:00Z')
    const ticks = Array.from({ length: (30 * 60) / TICK_SECONDS }, (_, n) => start + n * TICK_SECONDS * 1_000)
    expect(ticks.every((at) => timerJobs(at).dispatch)).toBe(true)
    const sweeps = ticks.filter((at) => timerJobs(at).sweep)
    expect(sweeps).toEqual(Array.from({ length: 30 / SWEEP_EVERY_MINUTES }, (_, n) => start + n * SWEEP_EVERY_MINUTES * 60_000))
    // A tick that fires a little late still sweeps; the next one does not sweep again.
    expect(timerJobs(start + 1_500).sweep).toBe(true)
    expect(timerJobs(start + TICK_SECONDS * 1_000).sweep).toBe(false)
  })
})
