import type { ApiRequest } from './staff-moves'

/**
 * What the enterprise can do to its appeal besides rating it, in the order of the buttons: confirm
 * that it was asked for something (the clock then pauses), answer it, add to an open appeal, object
 * to a return (once), or withdraw it. `prompt` is what the text box asks for (none: no form);
 * `files`: photos may go with it.
 */
export const OWNER_MOVES = {
  confirmInfoRequest: { label: '确认需补充（暂停计时）', prompt: null, files: false },
  supplyInfo: { label: '补充材料', prompt: '补充的内容：材料说明、情况说明', files: true },
  addInfo: { label: '补充说明', prompt: '要补充的情况', files: true },
  objectReturn: { label: '对不予受理有异议', prompt: '异议理由：为什么应当受理（只能提一次）', files: false },
  withdraw: { label: '撤回诉求', prompt: '撤回理由：问题已解决、不再需要等', files: false },
} as const

export type OwnerMove = keyof typeof OWNER_MOVES
export const OWNER_MOVE_ORDER = Object.keys(OWNER_MOVES) as OwnerMove[]

export interface OwnerForm {
  text: string
  attachmentIds: string[]
}

/** The call an owner's form makes. Text rules are the server's. */
export function ownerRequestFor(move: OwnerMove, appeal: { id: string; version: number }, form: OwnerForm): ApiRequest {
  const base = { id: appeal.id, version: appeal.version }
  switch (move) {
    case 'confirmInfoRequest':
      return { action: 'appeal.confirmInfoRequest', payload: base }
    case 'supplyInfo':
      return { action: 'appeal.supplyInfo', payload: { ...base, note: form.text, attachmentIds: form.attachmentIds } }
    case 'addInfo':
      return { action: 'appeal.addInfo', payload: { ...base, note: form.text, attachmentIds: form.attachmentIds } }
    case 'objectReturn':
      return { action: 'appeal.objectReturn', payload: { ...base, reason: form.text } }
    case 'withdraw':
      return { action: 'appeal.withdraw', payload: { ...base, reason: form.text } }
  }
}
