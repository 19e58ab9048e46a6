import { Button, Tag, TextArea } from '@nutui/nutui-react-taro'
import { View } from '@tarojs/components'
import Taro, { useRouter } from '@tarojs/taro'
import { useState } from 'react'
import type { VisitSlot, VisitView } from '../../../../cloud/contract'
import { HALVES, slotLabel } from '../../../../cloud/domain/visit/halves'
import { SITUATION_FIELDS, VISIT_MOVE_LABELS, type SituationField, type VisitMove } from '../../../../cloud/domain/visit/rules'
import { callApi } from '../../../api/client'
import { CardHead } from '../../../components/card-head'
import { ContactCard } from '../../../components/contact-card'
import { STATE_TONES } from '../../../components/visit-card'
import { useAction } from '../../../hooks/use-action'
import { useSubmit } from '../../../hooks/use-submit'
import { beijing, formatMoment } from '../../../utils/time'
import { SlotChips, type SlotChoice } from '../../components/slot-chips'
import '../visit-pages.scss'
import { PagePending } from '../../../components/page-state'
import { pageClass } from '../../../hooks/use-care-mode'

/** The visitor may offer any half-day of the next two weeks; the server holds it if it is free. */
function nextHalfDays(): VisitSlot[] {
  const today = beijing()
  return Array.from({ length: 14 }, (_, i) => today.add(i, 'day').format('YYYY-MM-DD')).flatMap((day) =>
    HALVES.map((half) => ({ day, half, label: slotLabel(day, half, today.format('YYYY-MM-DD')), free: true })),
  )
}

/** One visit: when, who, about what, its record, and what the viewer can do now. */
export default function VisitPage() {
  const id = decodeURIComponent(useRouter().params.id ?? '')
  const { data: visit, reload } = useAction('visit.get', { id }, id)
  if (!visit) return <PagePending />
  const now = Date.now()

  return (
    <View className={pageClass('visit-pages')}>
      <View className='bb-card'>
        <CardHead
          large
          title={visit.slotLabel}
          tag={
            <Tag plain round background={STATE_TONES[visit.state]}>
              {visit.stateLabel}
            </Tag>
          }
        />
        <View className='visit-pages__row'>
          <View>事由</View>
          <View>{visit.topic}</View>
        </View>
        <View className='visit-pages__row'>
          <View>企业</View>
          <View>{visit.enterprise.name}</View>
        </View>
        <View className='visit-pages__row'>
          <View>方式</View>
          <View>
            {visit.kindLabel}
            {visit.origin === 'proactive' ? '（主动走访）' : ''}
          </View>
        </View>
        {visit.appeal && (
          <View
            className='visit-pages__row'
            onClick={() => Taro.navigateTo({ url: `/pages/appeal-detail/index?id=${encodeURIComponent(visit.appeal!.id)}` })}
          >
            <View>相关诉求</View>
            <View className='bb-link'>{visit.appeal.title}</View>
          </View>
        )}
        {visit.note && (
          <View className='visit-pages__row'>
            <View>说明</View>
            <View>{visit.note}</View>
          </View>
        )}
        <View className='visit-pages__row'>
          <View>走访凭证</View>
          <View className={visit.proven ? 'visit-pages__ok' : 'bb-muted'}>
            {visit.checkedInAt
              ? `${formatMoment(visit.checkedInAt, now)} 现场扫码签到`
              : visit.ownerConfirmedAt
                ? `企业已于 ${formatMoment(visit.ownerConfirmedAt, now)} 确认`
                : '尚未签到或确认'}
          </View>
        </View>
      </View>
      <View className='bb-card'>
        {visit.enterpriseContact ? (
          <ContactCard label='企业联系人' person={visit.enterpriseContact} />
        ) : (
          <ContactCard label={visit.host.roleLabel} person={visit.host} />
        )}
      </View>
      {visit.record && <RecordCard visit={visit} />}
      <VisitActions visit={visit} onDone={reload} />
    </View>
  )
}

