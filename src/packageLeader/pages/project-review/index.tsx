import { Tag } from '@nutui/nutui-react-taro'
import { Text, View } from '@tarojs/components'
import Taro, { useRouter } from '@tarojs/taro'
import type { ProjectReviewItemView } from '../../../../cloud/contract'
import { PagePending } from '../../../components/page-state'
import { useAction } from '../../../hooks/use-action'
import { pageClass } from '../../../hooks/use-care-mode'
import '../projects/index.scss'

/** One 观摩 record: every project as it stood that day, and the stage it has moved to since. */
export default function ProjectReviewPage() {
  const id = decodeURIComponent(useRouter().params.id ?? '')
  const { data } = useAction('project.review', { id }, id)
  if (!data) return <PagePending />
  return (
    <View className={pageClass('projects')}>
      <View className='bb-card'>
        <View className='bb-section-title'>{data.title}</View>
        <View>
          {data.projects} 个项目 · 总投资 {data.investment} 亿元 · 当日滞后 {data.behind} 个
        </View>
        <View className='bb-muted'>
          {data.takenOn} · {data.takenByName} 记录；下列为当日情况
        </View>
      </View>
      {data.items.map((item) => (
        <ItemCard key={item.projectId} item={item} />
      ))}
    </View>
  )
}

function ItemCard({ item }: { item: ProjectReviewItemView }) {
  return (
    <View
      className='bb-card projects__item'
      role='link'
      onClick={() => Taro.navigateTo({ url: `/packageLeader/pages/project/index?id=${encodeURIComponent(item.projectId)}` })}
    >
      <View className='projects__head'>
        <Text className='projects__name'>{item.name}</Text>
        <Tag type={item.milestonesBehind > 0 ? 'danger' : 'primary'}>{item.stageLabel}</Tag>
      </View>
      {item.movedSince && <View className='projects__moved'>此后：{item.movedSince}</View>}
      <View className='bb-muted'>
        {item.enterpriseName ?? '未关联企业'} · 投资 {item.investment} 亿元 · 包抓领导 {item.leaderName} · 秘书 {item.secretaryName}
      </View>
      <View>
        节点完成 {item.milestonesDone}/{item.milestonesTotal}
        {item.milestonesBehind > 0 ? ` · 滞后 ${item.milestonesBehind}` : ''}
        {item.openProblems > 0 ? ` · 未办结问题 ${item.openProblems}` : ''}
      </View>
      {item.progressNote && (
        <View className='bb-muted'>
          形象进度（{item.progressMonth}）：{item.progressNote}
        </View>
      )}
    </View>
  )
}
