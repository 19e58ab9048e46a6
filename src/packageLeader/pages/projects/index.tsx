import { Button, Tag } from '@nutui/nutui-react-taro'
import { Text, View } from '@tarojs/components'
import Taro, { useRouter } from '@tarojs/taro'
import { useState } from 'react'
import { Chips } from '../../../components/chips'
import { PagePending } from '../../../components/page-state'
import { useAction } from '../../../hooks/use-action'
import { useMe } from '../../../hooks/use-me'
import { pageClass } from '../../../hooks/use-care-mode'
import './index.scss'

const FILTERS = ['all', 'behind'] as const
type Filter = (typeof FILTERS)[number]
const FILTER_LABELS: Record<Filter, string> = { all: '全部项目', behind: '滞后' }

/** 重点项目: each with its stage, 包抓 leader and secretary; 滞后 keeps those with a milestone past its day. */
export default function ProjectsPage() {
  // The bulletin's 滞后 figure opens the list already narrowed.
  const [filter, setFilter] = useState<Filter>(useRouter().params.filter === 'behind' ? 'behind' : 'all')
  const { data } = useAction('project.list', { behind: filter === 'behind', limit: 50 })
  const { data: me } = useMe()
  const mayCreate = me?.user.role === 'leader' || me?.user.role === 'admin'
  return (
    <View className={pageClass('projects')}>
      {mayCreate && (
        <Button type='primary' block onClick={() => Taro.navigateTo({ url: '/packageLeader/pages/project-edit/index' })}>
          新建项目
        </Button>
      )}
      <View className='projects__tools'>
        <Chips options={FILTERS} value={filter} onChange={setFilter} label={(f) => FILTER_LABELS[f]} />
        <View className='projects__links'>
          <Text className='bb-link' onClick={() => Taro.navigateTo({ url: '/packageLeader/pages/project-meeting/index' })}>
            调度会清单
          </Text>
          <Text className='bb-link' onClick={() => Taro.navigateTo({ url: '/packageLeader/pages/project-reviews/index' })}>
            半年观摩
          </Text>
        </View>
      </View>
      {!data ? (
        <PagePending inline />
      ) : (
        <>
          <View className='bb-muted'>共 {data.total} 个项目</View>
          {data.items.map((project) => (
            <View
              key={project.id}
              className='bb-card projects__item'
              role='link'
              onClick={() => Taro.navigateTo({ url: `/packageLeader/pages/project/index?id=${encodeURIComponent(project.id)}` })}
            >
              <View className='projects__head'>
                <Text className='projects__name'>{project.name}</Text>
                <Tag type={project.behind ? 'danger' : 'primary'}>
                  {project.behind ? `滞后 ${project.behindCount}` : project.stageLabel}
                </Tag>
              </View>
              <View className='bb-muted'>
                {project.enterpriseName ?? '未关联企业'} · 投资 {project.investment} 亿元 · {project.stageLabel}
              </View>
              <View className='bb-muted'>
                包抓领导 {project.leaderName} · 秘书 {project.secretaryName} · 未完成节点 {project.openCount}
              </View>
            </View>
          ))}
          {data.items.length === 0 && (
            <View className='bb-card bb-muted'>{filter === 'behind' ? '没有滞后的项目。' : '还没有重点项目。'}</View>
          )}
        </>
      )}
    </View>
  )
}