function RecordCard({ visit }: { visit: VisitView }) {
  const record = visit.record!
  return (
    <View className='bb-card'>
      <View className='bb-section-title'>走访记录</View>
      {record.participants && (
        <View className='visit-pages__row'>
          <View>参加人员</View>
          <View>{record.participants}</View>
        </View>
      )}
      {(Object.keys(SITUATION_FIELDS) as SituationField[])
        .filter((key) => record.situation[key])
        .map((key) => (
          <View className='visit-pages__row' key={key}>
            <View>{SITUATION_FIELDS[key]}</View>
            <View>{record.situation[key]}</View>
          </View>
        ))}
      {record.asks && (
        <View className='visit-pages__row'>
          <View>企业诉求</View>
          <View>{record.asks}</View>
        </View>
      )}
      {record.appeals.map((appeal) => (
        <View
          className='visit-pages__row'
          key={appeal.id}
          onClick={() => Taro.navigateTo({ url: `/pages/appeal-detail/index?id=${encodeURIComponent(appeal.id)}` })}
        >
          <View>转为诉求</View>
          <View className='bb-link'>{appeal.title}</View>
        </View>
      ))}
      {visit.internalNote && (
        <View className='visit-pages__row'>
          <View>内部备注</View>
          <View className='bb-muted'>{visit.internalNote}</View>
        </View>
      )}
    </View>
  )
}

/** Moves that need a word or a time first open a small form; the rest happen on the tap. */
const NEEDS_FORM: VisitMove[] = ['reschedule', 'decline', 'cancel']

function VisitActions({ visit, onDone }: { visit: VisitView; onDone: () => void }) {
  const [open, setOpen] = useState<VisitMove>()
  const [text, setText] = useState('')
  const [slot, setSlot] = useState<SlotChoice>()
  const { busy, error, setError, run: submit } = useSubmit()
  const isHost = visit.moves.includes('decline') || visit.moves.includes('record')
  const { data: slots } = useAction('visit.slots', {}, '', { skip: open !== 'reschedule' || isHost })
  if (visit.moves.length === 0) return null
  const choices = isHost ? nextHalfDays() : (slots?.hosts.find((h) => h.id === visit.host.id)?.slots ?? [])

  const run = async (action: VisitMove) => {
    setError(undefined)
    const base = { id: visit.id, version: visit.version }
    if (action === 'record') return Taro.navigateTo({ url: `/packageVisit/pages/record/index?id=${encodeURIComponent(visit.id)}` })
    if (action === 'checkIn') return Taro.navigateTo({ url: '/packageVisit/pages/checkin/index' })
    if (action === 'reschedule' && !slot) return setError('请选择新的时间')
    if (action === 'decline' && !text.trim()) return setError('请写明婉拒的理由')
    const done = await submit(async () => {
      if (action === 'confirm') await callApi('visit.confirm', base)
      if (action === 'attest') await callApi('visit.attest', base)
      if (action === 'reschedule') await callApi('visit.reschedule', { ...base, ...slot!, note: text })
      if (action === 'decline') await callApi('visit.decline', { ...base, reason: text })
      if (action === 'cancel') await callApi('visit.cancel', { ...base, reason: text })
    })
    if (!done) return
    setOpen(undefined)
    setText('')
    setSlot(undefined)
    onDone()
  }

  return (
    <View className='bb-card'>
      {visit.moves.includes('attest') && <View className='bb-muted visit-pages__hint'>走访人员已来过企业？确认后计入走访达标。</View>}
      <View className='visit-pages__buttons'>
        {visit.moves.map((action) => (
          <Button
            key={action}
            size='small'
            type={
              open === action || (!open && (action === 'confirm' || action === 'record' || action === 'attest')) ? 'primary' : 'default'
            }
            onClick={() => (NEEDS_FORM.includes(action) ? setOpen(open === action ? undefined : action) : void run(action))}
          >
            {VISIT_MOVE_LABELS[action]}
          </Button>
        ))}
      </View>
      {open === 'reschedule' && (
        <>
          <View className='bb-section-title visit-pages__label'>新的时间</View>
          <SlotChips slots={choices} value={slot} onChange={setSlot} />
        </>
      )}
      {open && (
        <>
          <View className='visit-pages__gap' />
          <TextArea
            value={text}
            onChange={setText}
            maxLength={200}
            placeholder={open === 'decline' ? '婉拒的理由（必填），如“当天在县里开会，请改约周三”' : '说明（可不填）'}
          />
          <Button type='primary' block loading={busy} onClick={() => run(open)}>
            确定{VISIT_MOVE_LABELS[open]}
          </Button>
        </>
      )}
      {error && <View className='visit-pages__error visit-pages__hint'>{error}</View>}
    </View>
  )
}
