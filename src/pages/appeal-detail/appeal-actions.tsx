import { Button, Input, TextArea } from '@nutui/nutui-react-taro'
import { View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { useState } from 'react'
import type { AppealDetail, Directory } from '../../../cloud/contract'
import { HELP_KIND_IDS, HELP_KINDS, type HelpKind } from '../../../cloud/domain/appeal/help'
import { ApiError, callApi } from '../../api/client'
import { Chips } from '../../components/chips'

type Rating = 'satisfied' | 'basically_satisfied' | 'unsatisfied'
const RATINGS: readonly Rating[] = ['satisfied', 'basically_satisfied', 'unsatisfied']
const RATING_LABELS: Record<Rating, string> = { satisfied: '满意', basically_satisfied: '基本满意', unsatisfied: '不满意' }

/** The staff actions this page offers, with the words on the button and what the text box asks for. */
const STAFF_ACTIONS = {
  accept: { label: '受理', prompt: '受理说明（可不填）' },
  progress: { label: '添加进展', prompt: '办理到哪一步了' },
  resolve: { label: '办结', prompt: '办理结果：做了什么、解决了什么' },
  return: { label: '不予受理', prompt: '不予受理的理由' },
  followUp: { label: '回访', prompt: '回访情况：企业对办理结果怎么说' },
  assign: { label: '交办', prompt: '交办说明（可不填）' },
  transfer: { label: '转办', prompt: '转办理由：为什么应由该部门办理' },
} as const
type StaffAction = keyof typeof STAFF_ACTIONS

/** Officers think in 万元; the API takes yuan (or people). */
function helpPayload(kind: HelpKind | undefined, amount: string): { helpKind?: HelpKind; helpAmount?: number } {
  if (!kind) return {}
  const value = Number(amount)
  if (!amount || !Number.isFinite(value) || HELP_KINDS[kind].measure === 'none') return { helpKind: kind }
  return { helpKind: kind, helpAmount: Math.round(HELP_KINDS[kind].measure === 'yuan' ? value * 10_000 : value) }
}

/** What the viewer can do to the appeal now: rate it (the owner), or move it on (the handler). */
export function AppealActions({ appeal, onDone }: { appeal: AppealDetail; onDone: () => void }) {
  const [open, setOpen] = useState<StaffAction | 'rate'>()
  const [text, setText] = useState('')
  const [rating, setRating] = useState<Rating>()
  const [helpKind, setHelpKind] = useState<HelpKind>()
  const [helpAmount, setHelpAmount] = useState('')
  const [directory, setDirectory] = useState<Directory>()
  const [target, setTarget] = useState<string>()
  const [error, setError] = useState<string>()
  const [busy, setBusy] = useState(false)
  const staffActions = (Object.keys(STAFF_ACTIONS) as StaffAction[]).filter((a) => appeal.allowedActions.includes(a))
  const canRate = appeal.allowedActions.includes('rate')
  if (staffActions.length === 0 && !canRate) return null

  const run = async () => {
    setBusy(true)
    setError(undefined)
    const base = { id: appeal.id, version: appeal.version }
    try {
      if (open === 'accept') await callApi('appeal.accept', { ...base, note: text })
      if (open === 'progress') await callApi('appeal.progress', { ...base, note: text })
      if (open === 'resolve') await callApi('appeal.resolve', { ...base, outcome: text, ...helpPayload(helpKind, helpAmount) })
      if (open === 'assign' && target) await callApi('appeal.assign', { ...base, officerId: target, note: text })
      if (open === 'transfer' && target) await callApi('appeal.transfer', { ...base, departmentId: target, reason: text })
      if (open === 'followUp') await callApi('appeal.followUp', { ...base, note: text })
      if (open === 'return') await callApi('appeal.return', { ...base, reason: text, redirectTo: '请向镇经济发展局咨询办理渠道' })
      if (open === 'rate' && rating) await callApi('appeal.rate', { ...base, rating, reason: text })
      if (open === 'transfer') {
        // It now belongs to another department and may be out of this person's sight: go back.
        void Taro.showToast({ title: '已转办', icon: 'none' })
        void Taro.navigateBack().catch(() => Taro.reLaunch({ url: '/pages/home/index' }))
        return
      }
      // No toast: it would cover the page for a moment, and the new state and timeline entry say it.
      setOpen(undefined)
      setText('')
      onDone()
    } catch (e) {
      if (e instanceof ApiError) setError(e.message)
    } finally {
      setBusy(false)
    }
  }

  return (
    <View className='bb-card appeal-actions'>
      {canRate && (
        <>
          <View className='bb-section-title'>办理结果满意吗？</View>
          <Chips
            options={RATINGS}
            value={rating}
            onChange={(r) => {
              setRating(r)
              setOpen('rate')
            }}
            label={(r) => RATING_LABELS[r]}
          />
        </>
      )}
      {staffActions.length > 0 && (
        <View className='appeal-actions__buttons'>
          {staffActions.map((action) => (
            <Button
              key={action}
              size='small'
              type={action === 'return' ? 'default' : 'primary'}
              fill={open === action ? 'solid' : 'outline'}
              onClick={() => {
                setOpen(action)
                setTarget(undefined)
                // The pickers need the directory; fetch it the first time one is opened.
                if ((action === 'assign' || action === 'transfer') && !directory) void callApi('org.directory', {}).then(setDirectory)
              }}
            >
              {STAFF_ACTIONS[action].label}
            </Button>
          ))}
        </View>
      )}
      {open && (
        <View className='appeal-actions__form'>
          <TextArea
            value={text}
            onChange={setText}
            rows={3}
            maxLength={1000}
            placeholder={open === 'rate' ? (rating === 'unsatisfied' ? '请写明不满意的理由，我们将重新办理' : '说说您的意见（可不填）') : STAFF_ACTIONS[open].prompt}
          />
          {open === 'assign' && directory && (
            <Chips
              options={directory.officers.filter((o) => o.departmentId === appeal.department?.id).map((o) => o.id)}
              value={target}
              onChange={setTarget}
              label={(id) => directory.officers.find((o) => o.id === id)?.name ?? id}
            />
          )}
          {open === 'transfer' && directory && (
            <Chips
              options={directory.departments.filter((d) => d.id !== appeal.department?.id).map((d) => d.id)}
              value={target}
              onChange={setTarget}
              label={(id) => directory.departments.find((d) => d.id === id)?.name ?? id}
            />
          )}
          {open === 'resolve' && (
            <View className='appeal-actions__help'>
              <View className='bb-muted'>帮扶成效（可不填）</View>
              <Chips options={HELP_KIND_IDS} value={helpKind} onChange={setHelpKind} label={(k) => HELP_KINDS[k].label} />
              {helpKind && HELP_KINDS[helpKind].measure !== 'none' && (
                <Input
                  value={helpAmount}
                  onChange={setHelpAmount}
                  type='digit'
                  placeholder={HELP_KINDS[helpKind].measure === 'people' ? '招录人数' : '金额（万元）'}
                />
              )}
            </View>
          )}
          {error && <View className='appeal-actions__error'>{error}</View>}
          <Button type='primary' block loading={busy} onClick={run}>
            {open === 'rate' ? '提交评价' : `确认${STAFF_ACTIONS[open].label}`}
          </Button>
        </View>
      )}
    </View>
  )
}
