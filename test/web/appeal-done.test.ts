import { DEFAULT_DEADLINES, deadlinePromise, initialDeadlines } from '../../cloud/domain/appeal/deadlines'
import { promiseLines } from '../../src/pages/appeal-done/promise-lines'

/**
 * 提交成功 says what the office owes for the appeal just filed: the rule the host runs with (not a
 * fixed text) and the appeal's own deadlines under it.
 */
describe('the promise on 提交成功', () => {
  const filedAt = Date.parse('2026-03-02T09:00:00+08:00')

  it('an ordinary appeal: accepted within 24 hours and closed within 3 days, with the moments', () => {
    const due = initialDeadlines(filedAt, 'normal', DEFAULT_DEADLINES)
    expect(promiseLines({ urgency: 'normal', serviceItem: null, ...due }, deadlinePromise(DEFAULT_DEADLINES))).toEqual([
      { label: '受理时限', rule: '24 小时内受理', by: '3月3日 09:00前' },
      { label: '办结时限', rule: '3 日内办结', by: '3月5日 09:00前' },
    ])
  })

  it('an urgent one runs on hours', () => {
    const due = initialDeadlines(filedAt, 'urgent', DEFAULT_DEADLINES)
    expect(promiseLines({ urgency: 'urgent', serviceItem: null, ...due }, deadlinePromise(DEFAULT_DEADLINES))).toEqual([
      { label: '受理时限', rule: '2 小时内受理', by: '3月2日 11:00前' },
      { label: '办结时限', rule: '24 小时内办结', by: '3月3日 09:00前' },
    ])
  })

  it('on working days the words follow the rule in force', () => {
    const working = { ...DEFAULT_DEADLINES, dayMode: 'working' as const }
    const due = initialDeadlines(filedAt, 'normal', working)
    const [accept, close] = promiseLines({ urgency: 'normal', serviceItem: null, ...due }, deadlinePromise(working))
    expect([accept.rule, close.rule]).toEqual(['1 个工作日内受理', '3 个工作日内办结'])
  })

  it('a 请帮我办 item is closed within the limit its window publishes', () => {
    const lines = promiseLines(
      { urgency: 'normal', serviceItem: { id: 'svc-1', name: '环评审批' }, acceptDueAt: filedAt, closeDueAt: filedAt },
      deadlinePromise(DEFAULT_DEADLINES),
    )
    expect(lines[1].rule).toBe('按窗口公布的承诺时限办结')
  })
})
