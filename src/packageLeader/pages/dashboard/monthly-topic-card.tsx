import { Button, TextArea } from '@nutui/nutui-react-taro'
import { Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { useState } from 'react'
import type { TopicCandidate } from '../../../../cloud/contract'
import { callApi } from '../../../api/client'
import { Chips } from '../../../components/chips'
import { useAction } from '../../../hooks/use-action'
import { useSubmit } from '../../../hooks/use-submit'

const TOPIC_STATE = { open: '办理中', overdue: '已超期', done: '已解决' } as const

/**
 * 每月一题: the month's topic and how far it has come, or, before one is chosen, the shared problems
 * touching the most enterprises, one of which the leader gives to a task force.
 */
export function MonthlyTopicCard({ month }: { month: string }) {
  const { data: topics, reload } = useAction('topic.list', {})
  const topic = topics?.find((t) => t.month === month)
  const { data: candidates } = useAction('topic.candidates', { month }, month, { skip: !topics || Boolean(topic) })
  const { data: directory } = useAction('org.directory', {})
  const [chosen, setChosen] = useState<TopicCandidate>()
  const [department, setDepartment] = useState<string>()
  const [note, setNote] = useState('')
  const { error, setError, run } = useSubmit()

  const assign = async () => {
    if (!chosen) return
    const departmentId = directory?.departments.find((d) => d.name === (department ?? chosen.department?.name))?.id
    if (!departmentId) return setError('请选择牵头部门')
    if (!(await run(() => callApi('topic.assign', { month, key: chosen.key, departmentId, note })))) return
    setChosen(undefined)
    await reload()
  }

  return (
    <View className='bb-card'>
      <View className='bb-section-title'>每月一题</View>
      {topic ? (
        <View
          role='link'
          onClick={() =>
            topic.leadAppealId && Taro.navigateTo({ url: `/pages/appeal-detail/index?id=${encodeURIComponent(topic.leadAppealId)}` })
          }
        >
          <View className='dashboard__topic-title'>{topic.title}</View>
          <View className='bb-muted'>
            {topic.department.name}牵头 · {topic.dueOn} 前解决 · {topic.appeals - topic.open}/{topic.appeals} 件已办结 ·{' '}
            <Text className={topic.state === 'overdue' ? 'dashboard__late' : topic.state === 'done' ? 'dashboard__ok' : ''}>
              {TOPIC_STATE[topic.state]}
            </Text>
          </View>
        </View>
      ) : (
        <>
          {candidates?.length === 0 && <View className='bb-muted'>本月还没有多家企业共同反映的问题。</View>}
          {candidates?.map((c) => (
            <View
              key={c.key}
              className={`dashboard__candidate ${chosen?.key === c.key ? 'dashboard__candidate--chosen' : ''}`}
              role='radio'
              aria-checked={chosen?.key === c.key}
              onClick={() => setChosen(c)}
            >
              <View className='dashboard__topic-title'>
                {c.title}{' '}
                <Text className='bb-muted'>
                  {c.enterpriseCount} 家企业 · {c.appeals} 件{c.linked ? ' · 已并案' : ''}
                </Text>
              </View>
              <View className='bb-muted'>
                {c.enterprises.slice(0, 4).join('、')}
                {c.enterpriseCount > 4 ? ' 等' : ''}
              </View>
            </View>
          ))}
          {chosen && directory && (
            <View className='dashboard__press'>
              <View className='bb-muted'>牵头部门</View>
              <Chips
                options={directory.departments.map((d) => d.name)}
                value={department ?? chosen.department?.name}
                onChange={setDepartment}
              />
              <TextArea value={note} onChange={setNote} maxLength={300} rows={2} placeholder='工作要求，如“联合职教中心开展定向培训”' />
              {error && <View className='dashboard__late'>{error}</View>}
              <Button type='primary' size='small' onClick={assign}>
                定为本月一题
              </Button>
            </View>
          )}
        </>
      )}
    </View>
  )
}
