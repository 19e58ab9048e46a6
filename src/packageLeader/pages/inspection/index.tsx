import { Button, TextArea } from '@nutui/nutui-react-taro'
import { Picker, Text, View } from '@tarojs/components'
import { useState } from 'react'
import type { FindingView, InspectionView } from '../../../../cloud/contract'
import { recordInspectionInput } from '../../../../cloud/contract/inspection'
import { callApi } from '../../../api/client'
import { Chips } from '../../../components/chips'
import { Field, FieldMessage } from '../../../components/field'
import { PagePending } from '../../../components/page-state'
import { footMessage } from '../../../forms/validate'
import { useAction } from '../../../hooks/use-action'
import { useFormErrors } from '../../../hooks/use-form-errors'
import { useMe } from '../../../hooks/use-me'
import { useRequestId } from '../../../hooks/use-request-id'
import { useSubmit } from '../../../hooks/use-submit'
import { beijing } from '../../../utils/time'
import './index.scss'
import { pageClass } from '../../../hooks/use-care-mode'

const quarterOf = (d: ReturnType<typeof beijing>) => `${d.year()}-Q${Math.floor(d.month() / 3) + 1}`
const quarterLabel = (p: string) => p.replace(/(\d{4})-Q(\d)/, '$1年第$2季度')
const dueText = (ms: number) => beijing(ms).format('M月D日')

/** One finding and the moves the person may make on it now: answer (the head), close or return (the inspector). */
function FindingItem({ finding, onMoved }: { finding: FindingView; onMoved: () => Promise<void> }) {
  const [text, setText] = useState('')
  const { busy, error, run } = useSubmit()
  const move = async (action: 'inspection.answer' | 'inspection.close' | 'inspection.return') => {
    const base = { id: finding.id, version: finding.version }
    const done = await run(() =>
      action === 'inspection.answer'
        ? callApi(action, { ...base, answer: text })
        : action === 'inspection.return'
          ? callApi(action, { ...base, note: text })
          : callApi(action, base),
    )
    if (done) {
      setText('')
      await onMoved()
    }
  }
  return (
    <View className='inspection__finding'>
      <Text>
        {finding.seq}. {finding.text}
      </Text>
      <Text className={`inspection__state ${finding.overdue ? 'inspection__state--late' : ''}`}>
        {finding.stateLabel}
        {finding.state !== 'closed' && ` · ${finding.overdue ? '已超期' : `${dueText(finding.dueAt)}前整改`}`}
      </Text>
      {finding.answer && <View className='inspection__answer'>整改情况：{finding.answer}</View>}
      {finding.returnNote && finding.state === 'returned' && <View className='inspection__answer'>退回原因：{finding.returnNote}</View>}
      {finding.moves.length > 0 && (
        <>
          <TextArea
            value={text}
            onChange={setText}
            maxLength={500}
            rows={2}
            placeholder={finding.moves.includes('answer') ? '整改情况：做了什么、结果如何' : '退回时请写明原因'}
          />
          <View className='inspection__actions'>
            {finding.moves.includes('answer') && (
              <Button type='primary' size='small' loading={busy} onClick={() => move('inspection.answer')}>
                反馈整改情况
              </Button>
            )}
            {finding.moves.includes('close') && (
              <Button type='primary' size='small' loading={busy} onClick={() => move('inspection.close')}>
                销号
              </Button>
            )}
            {finding.moves.includes('return') && (
              <Button size='small' loading={busy} onClick={() => move('inspection.return')}>
                退回重改
              </Button>
            )}
          </View>
        </>
      )}
      {error && <View className='inspection__error'>{error}</View>}
    </View>
  )
}

function InspectionCard({ inspection, onMoved }: { inspection: InspectionView; onMoved: () => Promise<void> }) {
  return (
    <View className='bb-card'>
      <View className='bb-section-title'>
        {inspection.departmentName} · {quarterLabel(inspection.period)}
        <View className='bb-muted'>
          {inspection.inspectedOn} · {inspection.inspectorName}督查
        </View>
      </View>
      <View className='inspection__answer'>{inspection.summary}</View>
      {inspection.findings.map((f) => (
        <FindingItem key={f.id} finding={f} onMoved={onMoved} />
      ))}
    </View>
  )
}

