import { Button, Input, TextArea } from '@nutui/nutui-react-taro'
import { Picker, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { useState } from 'react'
import type { AppealDetail, Directory } from '../../../cloud/contract'
import { HELP_KIND_IDS, HELP_KINDS } from '../../../cloud/domain/appeal/help'
import { RATING_LABELS, RATINGS, type Rating } from '../../../cloud/domain/appeal/rules'
import { ApiError, callApi } from '../../api/client'
import { Chips } from '../../components/chips'
import { beijing } from '../../utils/time'
import { EMPTY_FORM, LEAVES_SIGHT, requestFor, STAFF_MOVE_ORDER, STAFF_MOVES, type MoveForm, type StaffMove } from './staff-moves'

const DECISIONS = ['yes', 'no'] as const

/** What the viewer can do to the appeal now: rate it (the owner), or move it on (staff). */
export function AppealMoves({ appeal, onDone }: { appeal: AppealDetail; onDone: () => void }) {
  const [open, setOpen] = useState<StaffMove | 'rate'>()
  const [form, setForm] = useState<MoveForm>(EMPTY_FORM)
  const [rating, setRating] = useState<Rating>()
  const [directory, setDirectory] = useState<Directory>()
  const [error, setError] = useState<string>()
  const [busy, setBusy] = useState(false)
  const staffActions = STAFF_MOVE_ORDER.filter((a) => appeal.allowedMoves.includes(a))
  const canRate = appeal.allowedMoves.includes('rate')
  if (staffActions.length === 0 && !canRate) return null

  const edit = (changes: Partial<MoveForm>) => setForm((current) => ({ ...current, ...changes }))
  const picks: readonly string[] = open && open !== 'rate' ? STAFF_MOVES[open].picks : []
  // 改派 picks the department first, then (optionally) one of its officers; 交办 stays in the department.
  const officerDepartment = open === 'redispatch' ? form.departmentId : appeal.department?.id
  const today = beijing().format('YYYY-MM-DD')

  const run = async () => {
    if (!open) return
    setError(undefined)
    const request =
      open === 'rate'
        ? rating && { action: 'appeal.rate' as const, payload: { id: appeal.id, version: appeal.version, rating, reason: form.text } }
        : requestFor(open, appeal, form)
    if (!request) return
    if ('missing' in request) return setError(request.missing)
    setBusy(true)
    try {
      await callApi(request.action, request.payload as never)
      if (open !== 'rate' && LEAVES_SIGHT.includes(open)) {
        void Taro.showToast({ title: `已${STAFF_MOVES[open].label}`, icon: 'none' })
        void Taro.navigateBack().catch(() => Taro.reLaunch({ url: '/pages/home/index' }))
        return
      }
      // No toast: it would cover the page for a moment, and the new state and timeline entry say it.
      setOpen(undefined)
      setForm(EMPTY_FORM)
      onDone()
    } catch (e) {
      if (e instanceof ApiError) setError(e.message)
    } finally {
      setBusy(false)
    }
  }

  return (
    <View className='bb-card appeal-moves'>
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
        <View className='appeal-moves__buttons'>
          {staffActions.map((action) => (
            <Button
              key={action}
              size='small'
              type={action === 'return' || action === 'dispute' ? 'default' : 'primary'}
              fill={open === action ? 'solid' : 'outline'}
              onClick={() => {
                setOpen(action)
                setForm(EMPTY_FORM)
                setError(undefined)
                // The pickers need the directory; fetch it the first time one is opened.
                const needs: readonly string[] = STAFF_MOVES[action].picks
                if ((needs.includes('officer') || needs.includes('department')) && !directory)
                  void callApi('org.directory', {}).then(setDirectory)
              }}
            >
              {STAFF_MOVES[action].label}
            </Button>
          ))}
        </View>
      )}
      {open && (
        <View className='appeal-moves__form'>
          {open === 'decideExtension' && appeal.requestedDueAt !== null && (
            <View className='appeal-moves__ask'>申请延期至 {beijing(appeal.requestedDueAt).format('YYYY年M月D日')}</View>
          )}
          {picks.includes('approve') && (
            <Chips
              options={DECISIONS}
              value={form.approve === undefined ? undefined : form.approve ? 'yes' : 'no'}
              onChange={(d) => edit({ approve: d === 'yes' })}
              label={(d) => (d === 'yes' ? '同意延期' : '不同意')}
            />
          )}
          <TextArea
            value={form.text}
            onChange={(text) => edit({ text })}
            rows={3}
            maxLength={1000}
            placeholder={
              open === 'rate'
                ? rating === 'unsatisfied'
                  ? '请写明不满意的理由，我们将重新办理'
                  : '说说您的意见（可不填）'
                : STAFF_MOVES[open].prompt
            }
          />
          {picks.includes('redirect') && (
            <Input
              value={form.redirectTo}
              onChange={(redirectTo) => edit({ redirectTo })}
              maxLength={200}
              placeholder='建议办理渠道：应向哪个部门或通过什么途径办理'
            />
          )}
          {picks.includes('date') && (
            <Picker
              mode='date'
              value={form.date ?? today}
              start={today}
              end={beijing().add(30, 'day').format('YYYY-MM-DD')}
              onChange={(e) => edit({ date: String(e.detail.value) })}
            >
              <View className='appeal-moves__date'>
                {open === 'accept' ? '复杂诉求的办结期限' : '延期至'}：{form.date ?? (open === 'accept' ? '一般诉求不用选' : '请选择日期')}
              </View>
            </Picker>
          )}
          {picks.includes('department') && directory && (
            <Chips
              options={directory.departments.filter((d) => open === 'redispatch' || d.id !== appeal.department?.id).map((d) => d.id)}
              value={form.departmentId}
              onChange={(departmentId) => edit({ departmentId, officerId: undefined })}
              label={(id) => directory.departments.find((d) => d.id === id)?.name ?? id}
            />
          )}
          {picks.includes('officer') && directory && officerDepartment && (
            <Chips
              options={directory.officers.filter((o) => o.departmentId === officerDepartment).map((o) => o.id)}
              value={form.officerId}
              onChange={(officerId) => edit({ officerId })}
              label={(id) => directory.officers.find((o) => o.id === id)?.name ?? id}
            />
          )}
          {picks.includes('help') && (
            <View className='appeal-moves__help'>
              <View className='bb-muted'>帮扶成效（可不填）</View>
              <Chips
                options={HELP_KIND_IDS}
                value={form.helpKind}
                onChange={(helpKind) => edit({ helpKind })}
                label={(k) => HELP_KINDS[k].label}
              />
              {form.helpKind && HELP_KINDS[form.helpKind].measure !== 'none' && (
                <Input
                  value={form.helpAmount}
                  onChange={(helpAmount) => edit({ helpAmount })}
                  type='digit'
                  placeholder={HELP_KINDS[form.helpKind].measure === 'people' ? '招录人数' : '金额（万元）'}
                />
              )}
            </View>
          )}
          {error && <View className='appeal-moves__error'>{error}</View>}
          <Button type='primary' block loading={busy} onClick={run}>
            {open === 'rate' ? '提交评价' : `确认${STAFF_MOVES[open].label}`}
          </Button>
        </View>
      )}
    </View>
  )
}
