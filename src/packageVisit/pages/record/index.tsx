import { Button, Input, TextArea } from '@nutui/nutui-react-taro'
import { View } from '@tarojs/components'
import Taro, { useRouter } from '@tarojs/taro'
import { useState } from 'react'
import { APPEAL_CATEGORIES, type AppealCategory } from '../../../../cloud/domain/appeal/categories'
import { SITUATION_FIELDS, type SituationField } from '../../../../cloud/domain/visit/rules'
import { callApi } from '../../../api/client'
import { Chips } from '../../../components/chips'
import { useAction } from '../../../hooks/use-action'
import { useMe } from '../../../hooks/use-me'
import { useRequestId } from '../../../hooks/use-request-id'
import { useSubmit } from '../../../hooks/use-submit'
import { pageClass } from '../../../hooks/use-care-mode'
import '../visit-pages.scss'

interface Problem {
  category: AppealCategory | undefined
  title: string
  description: string
}
const EMPTY_PROBLEM: Problem = { category: undefined, title: '', description: '' }
const SITUATION_HINTS: Record<SituationField, string> = {
  production: '开工、订单、产值',
  employment: '在岗人数、缺工、招聘',
  funding: '资金周转、贷款、回款',
  project: '在建项目、手续进度',
}

/**
 * 走访记录: what the visitor found, for a booked or checked-in visit (?id=) or a proactive one (pick
 * the enterprise). Each problem becomes an appeal filed for the enterprise, marked as from this visit.
 */
export default function RecordVisitPage() {
  const visitId = decodeURIComponent(useRouter().params.id ?? '')
  const { data: me } = useMe()
  const { data: visit } = useAction('visit.get', { id: visitId }, visitId, { skip: !visitId })
  const { data: coverage } = useAction('visit.compliance', {}, '', { skip: Boolean(visitId) })
  const [enterpriseName, setEnterpriseName] = useState<string>()
  const [topic, setTopic] = useState('')
  const [participants, setParticipants] = useState<string>()
  const [situation, setSituation] = useState<Record<SituationField, string>>({ production: '', employment: '', funding: '', project: '' })
  const [asks, setAsks] = useState('')
  const [internalNote, setInternalNote] = useState('')
  const [problems, setProblems] = useState<Problem[]>([])
  const { busy, error, setError, run } = useSubmit()
  const [requestId] = useRequestId()

  const enterprises = coverage?.mine ?? []
  const editProblem = (index: number, changes: Partial<Problem>) =>
    setProblems((list) => list.map((p, i) => (i === index ? { ...p, ...changes } : p)))

  const submit = async () => {
    setError(undefined)
    const enterpriseId = enterprises.find((e) => e.name === enterpriseName)?.id
    if (!visitId && !enterpriseId) return setError('请选择走访的企业')
    const missing = problems.findIndex((p) => !p.category)
    if (missing >= 0) return setError(`请选择第 ${missing + 1} 个问题的类别`)
    await run(async () => {
      const saved = await callApi('visit.record', {
        clientRequestId: requestId,
        ...(visitId ? { id: visitId, version: visit?.version } : { enterpriseId, topic }),
        participants: participants ?? me?.user.name ?? '',
        situation,
        asks,
        internalNote,
        problems: problems.map((p) => ({ category: p.category!, title: p.title, description: p.description })),
      })
      void Taro.redirectTo({ url: `/packageVisit/pages/visit/index?id=${encodeURIComponent(saved.id)}` })
    })
  }

  return (
    <View className={pageClass('visit-pages')}>
      <View className='bb-card'>
        {visit ? (
          <>
            <View className='visit-pages__title'>{visit.enterprise.name}</View>
            <View className='bb-muted'>
              {visit.slotLabel} · {visit.topic}
            </View>
          </>
        ) : (
          <>
            <View className='bb-section-title'>走访企业</View>
            <Chips options={enterprises.map((e) => e.name)} value={enterpriseName} onChange={setEnterpriseName} />
            <View className='bb-section-title visit-pages__label'>走访事由</View>
            <Input value={topic} onChange={setTopic} maxLength={200} placeholder='如“例行走访”“了解投产情况”' />
          </>
        )}
        <View className='bb-section-title visit-pages__label'>参加人员</View>
        <Input
          value={participants ?? me?.user.name ?? ''}
          onChange={setParticipants}
          maxLength={200}
          placeholder='走访人员和企业方参加人'
        />
      </View>

      <View className='bb-card'>
        <View className='bb-section-title'>企业情况</View>
        {(Object.keys(SITUATION_FIELDS) as SituationField[]).map((key) => (
          <View key={key} className='visit-pages__field'>
            <View className='bb-muted'>
              {SITUATION_FIELDS[key]}（{SITUATION_HINTS[key]}）
            </View>
            <TextArea
              value={situation[key]}
              onChange={(value) => setSituation((s) => ({ ...s, [key]: value }))}
              maxLength={500}
              rows={2}
              placeholder={`${SITUATION_FIELDS[key]}情况`}
            />
          </View>
        ))}
        <View className='bb-section-title visit-pages__label'>企业诉求与建议</View>
        <TextArea value={asks} onChange={setAsks} maxLength={1000} rows={3} placeholder='企业提出的困难和建议' />
      </View>

      <View className='bb-card'>
        <View className='bb-section-title'>
          发现的问题 <View className='bb-muted'>每个问题转为一条诉求，按期限办理</View>
        </View>
        {problems.map((problem, index) => (
          <View key={index} className='visit-pages__field visit-pages__problem'>
            <View className='bb-muted'>问题 {index + 1}</View>
            <Chips options={APPEAL_CATEGORIES} value={problem.category} onChange={(category) => editProblem(index, { category })} />
            <Input
              value={problem.title}
              onChange={(title) => editProblem(index, { title })}
              maxLength={40}
              placeholder='问题标题，如“缺操作工 15 人”'
            />
            <TextArea
              value={problem.description}
              onChange={(description) => editProblem(index, { description })}
              maxLength={1000}
              rows={3}
              placeholder='具体情况（至少 10 个字）'
            />
          </View>
        ))}
        <Button size='small' onClick={() => setProblems((list) => [...list, EMPTY_PROBLEM])}>
          ＋ 添加问题
        </Button>
      </View>

      <View className='bb-card'>
        <View className='bb-section-title'>内部备注（企业看不到）</View>
        <TextArea value={internalNote} onChange={setInternalNote} maxLength={500} rows={2} placeholder='给同事的备注' />
      </View>
      {error && <View className='visit-pages__error'>{error}</View>}
      <Button type='primary' block loading={busy} onClick={submit}>
        保存走访记录{problems.length ? `并提交 ${problems.length} 条诉求` : ''}
      </Button>
    </View>
  )
}
