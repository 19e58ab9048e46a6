import { z } from 'zod'
import { HELP_KIND_IDS } from '../domain/appeal/help'
import { HELP_ENTRY_STATES, type HelpEntryState } from '../domain/ledger/help-entry'
import { clientRequestId, day, id, page, text } from './fields'
import { type Area, STAFF, returns } from './spec'

const HELP_STATE_IDS = Object.keys(HELP_ENTRY_STATES) as HelpEntryState[]

export const recordHelpInput = z.strictObject({
  /** One record per form, however often it is submitted. */
  clientRequestId,
  /** Every firm the help reached: one entry each, tied by one event (a 银企对接会 for 11 firms). */
  enterpriseIds: z
    .array(id('企业'))
    .min(1, '请选择至少一家企业')
    .max(100, '一次最多记录 100 家企业')
    .refine((ids) => new Set(ids).size === ids.length, '企业重复了')
    .meta({ title: '企业' }),
  kind: z.enum(HELP_KIND_IDS, { error: '请选择帮扶类型' }).meta({ title: '帮扶类型' }),
  /** 万元 for money kinds, people for 用工招录, absent for kinds without a measure; per firm. */
  amount: z.number().min(0).max(1_000_000).nullable().optional().meta({ title: '金额（万元）或人数' }),
  givenOn: day('帮扶日期'),
  note: text('帮扶情况', 200),
  /** Uploads the recorder made (凭证: a document or a photo). */
  evidence: z.array(id('凭证')).max(9, '凭证最多 9 个').default([]).meta({ title: '凭证' }),
  /** The appeal the help answered, when it did. */
  appealId: id('诉求').optional(),
})

export const listHelpInput = z.strictObject({
  /** Staff may narrow to one enterprise they cover; an owner always sees their own. */
  enterpriseId: id('企业').optional(),
  state: z.enum(HELP_STATE_IDS).optional().meta({ title: '状态' }),
  ...page,
})

export const confirmHelpInput = z.strictObject({ id: id('帮扶记录') })
export const disputeHelpInput = z.strictObject({ id: id('帮扶记录'), reason: text('异议理由', 200) })

export interface HelpEntryView {
  id: string
  eventId: string
  enterpriseId: string
  enterpriseName: string
  kind: string
  kindLabel: string
  /** Yuan, or people; null for kinds without a measure. */
  amount: number | null
  /** e.g. 新增贷款 1600 万元. */
  text: string
  givenOn: string
  note: string
  evidence: string[]
  appealId: string | null
  state: HelpEntryState
  stateLabel: string
  disputeReason: string | null
  recordedAt: number
  answeredAt: number | null
}

/** 帮扶台账 */
export const helpActions = {
  'help.record': {
    summary: '记录帮扶（可一次记录多家企业）',
    access: STAFF,
    input: recordHelpInput,
    output: returns<{ eventId: string; entries: HelpEntryView[] }>(),
  },
  'help.list': {
    summary: '帮扶记录：企业看本企业的，工作人员看包联企业的',
    access: ['owner', ...STAFF],
    input: listHelpInput,
    output: returns<{ items: HelpEntryView[]; total: number }>(),
  },
  'help.confirm': {
    summary: '企业确认收到帮扶',
    access: ['owner'],
    input: confirmHelpInput,
    output: returns<HelpEntryView>(),
  },
  'help.dispute': {
    summary: '企业对帮扶记录提出异议',
    access: ['owner'],
    input: disputeHelpInput,
    output: returns<HelpEntryView>(),
  },
} satisfies Area<'help'>
