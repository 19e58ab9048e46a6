import { Tag } from '@nutui/nutui-react-taro'
import { Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { useState } from 'react'
import type { ProjectMeetingEntry } from '../../../../cloud/contract'
import { MEETING_SPAN_LABELS, MEETING_SPANS, type MeetingSpan } from '../../../../cloud/domain/project/meeting'
import { Chips } from '../../../components/chips'
import { PagePending } from '../../../components/page-state'
import { useAction } from '../../../hooks/use-action'
import { pageClass } from '../../../hooks/use-care-mode'
import '../projects/index.scss'
import './index.scss'

const LISTS = [
  { key: 'behind', title: '滞后', hint: '节点过了计划日期未完成', none: '没有滞后的项目。', tag: 'danger' },
  { key: 'blocked', title: '受阻', hint: '反映的问题还没有办结', none: '没有未办结的项目问题。', tag: 'warning' },
  { key: 'due', title: '临期', hint: '节点在调度周期内到期', none: '调度周期内没有到期的节点。', tag: 'primary' },
] as const

/**
 * 项目调度会: the list a weekly or monthly project meeting works through — behind, blocked by an
 * open problem, falling due before the week or month ends — each project opening its page.
 */
export default function ProjectMeetingPage() {
  const [span, setSpan] = useState<MeetingSpan>('week')
  const { data } = useAction('project.meeting', { span }, span)
  return (
    <View className={pageClass('project-meeting')}>
      <Chips options={MEETING_SPANS} value={span} onChange={setSpan} label={(s) => MEETING_SPAN_LABELS[s]} />
      {!data ? (
        <PagePending inline />
      ) : (
        <>
          <View className='bb-muted project-meeting__period'>
            {data.label} · 滞后 {data.behind.length} 个 · 受阻 {data.blocked.length} 个 · 临期 {data.due.length} 个
          </View>
          {LISTS.map((list) => (
            <View key={list.key} role='region' aria-label={list.title}>
              <View className='bb-section-title'>
                {list.title}（{data[list.key].length}）<Text className='bb-muted project-meeting__hint'>{list.hint}</Text>
              </View>
              {data[list.key].length === 0 && <View className='bb-card bb-muted'>{list.none}</View>}
              {data[list.key].map((entry) => (
                <EntryCard key={entry.projectId} entry={entry} tag={list.tag} label={list.title} />
              ))}
            </View>
          ))}
        </>
      )}
    </View>
  )
}

function EntryCard({ entry, tag, label }: { entry: ProjectMeetingEntry; tag: 'danger' | 'warning' | 'primary'; label: string }) {
  return (
    <View
      className='bb-card projects__item'
      role='link'
      onClick={() => Taro.navigateTo({ url: `/packageLeader/pages/project/index?id=${encodeURIComponent(entry.projectId)}` })}
    >
      <View className='projects__head'>
        <Text className='projects__name'>{entry.name}</Text>
        <Tag type={tag}>{label}</Tag>
      </View>
      {entry.lines.map((line) => (
        <View key={line}>{line}</View>
      ))}
      <View className='bb-muted'>
        {entry.stageLabel} · 包抓领导 {entry.leaderName} · 秘书 {entry.secretaryName}
      </View>
    </View>
  )
}
