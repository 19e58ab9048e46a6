import { z } from 'zod'
import { WARNING_STATES, type WarningReason, type WarningState } from '../domain/ledger/indicators'
import { id, page, text } from './fields'
import { type Area, STAFF, returns } from './spec'

const WARNING_STATE_IDS = Object.keys(WARNING_STATES) as WarningState[]

export const listWarningsInput = z.strictObject({
  state: z.enum(WARNING_STATE_IDS).optional().meta({ title: '状态' }),
  ...page,
})

export const closeWarningInput = z.strictObject({ id: id('预警'), note: text('处置情况', 200) })

export interface WarningView {
  id: string
  enterpriseId: string
  enterpriseName: string
  month: string
  reason: WarningReason
  reasonLabel: string
  detail: string
  officerId: string | null
  state: WarningState
  stateLabel: string
  openedAt: number
  closedAt: number | null
  closeNote: string | null
}

/** 未诉先办: early-warning tasks opened from the monthly figures. */
export const warningActions = {
  'warning.list': {
    summary: '预警任务：包联企业的经营异常',
    access: STAFF,
    input: listWarningsInput,
    output: returns<{ items: WarningView[]; total: number }>(),
  },
  'warning.close': {
    summary: '走访后关闭预警任务',
    access: STAFF,
    input: closeWarningInput,
    output: returns<WarningView>(),
  },
} satisfies Area<'warning'>
