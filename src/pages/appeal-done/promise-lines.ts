import type { AppealDetail } from '../../../cloud/contract'
import type { DeadlinePromise } from '../../../cloud/domain/appeal/deadlines'
import { beijing } from '../../utils/time'

export interface PromiseLine {
  label: '受理时限' | '办结时限'
  /** The rule in force, as the office words it (24 小时内受理). */
  rule: string
  /** This appeal's own deadline under it, Beijing time. */
  by: string
}

type Filed = Pick<AppealDetail, 'urgency' | 'serviceItem' | 'acceptDueAt' | 'closeDueAt'>

/**
 * What the office promises for the appeal just filed: the rule (from the host's deadline
 * configuration, through auth.me) and the moments the server set by it. An urgent appeal runs on
 * hours; a 请帮我办 item on the limit its window publishes.
 */
export function promiseLines(appeal: Filed, promise: DeadlinePromise): PromiseLine[] {
  const urgent = appeal.urgency === 'urgent'
  const by = (ms: number) => `${beijing(ms).format('M月D日 HH:mm')}前`
  const close = urgent ? promise.urgentClose : appeal.serviceItem ? '按窗口公布的承诺时限办结' : promise.close
  return [
    { label: '受理时限', rule: urgent ? promise.urgentAccept : promise.accept, by: by(appeal.acceptDueAt) },
    { label: '办结时限', rule: close, by: by(appeal.closeDueAt) },
  ]
}