/** 记录督查: the 督查 office or a leader records what they found in a department this quarter. */
function RecordForm({ onRecorded }: { onRecorded: () => Promise<void> }) {
  const { data: directory } = useAction('org.directory', {})
  const now = beijing()
  const quarters = [quarterOf(now), quarterOf(now.subtract(3, 'month'))]
  const [departmentId, setDepartmentId] = useState<string>()
  const [period, setPeriod] = useState(quarters[0])
  const [inspectedOn, setInspectedOn] = useState(now.format('YYYY-MM-DD'))
  const [summary, setSummary] = useState('')
  const [findings, setFindings] = useState('')
  const [requestId, renewRequestId] = useRequestId()
  const form = useFormErrors()
  if (!directory) return <PagePending inline rows={2} />
  const values = () => ({
    clientRequestId: requestId,
    departmentId,
    period,
    inspectedOn,
    summary,
    findings: findings
      .split('\n')
      .map((line) => line.trim())
      .filter(Boolean),
  })
  const submit = async () => {
    const done = await form.submit(recordInspectionInput, values(), (checked) => callApi('inspection.record', checked, { silent: true }))
    if (!done) return
    renewRequestId()
    setSummary('')
    setFindings('')
    await onRecorded()
  }
  const footText = footMessage(form.errors, ['departmentId', 'inspectedOn', 'summary', 'findings'])
  return (
    <View className='bb-card'>
      <View className='bb-section-title'>记录督查</View>
      <Chips
        options={directory.departments.map((d) => d.id)}
        value={departmentId}
        onChange={form.edited('departmentId', setDepartmentId)}
        label={(id) => directory.departments.find((d) => d.id === id)?.name ?? id}
      />
      <FieldMessage error={form.errors.departmentId} />
      <Chips options={quarters} value={period} onChange={setPeriod} label={quarterLabel} />
      <Field label='督查日期' error={form.errors.inspectedOn}>
        <Picker
          mode='date'
          value={inspectedOn}
          onChange={(e) => {
            setInspectedOn(String(e.detail.value))
            form.clear('inspectedOn')
          }}
        >
          <View>{inspectedOn}</View>
        </Picker>
      </Field>
      <TextArea
        value={summary}
        onChange={form.edited('summary', setSummary)}
        maxLength={500}
        rows={2}
        placeholder='督查情况：查了什么、怎么查的'
      />
      <FieldMessage error={form.errors.summary} />
      <TextArea
        value={findings}
        onChange={form.edited('findings', setFindings)}
        rows={3}
        placeholder='发现的问题，每行一条（部门负责人会收到整改通知）'
      />
      <FieldMessage error={form.errors.findings} />
      <FieldMessage error={footText} />
      <Button type='primary' block loading={form.busy} onClick={submit}>
        记录并通知整改
      </Button>
    </View>
  )
}

/**
 * 一季一督查: the 督查 office and leaders record inspections and close or return what departments
 * answer; a department head sees the findings addressed to their department and answers them.
 */
export default function InspectionPage() {
  const { data: me } = useMe()
  const isHead = me?.user.role === 'dept_head'
  const [period, setPeriod] = useState(quarterOf(beijing()))
  const list = useAction('inspection.list', { period: isHead ? undefined : period }, '', { skip: !me })
  if (!me || !list.data) return <PagePending />
  const quarters = [quarterOf(beijing()), quarterOf(beijing().subtract(3, 'month'))]
  return (
    <View className={pageClass('inspection')}>
      {!isHead && <RecordForm onRecorded={list.reload} />}
      {!isHead && <Chips options={quarters} value={period} onChange={setPeriod} label={quarterLabel} />}
      {list.data.inspections.map((i) => (
        <InspectionCard key={i.id} inspection={i} onMoved={list.reload} />
      ))}
      {list.data.inspections.length === 0 && (
        <View className='bb-card bb-muted'>{isHead ? '本部门没有督查记录。' : '这个季度还没有督查记录。'}</View>
      )}
    </View>
  )
}
