import { inZone } from '../domain/clock'
import type { Db } from '../store/database'
import { notify, type Notification } from './notify'

export const INSPECTION_PAGE = '/packageLeader/pages/inspection/index'

const when = (ms: number) => inZone(ms).format('YYYY年M月D日 HH:mm')

/** Tells a department's heads that an inspection found problems to put right, and by when. */
export async function notifyFindingsRecorded(
  trx: Db,
  inspection: { id: string; label: string; findings: number; dueAt: number },
  headIds: string[],
  now: number,
): Promise<number> {
  const told: Notification[] = headIds.map((userId) => ({
    userId,
    kind: 'inspection.record',
    title: `${inspection.label}发现 ${inspection.findings} 个问题，请整改`,
    body: `请在 ${when(inspection.dueAt)} 前整改并反馈整改情况。`,
    link: `${INSPECTION_PAGE}?inspectionId=${inspection.id}`,
    dedupeKey: `inspection:${inspection.id}:record`,
    template: 'appeal_task',
    fields: { title: inspection.label, task: '督查问题整改', due: when(inspection.dueAt) },
  }))
  return notify(trx, told, now)
}

/** A move on a finding told to the other side: an answer to the inspector, a return to the heads. */
export async function notifyFindingMove(
  trx: Db,
  finding: { id: string; inspectionId: string; text: string; dueAt: number; version: number },
  move: 'answer' | 'return',
  userIds: string[],
  note: string,
  now: number,
): Promise<number> {
  const title = move === 'answer' ? '督查问题已反馈整改情况，请审核销号' : '督查问题整改被退回，请重新整改'
  return notify(
    trx,
    userIds.map((userId) => ({
      userId,
      kind: `inspection.${move}`,
      title,
      body: `${finding.text}${note ? `：${note}` : ''}`,
      link: `${INSPECTION_PAGE}?inspectionId=${finding.inspectionId}`,
      dedupeKey: `finding:${finding.id}:${finding.version}:${move}`,
      template: 'appeal_task',
      fields: { title: finding.text, task: move === 'answer' ? '审核销号' : '重新整改', due: when(finding.dueAt) },
    })),
    now,
  )
}
