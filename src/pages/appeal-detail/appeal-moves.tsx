import { ActionSheet, Button, Input, TextArea } from '@nutui/nutui-react-taro'
import { Picker, Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { useState } from 'react'
import type { AppealDetail, Directory, UploadView } from '../../../cloud/contract'
import { HELP_KIND_IDS, HELP_KINDS } from '../../../cloud/domain/appeal/help'
import {
  BAD_RATINGS,
  RATING_INDICATOR_IDS,
  RATING_INDICATORS,
  RATING_LABELS,
  RATINGS,
  type Rating,
  type RatingIndicator,
} from '../../../cloud/domain/appeal/rules'
import { ATTACHMENT_LIMITS } from '../../../cloud/domain/attachments'
import { ApiError, callApi } from '../../api/client'
import { ensurePrivacyAgreed } from '../../api/privacy'
import { uploadAttachment } from '../../api/upload'
import { AttachmentGrid } from '../../components/attachment-grid'
import { Chips, MultiChips } from '../../components/chips'
import { useMe } from '../../hooks/use-me'
import { beijing } from '../../utils/time'
import { OWNER_MOVE_ORDER, OWNER_MOVES, ownerRequestFor, type OwnerMove } from './owner-moves'
import {
  DECISIONS,
  EMPTY_FORM,
  LEAVES_SIGHT,
  requestFor,
  splitStaffMoves,
  STAFF_MOVE_ORDER,
  STAFF_MOVES,
  type ApiRequest,
  type MoveForm,
  type StaffMove,
} from './staff-moves'

const YES_NO = ['yes', 'no'] as const
const SOLVED = ['yes', 'no'] as const
const SOLVED_LABELS = { yes: '问题已解决', no: '问题未解决' } as const

type Open = StaffMove | OwnerMove | 'rate'

/** Photos an owner sends with an answer or an addition, uploaded as they are picked. */
function PhotoPicker({ items, onChange }: { items: UploadView[]; onChange: (items: UploadView[]) => void }) {
  const [uploading, setUploading] = useState(false)
  const { data: me } = useMe()
  const room = ATTACHMENT_LIMITS.maxCount - items.length
  const pick = async () => {
    if (!me || !(await ensurePrivacyAgreed())) return
    const chosen = await Taro.chooseMedia({
      count: room,
      mediaType: ['image'],
      sizeType: ['compressed'],
      sourceType: process.env.TARO_ENV === 'weapp' ? ['album', 'camera'] : ['album'],
    }).catch(() => null)
    if (!chosen) return
    setUploading(true)
    let current = items
    try {
      for (const [i, file] of chosen.tempFiles.slice(0, room).entries()) {
        const original = (file as { originalFileObj?: File }).originalFileObj
        const uploaded = await uploadAttachment(
          {
            path: file.tempFilePath,
            size: file.size,
            name: original?.name ?? `补充材料${items.length + i + 1}.${file.tempFilePath.split('.').pop()}`,
            mimeType: original?.type,
            file: original,
          },
          me.user.id,
        ).catch(() => null)
        if (uploaded) onChange((current = [...current, uploaded]))
      }
    } finally {
      setUploading(false)
    }
  }
  return (
    <AttachmentGrid items={items} onRemove={(id) => onChange(items.filter((i) => i.id !== id))}>
      {room > 0 && (
        <View className='attachment-grid__add' role='button' aria-label='添加照片' onClick={uploading ? undefined : pick}>
          <Text className='attachment-grid__plus'>+</Text>
          <Text>{uploading ? '上传中…' : '添加照片'}</Text>
        </View>
      )}
    </AttachmentGrid>
  )
}

/**
 * What the viewer can do to the appeal now: the enterprise answers what it is asked, adds to it,
 * objects to a return, withdraws it or rates it (五级好差评); staff move it on. Only the moves the
 * server allows this person (allowedMoves) are offered.
 */
export function AppealMoves({ appeal, onDone }: { appeal: AppealDetail; onDone: () => void }) {
  const [open, setOpen] = useState<Open>()
  const [form, setForm] = useState<MoveForm>(EMPTY_FORM)
  const [files, setFiles] = useState<UploadView[]>([])
  const [rating, setRating] = useState<Rating>()
  const [indicators, setIndicators] = useState<RatingIndicator[]>([])
  const [solved, setSolved] = useState<'yes' | 'no'>()
  const [directory, setDirectory] = useState<Directory>()
  const [error, setError] = useState<string>()
  const [busy, setBusy] = useState(false)
  const [moreOpen, setMoreOpen] = useState(false)
  const staffActions = STAFF_MOVE_ORDER.filter((a) => appeal.allowedMoves.includes(a))
  const { primary, more } = splitStaffMoves(staffActions)
  const ownerActions = OWNER_MOVE_ORDER.filter((a) => appeal.allowedMoves.includes(a))
  const canRate = appeal.allowedMoves.includes('rate')
  if (staffActions.length === 0 && ownerActions.length === 0 && !canRate) return null

  const edit = (changes: Partial<MoveForm>) => setForm((current) => ({ ...current, ...changes }))
  const staffMove = open && open in STAFF_MOVES ? (open as StaffMove) : undefined
  const ownerMove = open && open in OWNER_MOVES ? (open as OwnerMove) : undefined
  const picks: readonly string[] = staffMove ? STAFF_MOVES[staffMove].picks : []
  // 改派 picks the department first, then (optionally) one of its officers; 交办 stays in the department.
  const officerDepartment = open === 'redispatch' ? form.departmentId : appeal.department?.id
  const today = beijing().format('YYYY-MM-DD')
  // A later close date means after the one in force: the picker starts the day after it.
  const laterThanDeadline = beijing(appeal.closeDueAt).add(1, 'day').format('YYYY-MM-DD')
  const firstDay = laterThanDeadline > today ? laterThanDeadline : today
  const bad = rating !== undefined && BAD_RATINGS.includes(rating)

  const choose = (move: Open) => {
    setOpen(move)
    setForm(EMPTY_FORM)
    setFiles([])
    setError(undefined)
    // The pickers need the directory; fetch it the first time one is opened.
    const needs: readonly string[] = move in STAFF_MOVES ? STAFF_MOVES[move as StaffMove].picks : []
    if ((needs.includes('officer') || needs.includes('department')) && !directory) void callApi('org.directory', {}).then(setDirectory)
  }

  const send = async (request: ApiRequest | { missing: string } | undefined, leaves = false) => {
    if (!request) return
    if ('missing' in request) return setError(request.missing)
    setError(undefined)
    setBusy(true)
    try {
      await callApi(request.action, request.payload as never)
      if (leaves) {
        void Taro.showToast({ title: '已转办', icon: 'none' })
        void Taro.navigateBack().catch(() => Taro.reLaunch({ url: '/pages/home/index' }))
        return
      }
      // No toast: it would cover the page for a moment, and the new state and timeline entry say it.
      setOpen(undefined)
      setForm(EMPTY_FORM)
      setFiles([])
      onDone()
    } catch (e) {
      if (e instanceof ApiError) setError(e.message)
    } finally {
      setBusy(false)
    }
  }

  const run = () => {
    if (!open) return
    if (open === 'rate')
      return send(
        rating && {
          action: 'appeal.rate',
          payload: {
            id: appeal.id,
            version: appeal.version,
            rating,
            reason: form.text,
            indicators,
            ...(solved ? { solved: solved === 'yes' } : {}),
          },
        },
      )
    if (ownerMove) return send(ownerRequestFor(ownerMove, appeal, { text: form.text, attachmentIds: files.map((f) => f.id) }))
    return send(requestFor(staffMove!, appeal, form), LEAVES_SIGHT.includes(staffMove!))
  }

  const placeholder = (): string => {
    if (open === 'rate') return bad ? '请写明不满意的理由，我们将限期整改' : '说说您的意见（可不填）'
    if (ownerMove) return OWNER_MOVES[ownerMove].prompt ?? ''
    if (open === 'accept' && form.date) return '延长办结期限的理由（企业会看到，部门负责人审批）'
    return STAFF_MOVES[staffMove!].prompt
  }
  const label = open === 'rate' ? '评价' : ownerMove ? OWNER_MOVES[ownerMove].label : staffMove ? STAFF_MOVES[staffMove].label : ''

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
      {ownerActions.length > 0 && (
        <View className='appeal-moves__buttons'>
          {ownerActions.map((move) => (
            <Button
              key={move}
              size='small'
              type={move === 'withdraw' ? 'default' : 'primary'}
              fill={open === move ? 'solid' : 'outline'}
              loading={busy && open === move && OWNER_MOVES[move].prompt === null}
              onClick={() => {
                // A move with nothing to write (确认需补充) is made by the tap itself.
                if (OWNER_MOVES[move].prompt !== null) return choose(move)
                setOpen(move)
                void send(ownerRequestFor(move, appeal, { text: '', attachmentIds: [] }))
              }}
            >
              {OWNER_MOVES[move].label}
            </Button>
          ))}
        </View>
      )}
      {primary && (
        // One move as the button, the others one tap away: a row of equal buttons hid which mattered.
        <View className='appeal-moves__bar'>
          <Button className='appeal-moves__primary' type='primary' onClick={() => choose(primary)}>
            {STAFF_MOVES[primary].label}
          </Button>
          {more.length > 0 && (
            <Button
              className='appeal-moves__more'
              fill={open && more.includes(open as StaffMove) ? 'solid' : 'outline'}
              onClick={() => setMoreOpen(true)}
            >
              {open && more.includes(open as StaffMove) ? STAFF_MOVES[open as StaffMove].label : '更多'}
            </Button>
          )}
          <ActionSheet
            visible={moreOpen}
            title='更多操作'
            options={more.map((move) => ({ name: STAFF_MOVES[move].label, move }))}
            cancelText='取消'
            onSelect={(option) => {
              setMoreOpen(false)
              choose(option.move as StaffMove)
            }}
            onCancel={() => setMoreOpen(false)}
          />
        </View>
      )}
      {error && ownerMove && OWNER_MOVES[ownerMove].prompt === null && <View className='appeal-moves__error'>{error}</View>}
      {open && !(ownerMove && OWNER_MOVES[ownerMove].prompt === null) && (
        <View className='appeal-moves__form'>
          {open === 'rate' && (
            <>
              <View className='bb-muted'>问题解决了吗？</View>
              <Chips options={SOLVED} value={solved} onChange={setSolved} label={(s) => SOLVED_LABELS[s]} />
              <View className='bb-muted'>您认可的方面（可多选）</View>
              <MultiChips options={RATING_INDICATOR_IDS} value={indicators} onChange={setIndicators} label={(i) => RATING_INDICATORS[i]} />
            </>
          )}
          {open === 'decideExtension' && appeal.requestedDueAt !== null && (
            <View className='appeal-moves__ask'>申请延期至 {beijing(appeal.requestedDueAt).format('YYYY年M月D日')}</View>
          )}
          {picks.includes('summary') && (
            <Input
              value={form.summary}
              onChange={(summary) => edit({ summary })}
              maxLength={60}
              placeholder='公开摘要：一句话说明诉求，不写人名、电话等'
            />
          )}
          {picks.includes('approve') && staffMove && DECISIONS[staffMove] && (
            <Chips
              options={YES_NO}
              value={form.approve === undefined ? undefined : form.approve ? 'yes' : 'no'}
              onChange={(d) => edit({ approve: d === 'yes' })}
              label={(d) => DECISIONS[staffMove]![d === 'yes' ? 0 : 1]}
            />
          )}
          {picks.includes('rating') && form.approve === false && (
            <>
              <View className='bb-muted'>企业现在的评价</View>
              <Chips options={RATINGS} value={form.rating} onChange={(r) => edit({ rating: r })} label={(r) => RATING_LABELS[r]} />
            </>
          )}
          {picks.includes('solved') && (
            <Chips
              options={SOLVED}
              value={form.solved === undefined ? undefined : form.solved ? 'yes' : 'no'}
              onChange={(s) => edit({ solved: s === 'yes' })}
              label={(s) => `企业说${SOLVED_LABELS[s]}`}
            />
          )}
          {picks.includes('office') && (
            <Input
              value={form.office}
              onChange={(office) => edit({ office })}
              maxLength={40}
              placeholder='县级部门，如“县自然资源和规划局”'
            />
          )}
          {placeholder() && (
            <TextArea value={form.text} onChange={(text) => edit({ text })} rows={3} maxLength={1000} placeholder={placeholder()} />
          )}
          {ownerMove && OWNER_MOVES[ownerMove].files && <PhotoPicker items={files} onChange={setFiles} />}
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
              value={form.date ?? firstDay}
              start={firstDay}
              end={beijing().add(30, 'day').format('YYYY-MM-DD')}
              onChange={(e) => edit({ date: String(e.detail.value) })}
            >
              <View className='appeal-moves__date'>
                {open === 'accept' ? '复杂诉求的办结期限（需部门负责人审批）' : '延期至'}：
                {form.date ?? (open === 'accept' ? '一般诉求不用选' : '请选择日期')}
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
            {open === 'rate' ? '提交评价' : `确认${label}`}
          </Button>
        </View>
      )}
    </View>
  )
}
